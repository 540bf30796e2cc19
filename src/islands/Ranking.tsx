import type { RubricFrame, Scorecard as Card } from '../rubric/types';
import { ranking, sensitivity, type RankedLab } from '../rubric/scoring';

function countText(row: RankedLab): string {
  const counted = row.scored + row.unscored;
  if (row.unscored === 0) return '';
  return row.unscored === 1 && counted === 1
    ? ', its one cell unscored'
    : `, ${row.unscored} of ${counted} ${counted === 1 ? 'cell' : 'cells'} unscored`;
}

/**
 * Each lab's aggregate as a meter on one shared scale (0 to 4, one left edge, one width),
 * best first. Equal scores share a rank and say so; labs without a score are not ranked.
 */
export function Ranking({ frame, card, note }: { frame: RubricFrame; card: Card; note: string }) {
  const name = (id: string, kind: 'labs' | 'analogies') =>
    frame[kind].find((item) => item.id === id)?.name ?? id;
  const ranked = ranking(card, frame);
  const fragile = sensitivity(card, frame).filter((s) => s.swaps.length > 0);
  return (
    <>
      <ol class="ranking">
        {ranked.map((row) => {
          const lab = name(row.lab, 'labs');
          return (
            <li>
              <span class="rank">
                {row.rank === null ? '' : row.tied ? `=${row.rank}` : `${row.rank}.`}
                {row.tied && <span class="visually-hidden"> (tied)</span>}
              </span>
              <span class="rank-name">{lab}</span>
              {row.score === null ? (
                <span class="rank-score muted">no score yet</span>
              ) : (
                <>
                  <meter min={0} max={4} value={row.score} aria-label={`${lab} aggregate`}>
                    {row.score.toFixed(2)} of 4
                  </meter>
                  <span class="rank-score">
                    {row.score.toFixed(2)} of 4{row.tied && ', tied'}
                    {countText(row)}
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ol>
      <p class="meta">{note}</p>
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
    </>
  );
}
