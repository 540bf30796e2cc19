import { useEffect, useRef } from 'preact/hooks';
import { useStore } from './use-store';
import { $message, $undo, undo, type MessagePlace } from './store';

/**
 * The messages about one part of the page, shown where that part is, with Undo when the
 * last change can be taken back. Both live regions are always present (empty when quiet)
 * so that screen readers announce what appears in them; a new message is scrolled into view.
 */
export function Feedback({ at }: { at: MessagePlace }) {
  const message = useStore($message);
  const pendingUndo = useStore($undo);
  const mine = message?.at === at ? message : null;
  const undoHere = pendingUndo?.at === at ? pendingUndo : null;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mine !== null) box.current?.scrollIntoView({ block: 'nearest' });
  }, [mine]);
  return (
    <div class="feedback no-print" ref={box}>
      <div role="alert" class="message error">
        {mine?.kind === 'error' && mine.text}
      </div>
      <div role="status" class="message">
        {mine?.kind === 'status' && mine.text}
      </div>
      {/* An Undo beside an error would seem to take back the failure; it belongs to an earlier change. */}
      {undoHere && mine?.kind !== 'error' && (
        <button type="button" onClick={undo}>
          {undoHere.label}
        </button>
      )}
    </div>
  );
}
