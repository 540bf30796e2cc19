/**
 * The ranking under the matrix. Loaded just after the scorecard island rather than with it: it sits
 * below the whole matrix, and the page's JavaScript budget is for what a reader needs at once.
 */
import type { RubricFrame, Scorecard as Card } from '../rubric/types';
import type { RankedLab, Sensitivity } from '../rubric/ranking';
import { coverageRanking, isScoredOnlyUncounted } from '../rubric/coverage';

/** "a", "a or b", "a, b or c"; clauses that hold an "or" of their own are set apart with ", or". */
const orList = (items: readonly string[], separator = ' or ') =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}${separator}${items.at(-1)}`;

/** How many of the lab's counted cells carry a score, when not all of them do. */
const coverage = (row: RankedLab) =>
  row.unscored === 0
    ? ''
    : `${row.rank === null ? 'on only' : 'on'} ${row.scored} of ${row.scored + row.unscored} ${
        row.scored + row.unscored === 1 ? 'cell' : 'cells'
      }`;

/** A lab without an aggregate has no level at all, or levels only where they do not count (isScoredOnlyUncounted). */
function Row({ row, name, scoredUncounted }: { row: RankedLab; name: string; scoredUncounted: boolean }) {
  return (
    <li class={row.rank === null && row.score !== null ? 'thin' : undefined}>
      <span class="rank">
        {row.rank === null ? '' : row.tied ? `=${row.rank}` : `${row.rank}.`}
        {row.tied && <span class="visually-hidden"> (tied)</span>}
      </span>
      <span class="rank-name">{name}</span>
      {row.score === null ? (
        <span class="rank-score muted">
          {scoredUncounted ? 'scored only on analogies weighted × 0' : 'no score yet'}
        </span>
      ) : (
        <>
          <meter min={0} max={4} value={row.score} aria-label={`${name} aggregate`}>
            {row.score.toFixed(2)} of 4
          </meter>
          <span class="rank-score">
            {[`${row.score.toFixed(2)} of 4`, row.tied ? 'tied' : '', coverage(row)]
              .filter(Boolean)
              .join(', ')}
          </span>
        </>
      )}
    </li>
  );
}

/**
 * Each lab's aggregate as a meter on one shared scale (0 to 4, one left edge, one width), best
 * first. Equal scores share a rank and say so. Only labs scored on at least half their cells are
 * numbered; the others follow, unnumbered, with their mean and how few cells it rests on.
 */
export function Ranking({ frame, card, note }: { frame: RubricFrame; card: Card; note: string }) {
  const name = (id: string, kind: 'labs' | 'analogies') =>
    frame[kind].find((item) => item.id === id)?.name ?? id;
  const { ranked, thin, unscored, sensitivity } = coverageRanking(card, frame);
  const tied = new Set(ranked.filter((row) => row.tied).map((row) => row.lab));
  const swapText = (s: Sensitivity) => {
    const weights = new Map<string, string[]>();
    for (const swap of s.swaps)
      weights.set(swap.analogy, [...(weights.get(swap.analogy) ?? []), `× ${swap.weight}`]);
    const upper = name(s.upper, 'labs');
    // Neighbours with equal scores are tied, so neither "overtakes": one would move ahead.
    return `${name(s.lower, 'labs')} would move ahead of ${upper}${
      tied.has(s.upper) && tied.has(s.lower) ? ' (now tied)' : ''
    } if ${orList(
      [...weights].map(([analogy, ws]) => `${name(analogy, 'analogies')} weighed ${orList(ws)}`),
      ', or ',
    )}.`;
  };
  const fragile = sensitivity.filter((s) => s.swaps.length > 0);
  const rows = (list: readonly RankedLab[]) =>
    list.map((row) => (
      <Row row={row} name={name(row.lab, 'labs')} scoredUncounted={isScoredOnlyUncounted(row, card, frame)} />
    ));
  return (
    <>
      {ranked.length > 0 && <ol class="ranking">{rows(ranked)}</ol>}
      {thin.length + unscored.length > 0 && (
        <>
          <p class="meta">
            {ranked.length === 0 ? 'No lab is ranked yet' : 'Not ranked'}: a lab is ranked once at least half
            of its cells are scored.
          </p>
          <ul class="ranking">{rows([...thin, ...unscored])}</ul>
        </>
      )}
      <p class="meta">{note}</p>
      {fragile.length > 0 && (
        <ul class="sensitivity">
          {fragile.map((s) => (
            <li>{swapText(s)}</li>
          ))}
        </ul>
      )}
    </>
  );
}
