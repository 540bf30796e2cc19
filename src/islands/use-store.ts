import type { ReadableAtom } from 'nanostores';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** What each store held before the page read any browser state: what the server rendered. */
const serverValues = new WeakMap<ReadableAtom<unknown>, unknown>();

/** Marks a store whose value islands render on the server; call it where the store is created. */
export function renderedOnServer<Store extends ReadableAtom<unknown>>(store: Store): Store {
  serverValues.set(store, store.get());
  return store;
}

/**
 * The current value of a nanostores atom, re-rendering when it changes.
 *
 * An island's first render hydrates the server's HTML, and Preact does not patch attributes or
 * form values while hydrating: an island that rendered the saved card straight away would keep
 * showing the server's "Unscored" while believing it showed the saved level. So the first render
 * uses the value the server rendered, and a layout effect moves to the current value before the
 * browser paints, through an ordinary diff that does update the DOM.
 *
 * @nanostores/preact's useStore defers every re-render behind a setTimeout (5-15 ms measured);
 * Preact batches state updates within a microtask, so an edit here shows within a frame.
 */
export function useStore<Value>(store: ReadableAtom<Value>): Value {
  const [value, setValue] = useState<Value>(() =>
    serverValues.has(store) ? (serverValues.get(store) as Value) : store.get(),
  );
  useLayoutEffect(() => {
    setValue(() => store.get());
    return store.listen((next) => setValue(() => next));
  }, [store]);
  return value;
}

/**
 * Keeps what a reader entered in a server-rendered control before its island hydrated.
 * `rendered` is the value the first render showed; if the control holds something else when the
 * island takes over, the reader put it there, and `keep` records it.
 */
export function useInputBeforeHydration<Element extends HTMLSelectElement | HTMLTextAreaElement>(
  rendered: string,
  keep: (value: string) => void,
) {
  const ref = useRef<Element>(null);
  useLayoutEffect(() => {
    const value = ref.current?.value;
    if (value !== undefined && value !== rendered) keep(value);
    // Only the control as the island found it matters: later values come through its events.
  }, []);
  return ref;
}
