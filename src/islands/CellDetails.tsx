import { useEffect, useRef, useState } from 'preact/hooks';
import { CONFIDENCES, NOTE_MAX_LENGTH, choiceOf, type Cell, type RubricItem } from '../rubric/types';
import { flushSave, setCellConfidence, setCellNote } from './store';
import { useInputBeforeHydration } from './use-store';

interface Props {
  lab: RubricItem;
  analogy: RubricItem;
  cell: Cell;
}

/** How long typing may pause before the note is saved: short enough that little is ever at risk. */
const SAVE_AFTER_MS = 400;

/**
 * A note as the reader types it. It is saved shortly after each pause, when the field is
 * left and when the page is hidden (closed, reloaded, switched away on a phone). While the
 * reader is typing, the field shows what they typed, not the saved card: another tab's
 * edit arriving meanwhile must not wipe it.
 */
function NoteField({ lab, analogy, note }: { lab: RubricItem; analogy: RubricItem; note: string }) {
  const noteName = `Note on ${analogy.name} for ${lab.name}`;
  const noteId = `${lab.id}-${analogy.id}-note`;
  // Hydration sets a textarea's value from its props, so what a reader typed into the server's
  // field before the island took over is read from it in the first render, and kept as a draft.
  const [draft, setDraft] = useState<string | null>(() => {
    if (import.meta.env.SSR) return null;
    const early = document.getElementById(noteId) as HTMLTextAreaElement | null;
    return early !== null && early.value !== note ? early.value : null;
  });
  const [saved, setSaved] = useState(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<string | null>(draft);

  const flush = () => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
    if (latest.current === null) return;
    setCellNote(lab.id, analogy.id, latest.current);
    latest.current = null;
    setSaved(true);
  };

  useEffect(() => {
    // A note typed before hydration is saved as typing is.
    if (latest.current !== null) flush();
    // The page is going away: save the note and write it at once, not after a frame that will not come.
    const hide = () => {
      flush();
      flushSave();
    };
    addEventListener('pagehide', hide);
    return () => {
      removeEventListener('pagehide', hide);
      flush();
    };
  }, []);

  return (
    <>
      <label class="cell-detail">
        {/* The whole name, visible: in the matrix it says which cell an open panel belongs to. */}
        <span>{noteName}</span>
        <textarea
          id={noteId}
          autocomplete="off"
          aria-describedby={saved ? `${lab.id}-${analogy.id}-saved` : undefined}
          rows={2}
          maxLength={NOTE_MAX_LENGTH}
          value={draft ?? note}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            setSaved(false);
            latest.current = text;
            if (pending.current !== null) clearTimeout(pending.current);
            pending.current = setTimeout(flush, SAVE_AFTER_MS);
          }}
          onBlur={() => {
            flush();
            setDraft(null);
          }}
        />
      </label>
      <span class="saved meta" id={`${lab.id}-${analogy.id}-saved`}>
        {saved ? 'Saved' : ''}
      </span>
    </>
  );
}

/** How sure the reader is of a cell's score, and their note on it. Notes are plain text: Preact escapes them. */
export function CellDetails({ lab, analogy, cell }: Props) {
  const confidenceName = `Confidence in ${analogy.name} score for ${lab.name}`;
  const toConfidence = (value: string) => choiceOf(CONFIDENCES, value);
  const confidenceRef = useInputBeforeHydration<HTMLSelectElement>(cell.confidence ?? '', (value) =>
    setCellConfidence(lab.id, analogy.id, toConfidence(value)),
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
          {/* Neutral in the server's HTML, as a score control's first option: it cannot know the saved confidence. */}
          <option value="">{import.meta.env.SSR ? '…' : 'Not stated'}</option>
          {CONFIDENCES.map((c) => (
            <option value={c}>{c[0]!.toUpperCase() + c.slice(1)}</option>
          ))}
        </select>
      </label>
      <NoteField lab={lab} analogy={analogy} note={cell.note ?? ''} />
    </>
  );
}
