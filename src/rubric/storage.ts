/**
 * The reader's scorecard in the browser's localStorage: one tab's view of it, written so that
 * two tabs merge cell by cell (stored-merge.ts). Data this page cannot read (stored-versions.ts)
 * is copied aside before anything overwrites it, and the reader is told where.
 */
import { emptyScorecard } from './scorecard';
import type { StoredDoc } from './stored-card';
import { mergeStored, recordScorecard, toScorecard } from './stored-merge';
import { loadStored, type LoadResult } from './stored-versions';
import type { Result, Scorecard } from './types';

export const STORAGE_KEY = 'labs-alignment.scorecard';

/** The part of the Web Storage API this module uses; tests pass an in-memory fake. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Enumeration, as window.localStorage has it: used to find copies already set aside. */
  readonly length?: number;
  key?(index: number): string | null;
}

export const SET_ASIDE_PREFIX = `${STORAGE_KEY}.set-aside.`;

/** The keys of every unreadable copy set aside so far, oldest first. */
export function setAsideKeys(storage: StorageLike): string[] {
  const keys: string[] = [];
  const count = storage.length ?? 0;
  for (let index = 0; index < count; index += 1) {
    const key = storage.key?.(index);
    if (key?.startsWith(SET_ASIDE_PREFIX)) keys.push(key);
  }
  return keys.sort();
}

/** window.localStorage, or null where merely touching it throws (storage disabled, some sandboxed frames). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Copies `raw` unchanged to a new key beside the scorecard's and returns that key, or
 * null when even that cannot be written. A value already set aside is not copied again:
 * every page that finds it would otherwise add a copy until storage is full.
 */
export function setAside(storage: StorageLike, raw: string, now: number): string | null {
  const base = `${SET_ASIDE_PREFIX}${new Date(now).toISOString()}`;
  // Nothing but storage calls in here: whatever throws is the browser refusing.
  try {
    const existing = setAsideKeys(storage).find((key) => storage.getItem(key) === raw);
    if (existing !== undefined) return existing;
    let key = base;
    for (let copy = 2; storage.getItem(key) !== null; copy += 1) key = `${base}-${copy}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

export type StoreResult = Result<{
  /** The scorecard to show, including changes made in other tabs. */
  readonly card: Scorecard;
  /** Something the reader should be told, e.g. that unreadable data was copied aside; null otherwise. */
  readonly notice: string | null;
  /** Where unreadable data was copied, when this call found some: the reader may download or discard it. */
  readonly setAsideKey?: string;
}>;

export interface ScorecardStore {
  /** Loads the stored scorecard, merged with what this tab has written. */
  read(): StoreResult;
  /** Saves `card`, merging with whatever another tab stored meanwhile. */
  write(card: Scorecard): StoreResult;
}

const UNAVAILABLE =
  'This browser is not letting the page save your scorecard (storage may be turned off, full, or in private browsing). Your scores stay on this page until you close it; use a share link or an export to keep them.';

const BLOCKED = `Your saved scorecard cannot be read here, and there is no room to keep a copy, so this page will not save over it. ${UNAVAILABLE}`;

function unreadableNotice(result: LoadResult & { status: 'corrupt' | 'newer' }, key: string): string {
  const what =
    result.status === 'newer'
      ? `was saved by a newer version of this site (format ${result.version}); reload the page to use it`
      : `could not be read (${result.reason})`;
  return `Your saved scorecard ${what}. A copy is kept in this browser's storage under "${key}", and this page starts a new scorecard.`;
}

/** What the store found; a string instead is the message to show when storage refused. */
interface Found {
  readonly doc: StoredDoc | null;
  readonly notice: string | null;
  readonly setAsideKey?: string;
}

/**
 * One tab's view of the stored scorecard. It remembers what it last read or wrote,
 * so a write records only this tab's own changes and merges them into the current
 * stored value: another tab's changes are kept, not overwritten. Only the storage calls
 * are guarded: the browser refusing them is reported to the reader, while an error
 * anywhere else is a bug and is not dressed up as storage trouble.
 */
export function openStore(storage: StorageLike | null, now: () => number = Date.now): ScorecardStore {
  let base: StoredDoc | null = null;
  let blocked = false;
  const setAsideRaws = new Set<string>();

  /** The stored doc, if readable; data this page cannot read is copied aside once, before any write. */
  const load = (from: StorageLike): Found | string => {
    let raw: string | null;
    try {
      raw = from.getItem(STORAGE_KEY);
    } catch {
      return blocked ? BLOCKED : UNAVAILABLE;
    }
    const result = loadStored(raw);
    if (result.status === 'ok' || result.status === 'migrated') return { doc: result.doc, notice: null };
    if (raw === null || result.status === 'empty' || setAsideRaws.has(raw))
      return { doc: null, notice: null };
    const key = setAside(from, raw, now());
    if (key === null) {
      blocked = true;
      return BLOCKED;
    }
    setAsideRaws.add(raw);
    return { doc: null, notice: unreadableNotice(result, key), setAsideKey: key };
  };

  const run = (step: (from: StorageLike) => Found | string): StoreResult => {
    const found = storage ? step(storage) : UNAVAILABLE;
    if (typeof found === 'string') return { ok: false, message: found };
    const { doc: _merged, ...told } = found;
    return { ok: true, card: base ? toScorecard(base) : emptyScorecard(), ...told };
  };

  /** Makes `merged` this tab's view, storing it first when it holds more than what was found. */
  const keep = (from: StorageLike, found: Found, merged: StoredDoc, holdsMore: boolean): Found | string => {
    if (holdsMore) {
      try {
        from.setItem(STORAGE_KEY, JSON.stringify(merged));
      } catch {
        return UNAVAILABLE;
      }
    }
    base = merged;
    return found;
  };

  return {
    // Each tab merges into its own copy of storage, so another tab's write can drop a change
    // this tab made a moment before. Reading that write, this tab puts the change back.
    read: () =>
      run((from) => {
        const found = load(from);
        if (typeof found === 'string' || !found.doc) return found;
        const merged = base ? mergeStored(found.doc, base) : found.doc;
        return keep(
          from,
          found,
          merged,
          !blocked && JSON.stringify(merged.card) !== JSON.stringify(found.doc.card),
        );
      }),
    // Once unreadable data could not be copied aside, nothing is written over it.
    write: (card) =>
      run((from) => {
        if (blocked) return BLOCKED;
        const mine = recordScorecard(base, card, now());
        const found = load(from);
        if (typeof found === 'string') return found;
        return keep(from, found, found.doc ? mergeStored(mine, found.doc) : mine, true);
      }),
  };
}
