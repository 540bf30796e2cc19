/** Loaded only when saved data could not be read (see StorageNotice.tsx). */
import { $unreadable, type Unreadable } from './store';
import { browserStorage, STORAGE_KEY } from '../rubric/storage';
import { download } from './download';

/** Forgets the copy of unreadable data once the reader has dealt with it. */
function discardUnreadable(): void {
  const found = $unreadable.get();
  if (found === null) return;
  const storage = browserStorage();
  try {
    const copy = storage?.getItem(found.key);
    storage?.removeItem(found.key);
    // The original is still in place when nothing has been saved over it since.
    if (copy !== null && copy !== undefined && storage?.getItem(STORAGE_KEY) === copy)
      storage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: nothing more can be done, and the notice goes away all the same.
  }
  $unreadable.set(null);
}

/** Tells the reader that saved data could not be read, and lets them keep or drop the copy. */
export function UnreadableNotice({ found }: { found: Unreadable }) {
  const keepCopy = () =>
    download('unreadable-scorecard.json', 'application/json', browserStorage()?.getItem(found.key) ?? '');
  return (
    <div class="storage-notice notice no-print" role="alert">
      <p>{found.text}</p>
      <p class="actions">
        <button type="button" onClick={keepCopy}>
          Download the unreadable copy
        </button>
        <button type="button" onClick={discardUnreadable}>
          Discard it
        </button>
      </p>
    </div>
  );
}
