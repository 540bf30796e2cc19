import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { useStore } from './use-store';
import { $unreadable, type Unreadable } from './store';

// Several islands on one page may each offer the notice; the first to render it shows it.
let shownBy: object | null = null;

/**
 * Where the notice about unreadable saved data appears, on whichever page found it. The
 * notice itself is loaded only then: almost no visit needs it.
 */
export function StorageNotice() {
  const found = useStore($unreadable);
  const [token] = useState(() => ({}));
  const [Notice, setNotice] = useState<FunctionComponent<{ found: Unreadable }> | null>(null);
  useEffect(() => {
    if (found !== null && Notice === null)
      void import('./UnreadableNotice').then((module) => setNotice(() => module.UnreadableNotice));
  }, [found]);
  if (found === null) {
    if (shownBy === token) shownBy = null;
    return null;
  }
  shownBy ??= token;
  return shownBy === token && Notice !== null ? <Notice found={found} /> : null;
}
