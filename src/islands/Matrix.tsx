import { Component } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  DEFAULT_WEIGHT,
  WEIGHTS,
  choiceOf,
  type Cell,
  type RubricFrame,
  type RubricItem,
  type Scorecard as Card,
} from '../rubric/types';
import { getCell, weightOf } from '../rubric/scorecard';
import { aggregate } from '../rubric/scoring';
import { scoreCell, setAnalogyWeight } from './store';
import { LevelSelect } from './LevelSelect';
import { AnalogyHeaderRow } from './AnalogyHeaderRow';
import type { CellDetails } from './CellDetails';

let loadedDetails: typeof CellDetails | null = null;

/**
 * A cell's confidence and note, behind a disclosure. The editors are rendered only
 * while it is open: thirty of them at once would slow the page's first interaction.
 */
function CellDetailsToggle({ lab, analogy, cell }: { lab: RubricItem; analogy: RubricItem; cell: Cell }) {
  const [open, setOpen] = useState(false);
  // Loaded on the first opening: most readers score without opening any.
  const [Details, setDetails] = useState<typeof CellDetails | null>(() => loadedDetails);
  useEffect(() => {
    if (open && Details === null)
      void import('./CellDetails').then((module) => {
        loadedDetails = module.CellDetails;
        setDetails(() => module.CellDetails);
      });
  }, [open]);
  const filled = cell.note !== undefined || cell.confidence !== undefined;
  return (
    // One open at a time per lab: on a laptop the open one's panel takes the width of the matrix below its row.
    <details name={lab.id} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {filled ? 'Details ✓' : 'Details'}
        <span class="visually-hidden">
          {' '}
          (note and confidence: {analogy.name}, {lab.name})
        </span>
      </summary>
      {open && Details && (
        <div class="details-panel">
          <Details lab={lab} analogy={analogy} cell={cell} />
        </div>
      )}
    </details>
  );
}

// The server cannot know the reader's card: its HTML claims no aggregate until the island shows the saved one.
const formatScore = (score: number | null) =>
  score === null ? (import.meta.env.SSR ? '…' : '–') : score.toFixed(2);

interface CellProps {
  lab: RubricItem;
  analogy: RubricItem;
  /** The domain replaces a cell's object only when that cell changes. */
  cell: Cell;
}

/** One lab on one analogy: redrawn only when its own cell changes, so an edit redraws one cell. */
class MatrixCell extends Component<CellProps> {
  override shouldComponentUpdate(next: CellProps): boolean {
    return next.cell !== this.props.cell || next.analogy !== this.props.analogy;
  }

  override render({ lab, analogy, cell }: CellProps) {
    return (
      <td class={cell.level === null ? 'unscored' : `level-${cell.level}`} data-label={analogy.name}>
        <LevelSelect
          compact
          lab={lab}
          analogy={analogy}
          level={cell.level}
          onChange={(level) => scoreCell(lab.id, analogy.id, level)}
        />
        <CellDetailsToggle lab={lab} analogy={analogy} cell={cell} />
      </td>
    );
  }
}

interface RowProps {
  lab: RubricItem;
  analogies: readonly RubricItem[];
  card: Card;
  /** The lab's cells; the domain replaces this object only when one of them changes. */
  row: Card['cells'][string] | undefined;
  aggregate: string;
}

/**
 * One lab's row of the matrix (one card per lab on a phone). It re-renders only when its
 * own cells or aggregate change, so an edit redraws one row rather than every control.
 */
class MatrixRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return (
      next.row !== this.props.row ||
      next.aggregate !== this.props.aggregate ||
      next.analogies !== this.props.analogies
    );
  }

  override render({ lab, analogies, card, aggregate }: RowProps) {
    return (
      <tr>
        <th scope="row">{lab.name}</th>
        {analogies.map((analogy) => (
          <MatrixCell lab={lab} analogy={analogy} cell={getCell(card, lab.id, analogy.id)} />
        ))}
        <td class="aggregate" data-label="Aggregate">
          <span class="aggregate-value">{aggregate}</span>
        </td>
      </tr>
    );
  }
}

/** One select per analogy; it changes only when the weights do. */
interface WeightsProps {
  analogies: readonly RubricItem[];
  card: Card;
  /** The card's weights; replaced only when one of them changes. */
  weights: Card['weights'];
}

class WeightsRow extends Component<WeightsProps> {
  override shouldComponentUpdate(next: WeightsProps): boolean {
    return next.weights !== this.props.weights;
  }

  override render({ analogies, card }: WeightsProps) {
    return (
      <tr class="weights">
        <th scope="row">Weight</th>
        {analogies.map((a) => (
          <td data-label={`Weight of ${a.name}`}>
            <select
              aria-label={`Weight of ${a.name}`}
              value={String(weightOf(card, a.id))}
              // The options are the weights, so the fallback is never taken.
              onChange={(e) =>
                setAnalogyWeight(a.id, choiceOf(WEIGHTS, e.currentTarget.value) ?? DEFAULT_WEIGHT)
              }
            >
              {WEIGHTS.map((w) => (
                <option value={String(w)}>
                  {w === 0
                    ? '0 (ignored)'
                    : // The server cannot know the reader's saved weights: until the island hydrates,
                      // the default shows a neutral "…", not a "× 1" a reader with other weights
                      // would take for theirs. Hydration rewrites the text alone, so the options keep
                      // their number and values (an extra option would shift them).
                      import.meta.env.SSR && w === DEFAULT_WEIGHT
                      ? '…'
                      : `× ${w}`}
                </option>
              ))}
            </select>
          </td>
        ))}
        <td />
      </tr>
    );
  }
}

/** The reader's scores, lab by analogy, with the weights and each lab's aggregate. */
export function Matrix({ frame, card }: { frame: RubricFrame; card: Card }) {
  // The same element each time, so that Preact skips the header row on every edit.
  const header = useMemo(() => <AnalogyHeaderRow analogies={frame.analogies} />, [frame.analogies]);
  return (
    <div class="table-wrap matrix-wrap">
      <table class="matrix phone-cards">
        <caption>
          Score each lab on each analogy, 0 to 4. Weights set how much each analogy counts in the aggregate.
        </caption>
        <thead>
          {header}
          <WeightsRow analogies={frame.analogies} card={card} weights={card.weights} />
        </thead>
        <tbody>
          {frame.labs.map((lab) => (
            <MatrixRow
              lab={lab}
              analogies={frame.analogies}
              card={card}
              row={card.cells[lab.id]}
              aggregate={formatScore(aggregate(card, frame, lab.id).score)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
