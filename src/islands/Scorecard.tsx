import { useStore } from './use-store';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Component, type FunctionComponent } from 'preact';
import {
  WEIGHTS,
  type Cell,
  type RubricFrame,
  type RubricItem,
  type Scorecard as Card,
  type Weight,
} from '../rubric/types';
import { getCell, weightOf } from '../rubric/scorecard';
import { ranking, sensitivity } from '../rubric/scoring';
import { encodeShare } from '../rubric/codec';
import {
  $card,
  $message,
  $undo,
  importScores,
  resetScores,
  say,
  scoreCell,
  setAnalogyWeight,
  undo,
  useScorecardStore,
} from './store';
import { LevelSelect } from './LevelSelect';
import { AnalogyHeaderRow } from './AnalogyHeaderRow';
import { CellDetails } from './CellDetails';

interface Props {
  frame: RubricFrame;
}

const MAX_IMPORT_BYTES = 1_000_000;

// Export, import and the shared-card view are loaded when first needed: most visits never
// need them, and the page's JavaScript budget is 15 KB.
const exchange = () => import('../rubric/exchange');
const isShareHash = () => window.location.hash.startsWith('#share=');

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Never revoked: WebKit on iOS reads the file while its download sheet is open, however long
  // the reader takes, and an export is a few kilobytes that go with the page.
}

function shareLink(card: Card, frame: RubricFrame): string {
  return `${window.location.origin}${window.location.pathname}#${encodeShare(card, frame)}`;
}

/**
 * A cell's confidence and note, behind a disclosure. The editors are rendered only
 * while it is open: thirty of them at once would slow the page's first interaction.
 */
function CellDetailsToggle({ lab, analogy, cell }: { lab: RubricItem; analogy: RubricItem; cell: Cell }) {
  const [open, setOpen] = useState(false);
  const filled = cell.note !== undefined || cell.confidence !== undefined;
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {filled ? 'Details ✓' : 'Details'}
        <span class="visually-hidden">
          {' '}
          (note and confidence: {analogy.name}, {lab.name})
        </span>
      </summary>
      {open && <CellDetails compact lab={lab} analogy={analogy} cell={cell} />}
    </details>
  );
}

interface MatrixRowProps {
  lab: RubricItem;
  analogies: readonly RubricItem[];
  card: Card;
  /** The lab's cells; the domain replaces this object only when one of them changes. */
  row: Card['cells'][string] | undefined;
  aggregate: string;
}

/**
 * One lab's row of the matrix. It re-renders only when its own cells or aggregate
 * change, so an edit redraws one row rather than every control on the card: that
 * keeps an edit within a frame even on a 20 x 12 card.
 */
class MatrixRow extends Component<MatrixRowProps> {
  override shouldComponentUpdate(next: MatrixRowProps): boolean {
    return (
      next.row !== this.props.row ||
      next.aggregate !== this.props.aggregate ||
      next.analogies !== this.props.analogies
    );
  }

  override render({ lab, analogies, card, aggregate }: MatrixRowProps) {
    return (
      <tr>
        <th scope="row">{lab.name}</th>
        {analogies.map((analogy) => {
          const cell = getCell(card, lab.id, analogy.id);
          return (
            <td class={cell.level === null ? 'unscored' : `level-${cell.level}`}>
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
        })}
        <td class="aggregate">{aggregate}</td>
      </tr>
    );
  }
}

const formatScore = (score: number | null) => (score === null ? '–' : score.toFixed(2));

/** The reader's whole scorecard: matrix, weights, results, and what to do with them. */
export default function Scorecard({ frame }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const message = useStore($message);
  const pendingUndo = useStore($undo);
  const [Shared, setShared] = useState<FunctionComponent<{ frame: RubricFrame }> | null>(null);
  useEffect(() => {
    const open = async () => {
      if (!isShareHash()) return;
      const module = await import('./SharedPanel');
      module.openSharedFromLocation(frame);
      setShared(() => module.SharedPanel);
    };
    void open();
    // A share link pasted into this tab's address bar arrives as a hash change, not a new page.
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  // The link needs the page's address, so it is filled in once mounted (hydration keeps the server's empty value).
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const link = useMemo(() => (mounted ? shareLink(card, frame) : ''), [card, mounted]);

  const name = (id: string, kind: 'labs' | 'analogies') =>
    frame[kind].find((item) => item.id === id)?.name ?? id;
  const ranked = ranking(card, frame);
  const scores = new Map(ranked.map((row) => [row.lab, row]));
  const fragile = sensitivity(card, frame).filter((s) => s.swaps.length > 0);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      say({ kind: 'status', text: 'Share link copied.' });
    } catch {
      say({
        kind: 'error',
        text: 'Copying was blocked by the browser: select the share link and copy it by hand.',
      });
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (file === undefined) return;
    if (file.size > MAX_IMPORT_BYTES) {
      say({
        kind: 'error',
        text: `${file.name} is too large to be a scorecard (over 1 MB). Your scores are unchanged.`,
      });
      return;
    }
    const text = await file.text();
    const { fromCsv, fromJson } = await exchange();
    const result =
      /\.csv$/i.test(file.name) || !text.trimStart().startsWith('{')
        ? fromCsv(text, frame)
        : fromJson(text, frame);
    if (!result.ok) {
      say({
        kind: 'error',
        text: `${file.name} could not be imported: ${result.message} Your scores are unchanged.`,
      });
      return;
    }
    importScores(result.card, file.name);
  }

  return (
    <div class="scorecard">
      <div role="alert" class="message error no-print">
        {message?.kind === 'error' && message.text}
      </div>
      <div role="status" class="message no-print">
        {message?.kind === 'status' && message.text}
      </div>
      {pendingUndo && (
        <p>
          <button type="button" onClick={undo}>
            {pendingUndo.label}
          </button>
        </p>
      )}

      {Shared && <Shared frame={frame} />}

      <h2 id="matrix">Your scores</h2>
      <div class="table-wrap">
        <table class="matrix">
          <caption>
            Score each lab on each analogy, 0 to 4. Weights set how much each analogy counts in the aggregate.
          </caption>
          <thead>
            <AnalogyHeaderRow analogies={frame.analogies} />
            <tr class="weights">
              <th scope="row">Weight</th>
              {frame.analogies.map((a) => (
                <td>
                  <select
                    aria-label={`Weight of ${a.name}`}
                    value={String(weightOf(card, a.id))}
                    onChange={(e) => setAnalogyWeight(a.id, Number(e.currentTarget.value) as Weight)}
                  >
                    {WEIGHTS.map((w) => (
                      <option value={String(w)}>{w === 0 ? '0 (ignored)' : `× ${w}`}</option>
                    ))}
                  </select>
                </td>
              ))}
              <td />
            </tr>
          </thead>
          <tbody>
            {frame.labs.map((lab) => (
              <MatrixRow
                lab={lab}
                analogies={frame.analogies}
                card={card}
                row={card.cells[lab.id]}
                aggregate={formatScore(scores.get(lab.id)?.score ?? null)}
              />
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="results">Ranking</h2>
      <ol class="ranking">
        {ranked.map((row) => (
          <li>
            <span class="rank-name">{name(row.lab, 'labs')}</span>
            {row.score === null ? (
              <span class="muted"> no score yet</span>
            ) : (
              <>
                <span class="bar" style={{ width: `${(row.score / 4) * 100}%` }} aria-hidden="true" />
                <span>
                  {' '}
                  {formatScore(row.score)} of 4
                  {row.unscored > 0 && `, ${row.unscored} of ${row.scored + row.unscored} cells unscored`}
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
      <p class="meta">
        The aggregate is the weighted mean of the cells you scored; unscored cells are left out, not counted
        as zero.
      </p>
      {fragile.length > 0 && (
        <ul class="sensitivity">
          {fragile.map((s) => (
            <li>
              {name(s.lower, 'labs')} would overtake {name(s.upper, 'labs')} if{' '}
              {s.swaps
                .map((swap) => `the weight of ${name(swap.analogy, 'analogies')} were ${swap.weight}`)
                .join(', or if ')}
              .
            </li>
          ))}
        </ul>
      )}

      <section class="no-print" aria-labelledby="share">
        <h2 id="share">Share, export, import</h2>
        <p>
          <label for="share-link">Share link</label>
          <input
            id="share-link"
            type="text"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </p>
        <p class="actions">
          <button type="button" onClick={copyLink}>
            Copy share link
          </button>
          <button
            type="button"
            onClick={async () =>
              download('scorecard.csv', 'text/csv;charset=utf-8', (await exchange()).toCsv(card, frame))
            }
          >
            Export CSV
          </button>
          <button
            type="button"
            onClick={async () =>
              download('scorecard.json', 'application/json', (await exchange()).toJson(card, frame))
            }
          >
            Export JSON
          </button>
          <button type="button" onClick={resetScores}>
            Reset scores
          </button>
        </p>
        <p>
          <label for="import-scores">Import scores</label>{' '}
          <input
            id="import-scores"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(e) => importFile(e.currentTarget)}
          />
        </p>
        <p class="meta">
          The share link carries your scores after the "#", which browsers never send to a server; notes are
          included.
        </p>
      </section>
    </div>
  );
}
