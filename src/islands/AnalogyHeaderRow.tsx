import type { RubricItem } from '../rubric/types';

/** The column headers every lab-by-analogy table shares: lab, one column per analogy, the aggregate. */
export function AnalogyHeaderRow({ analogies }: { analogies: readonly RubricItem[] }) {
  return (
    <tr>
      <th scope="col">Lab</th>
      {analogies.map((a) => (
        <th scope="col">{a.name}</th>
      ))}
      <th scope="col">Aggregate</th>
    </tr>
  );
}
