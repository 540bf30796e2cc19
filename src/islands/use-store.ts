import type { ReadableAtom } from 'nanostores';
import { useEffect, useState } from 'preact/hooks';

/**
 * The current value of a nanostores atom, re-rendering when it changes.
 *
 * @nanostores/preact's useStore defers every re-render behind a setTimeout, which
 * measured 5-15 ms between a reader's edit and the redraw in Chromium; Preact already
 * batches state updates within a microtask, so this hook renders on the next one and
 * an edit shows within a frame.
 */
export function useStore<Value>(store: ReadableAtom<Value>): Value {
  const [, setValue] = useState(store.get());
  useEffect(() => {
    // The value may have changed between the first render and this effect.
    setValue(store.get());
    return store.listen((value) => setValue(() => value));
  }, [store]);
  return store.get();
}
