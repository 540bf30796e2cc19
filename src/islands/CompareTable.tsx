import type { RubricFrame, Scorecard } from '../rubric/types';
import { getCell } from '../rubric/scorecard';

interface Props {
  frame: RubricFrame;
  theirs: Scorecard;
  mine: Scorecard;
}

const show = (level: number | null) => (level === null ? '–' : String(level));

/** Their score beside yours, cell by cell, with the differences called out in words as well as colour. */
export function CompareTable({ frame, theirs, mine }: Props) {
  let differences = 0;
  const rows = frame.labs.map((lab) => (
    <tr>
      <th scope="row">{lab.name}</th>
      {frame.analogies.map((analogy) => {
        const a = getCell(theirs, lab.id, analogy.id).level;
        const b = getCell(mine, lab.id, analogy.id).level;
        const same = a === b;
        if (!same) differences += 1;
        return (
          <td class={same ? 'same' : 'differs'}>
            {show(a)} / {show(b)}
            {!same && <span class="visually-hidden"> (differs)</span>}
          </td>
        );
      })}
    </tr>
  ));
  return (
    <div class="table-wrap">
      <table class="compare">
        <caption>
          Shared scores / your scores, side by side:{' '}
          {differences === 0 ? 'no cell differs' : `${differences} cell(s) differ`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Lab</th>
            {frame.analogies.map((a) => (
              <th scope="col">{a.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
