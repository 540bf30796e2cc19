import type { RubricFrame, Scorecard } from '../rubric/types';
import { getCell } from '../rubric/scorecard';
import { aggregate, type LabScore } from '../rubric/scoring';
import { hasEnoughCells } from '../rubric/coverage';

interface Props {
  frame: RubricFrame;
  theirs: Scorecard;
  mine: Scorecard;
}

const show = (level: number | null) => (level === null ? '–' : String(level));
/** An aggregate, saying how few cells it rests on when too few to rank the lab (the ranking's rule). */
const score = (lab: LabScore) =>
  lab.score === null
    ? '–'
    : `${lab.score.toFixed(2)}${hasEnoughCells(lab) ? '' : ` (on ${lab.scored} of ${lab.scored + lab.unscored} cells)`}`;

/**
 * Their score beside yours, cell by cell, with the differences called out in words as well as
 * colour, and each lab's aggregate (theirs under their weights, yours under yours) with the difference.
 */
export function CompareTable({ frame, theirs, mine }: Props) {
  let differences = 0;
  const rows = frame.labs.map((lab) => {
    const theirScore = aggregate(theirs, frame, lab.id);
    const myScore = aggregate(mine, frame, lab.id);
    const a = theirScore.score;
    const b = myScore.score;
    // A difference resting on a lab scored on too few cells would read as a disagreement about
    // the lab when it is only a gap in one card.
    const difference =
      a === null || b === null || !hasEnoughCells(theirScore) || !hasEnoughCells(myScore)
        ? '–'
        : `${a - b > 0 ? '+' : a - b < 0 ? '−' : '±'}${Math.abs(a - b).toFixed(2)}`;
    return (
      <tr>
        <th scope="row">{lab.name}</th>
        {frame.analogies.map((analogy) => {
          const theirLevel = getCell(theirs, lab.id, analogy.id).level;
          const myLevel = getCell(mine, lab.id, analogy.id).level;
          const same = theirLevel === myLevel;
          if (!same) differences += 1;
          return (
            <td class={same ? 'same' : 'differs'} data-label={analogy.name}>
              {show(theirLevel)} / {show(myLevel)}
              {!same && <span class="visually-hidden"> (differs)</span>}
            </td>
          );
        })}
        <td class="aggregate" data-label="Aggregate (theirs / yours)">
          {score(theirScore)} / {score(myScore)}
        </td>
        <td class="aggregate" data-label="Difference (theirs − yours)">
          {difference}
        </td>
      </tr>
    );
  });
  return (
    <div class="table-wrap">
      <table class="compare phone-cards">
        <caption>
          Shared scores / your scores, side by side:{' '}
          {differences === 0
            ? 'no cell differs'
            : differences === 1
              ? 'one cell differs'
              : `${differences} cells differ`}
          . Each aggregate uses its own card's weights (theirs the sharer's, yours your own); a difference is
          given only where both cards score the lab on at least half its cells.
        </caption>
        <thead>
          <tr>
            <th scope="col">Lab</th>
            {frame.analogies.map((a) => (
              <th scope="col">{a.name}</th>
            ))}
            <th scope="col">Aggregate (theirs / yours)</th>
            <th scope="col">Difference (theirs − yours)</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
