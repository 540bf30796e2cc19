import { CONFIDENCES, NOTE_MAX_LENGTH, type Cell, type Confidence, type RubricItem } from '../rubric/types';
import { setCellConfidence, setCellNote } from './store';
import { useInputBeforeHydration } from './use-store';

interface Props {
  lab: RubricItem;
  analogy: RubricItem;
  cell: Cell;
  /** Short visible labels, for a matrix cell; the accessible names stay complete. */
  compact?: boolean;
}

/** How sure the reader is of a cell's score, and their note on it. Notes are plain text: Preact escapes them. */
export function CellDetails({ lab, analogy, cell, compact = false }: Props) {
  const confidenceName = `Confidence in ${analogy.name} score for ${lab.name}`;
  const noteName = `Note on ${analogy.name} for ${lab.name}`;
  const toConfidence = (value: string) => (value === '' ? undefined : (value as Confidence));
  const confidenceRef = useInputBeforeHydration<HTMLSelectElement>(cell.confidence ?? '', (value) =>
    setCellConfidence(lab.id, analogy.id, toConfidence(value)),
  );
  const noteRef = useInputBeforeHydration<HTMLTextAreaElement>(cell.note ?? '', (value) =>
    setCellNote(lab.id, analogy.id, value),
  );
  return (
    <>
      <label class="cell-detail">
        <span aria-hidden="true">Confidence</span>
        <select
          ref={confidenceRef}
          autocomplete="off"
          aria-label={confidenceName}
          value={cell.confidence ?? ''}
          onChange={(e) => setCellConfidence(lab.id, analogy.id, toConfidence(e.currentTarget.value))}
        >
          <option value="">Not stated</option>
          {CONFIDENCES.map((c) => (
            <option value={c}>{c[0]!.toUpperCase() + c.slice(1)}</option>
          ))}
        </select>
      </label>
      <label class="cell-detail">
        {/* In full size the visible label is the whole name; compact cells show "Note" and name it fully for assistive tech. */}
        {compact ? <span aria-hidden="true">Note</span> : <span>{noteName}</span>}
        <textarea
          ref={noteRef}
          autocomplete="off"
          aria-label={compact ? noteName : undefined}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          value={cell.note ?? ''}
          onChange={(e) => setCellNote(lab.id, analogy.id, e.currentTarget.value)}
        />
      </label>
    </>
  );
}
