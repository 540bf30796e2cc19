/** Loaded only when saved data could not be read (see StorageNotice.tsx). */
import { $unreadable, type Unreadable } from './store';
import { browserStorage, STORAGE_KEY } from '../rubric/storage';

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
  const download = () => {
    const text = browserStorage()?.getItem(found.key) ?? '';
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'unreadable-scorecard.json';
    link.click();
    // Never revoked: WebKit on iOS reads the file while its download sheet is open, however long
    // the reader takes, and the file is small.
  };
  return (
    <div class="storage-notice notice no-print" role="alert">
      <p>{found.text}</p>
      <p class="actions">
        <button type="button" onClick={download}>
          Download the unreadable copy
        </button>
        <button type="button" onClick={discardUnreadable}>
          Discard it
        </button>
      </p>
    </div>
  );
}
