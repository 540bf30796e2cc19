import { useStore } from '@nanostores/preact';
import { CONFIDENCES, NOTE_MAX_LENGTH, type Confidence, type RubricItem } from '../rubric/types';
import { getCell } from '../rubric/scorecard';
import { $card, useScorecardStore, scoreCell, setCellConfidence, setCellNote } from './store';
import { LevelSelect } from './LevelSelect';

interface Props {
  lab: RubricItem;
  analogy: RubricItem;
}

/** One lab on one analogy: the reader's level, how sure they are, and a note. */
export default function CellScore({ lab, analogy }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const cell = getCell(card, lab.id, analogy.id);
  const id = `cell-${lab.id}-${analogy.id}`;
  return (
    <div class="cell-score">
      <LevelSelect lab={lab} analogy={analogy} level={cell.level} onChange={(level) => scoreCell(lab.id, analogy.id, level)} />
      <label for={`${id}-confidence`}>
        Confidence
        <select
          id={`${id}-confidence`}
          aria-label={`Confidence in ${analogy.name} score for ${lab.name}`}
          value={cell.confidence ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setCellConfidence(lab.id, analogy.id, value === '' ? undefined : (value as Confidence));
          }}
        >
          <option value="">Not stated</option>
          {CONFIDENCES.map((c) => (
            <option value={c}>{c[0]!.toUpperCase() + c.slice(1)}</option>
          ))}
        </select>
      </label>
      <label for={`${id}-note`} class="note-label">
        Note on {analogy.name} for {lab.name}
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          value={cell.note ?? ''}
          onChange={(e) => setCellNote(lab.id, analogy.id, e.currentTarget.value)}
        />
      </label>
    </div>
  );
}
