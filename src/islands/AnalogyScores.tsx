import { useStore } from './use-store';
import { StorageNotice } from './StorageNotice';
import type { EvidenceTally, Level, RubricItem } from '../rubric/types';
import { getCell } from '../rubric/scorecard';
import { $card, scoreCell, useScorecardStore } from './store';
import { LevelSelect } from './LevelSelect';
import { LEVEL_LABELS } from './labels';

interface Props {
  analogy: RubricItem;
  labs: readonly { lab: RubricItem; reference: Level; tally: EvidenceTally }[];
}

/** Every lab on one analogy, each with the site's reading and the evidence count beside the reader's own score. */
export default function AnalogyScores({ analogy, labs }: Props) {
  useScorecardStore();
  const card = useStore($card);
  return (
    <div class="analogy-scores card">
      <StorageNotice />
      <table>
        <caption>Your scores: {analogy.name}</caption>
        <thead>
          <tr>
            <th scope="col">Lab</th>
            <th scope="col">Your score</th>
            <th scope="col">Site's reading, evidence</th>
          </tr>
        </thead>
        <tbody>
          {labs.map(({ lab, reference, tally }) => (
            <tr>
              <th scope="row">{lab.name}</th>
              <td data-label="Your score">
                <LevelSelect
                  compact
                  lab={lab}
                  analogy={analogy}
                  level={getCell(card, lab.id, analogy.id).level}
                  onChange={(level) => scoreCell(lab.id, analogy.id, level)}
                />
              </td>
              <td data-label="Site's reading, evidence">
                <span class={`level level-${reference}`}>{reference}</span> {LEVEL_LABELS[reference]}
                <br />
                <span class="muted">
                  {tally.supports} for, {tally.weakens} against
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
