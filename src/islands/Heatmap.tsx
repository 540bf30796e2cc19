import { AnalogyHeaderRow } from './AnalogyHeaderRow';
import type { Level, RubricFrame } from '../rubric/types';
import type { RankedLab } from '../rubric/ranking';

interface Props {
  frame: RubricFrame;
  ranked: readonly RankedLab[];
  level: (lab: string, analogy: string) => Level | null;
  caption: string;
  /** One card per lab on a phone instead of a table that scrolls sideways (scorecard.css). */
  phoneCards?: boolean;
  /** The card's weight for an analogy, so that a column weighted 0 is marked as not counting. */
  weight?: (analogy: string) => number;
}

/** A real table, coloured by level: the picture for the eye, the numbers for everyone. */
export function Heatmap({ frame, ranked, level, caption, phoneCards = false, weight }: Props) {
  return (
    <div class="table-wrap">
      <table class={phoneCards ? 'heatmap phone-cards' : 'heatmap'}>
        <caption>{caption}</caption>
        <thead>
          <AnalogyHeaderRow
            analogies={frame.analogies.map((a) =>
              weight?.(a.id) === 0 ? { ...a, name: `${a.name} ×0` } : a,
            )}
          />
        </thead>
        <tbody>
          {ranked.map((row) => {
            const lab = frame.labs.find((l) => l.id === row.lab)!;
            return (
              <tr>
                <th scope="row">{lab.name}</th>
                {frame.analogies.map((a) => {
                  const value = level(lab.id, a.id);
                  return value === null ? (
                    <td class="unscored" data-label={a.name}>
                      {/* The compare table's mark for the same thing; a dot was all but invisible. */}
                      <span aria-hidden="true">–</span>
                      <span class="visually-hidden">unscored</span>
                    </td>
                  ) : (
                    <td class={`level-${value}`} data-label={a.name}>
                      {value}
                    </td>
                  );
                })}
                <td class="aggregate" data-label="Aggregate">
                  {row.score === null ? (
                    'none yet'
                  ) : (
                    <>
                      <span
                        class={row.rank === null ? 'bar thin' : 'bar'}
                        style={{ width: `${(row.score / 4) * 100}%` }}
                        aria-hidden="true"
                      />
                      <span>{row.score.toFixed(2)}</span>
                      {row.unscored > 0 && (
                        <span class="muted">
                          {row.rank === null
                            ? ` (on only ${row.scored} of ${row.scored + row.unscored} cells, not ranked)`
                            : ` (${row.unscored} unscored)`}
                        </span>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
