/**
 * The reader's scorecard in localStorage. Every cell and weight carries the time it
 * last changed, so that two tabs writing at once are merged cell by cell instead of
 * the last write winning wholesale. Data this page cannot read is copied aside
 * before anything overwrites it.
 */
import { emptyScorecard, getCell, sameCell, setWeight, weightOf, withCell } from './scorecard';
import { DEFAULT_WEIGHT, type Cell, type Confidence, type Level, type Scorecard, type Weight } from './types';

export const STORAGE_KEY = 'labs-alignment.scorecard';
export const SCHEMA_VERSION = 1;

/** A cell as stored. A cell with no level, confidence or note is a tombstone: a reset that must reach other tabs. */
export interface StoredCell {
  readonly level: Level | null;
  readonly confidence?: Confidence;
  readonly note?: string;
  /** When it last changed, in ms since the epoch. */
  readonly at: number;
}

/** A weight as stored; a weight reset to the default stays, with its time, so the reset reaches other tabs. */
export interface StoredWeight {
  readonly w: Weight;
  readonly at: number;
}

export interface StoredCard {
  readonly cells: Readonly<Record<string, Readonly<Record<string, StoredCell>>>>;
  readonly weights: Readonly<Record<string, StoredWeight>>;
}

export interface StoredDoc {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly savedAt: string;
  readonly card: StoredCard;
}

/** Why a value is not a stored card: the path of the first part that does not fit. */
class ShapeError extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

function fail(path: string): never {
  throw new ShapeError(path);
}

function recordAt(value: unknown, path: string): Record<string, unknown> {
  return isRecord(value) ? value : fail(path);
}

function timeAt(value: unknown, path: string): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fail(path);
}

const LEVEL_VALUES: readonly unknown[] = [0, 1, 2, 3, 4];
const WEIGHT_VALUES: readonly unknown[] = [0, 1, 2, 3];
const CONFIDENCE_VALUES: readonly unknown[] = ['low', 'medium', 'high'];

function cellAt(value: unknown, path: string): StoredCell {
  const cell = recordAt(value, path);
  const { level, confidence, note, at } = cell;
  if (level !== null && !LEVEL_VALUES.includes(level)) fail(`${path}.level`);
  if (confidence !== undefined && !CONFIDENCE_VALUES.includes(confidence)) fail(`${path}.confidence`);
  if (note !== undefined && typeof note !== 'string') fail(`${path}.note`);
  return {
    level: level as Level | null,
    ...(confidence === undefined ? {} : { confidence: confidence as Confidence }),
    ...(note === undefined ? {} : { note: note as string }),
    at: timeAt(at, `${path}.at`),
  };
}

/**
 * Checks the shape by hand rather than with a schema library: this runs in the
 * browser on every page with an island, and Zod (even zod/mini) would cost about
 * 6 KB gzipped, nearly half the page's JavaScript budget. The unit tests hold it
 * to the same cases a schema would (wrong types, out-of-range values, extra nesting).
 */
function storedCardAt(value: unknown, path: string): StoredCard {
  const card = recordAt(value, path);
  const cells = mapValues(recordAt(card['cells'], `${path}.cells`), (row, lab) =>
    mapValues(recordAt(row, `${path}.cells.${lab}`), (cell, analogy) =>
      cellAt(cell, `${path}.cells.${lab}.${analogy}`),
    ),
  );
  const weights = mapValues(recordAt(card['weights'], `${path}.weights`), (entry, analogy) => {
    const weight = recordAt(entry, `${path}.weights.${analogy}`);
    if (!WEIGHT_VALUES.includes(weight['w'])) fail(`${path}.weights.${analogy}.w`);
    return { w: weight['w'] as Weight, at: timeAt(weight['at'], `${path}.weights.${analogy}.at`) };
  });
  return { cells, weights };
}

function describePath(path: string): string {
  return path === ''
    ? 'it does not have the expected shape'
    : `the value at "${path}" is not what this site saves`;
}

/** Validates the card part of a stored or exported document. */
export function parseStoredCard(
  value: unknown,
): { ok: true; card: StoredCard } | { ok: false; reason: string } {
  try {
    return { ok: true, card: storedCardAt(value, '') };
  } catch (error) {
    if (error instanceof ShapeError)
      return { ok: false, reason: describePath(error.path.replace(/^\./, '')) };
    throw error;
  }
}

function storedDocAt(value: unknown): StoredDoc {
  const doc = recordAt(value, '');
  if (doc['schemaVersion'] !== SCHEMA_VERSION) fail('schemaVersion');
  if (typeof doc['savedAt'] !== 'string') fail('savedAt');
  return { schemaVersion: SCHEMA_VERSION, savedAt: doc['savedAt'], card: storedCardAt(doc['card'], 'card') };
}

export type LoadResult =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly doc: StoredDoc }
  | { readonly status: 'migrated'; readonly doc: StoredDoc; readonly from: number }
  | { readonly status: 'corrupt'; readonly reason: string }
  | { readonly status: 'newer'; readonly version: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T, key: string) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value, key)]));
}

/**
 * Each entry lifts a document from that schemaVersion to the next. Output is
 * validated afterwards, so a migration only reshapes and need not check.
 */
export const migrations: Readonly<Record<number, (old: unknown) => unknown>> = {
  // The first prototype saved bare levels, { cells: { lab: { analogy: level } } }, with no
  // version and no times; time 0 lets any later change from another tab win.
  0: (old) => {
    const cells = isRecord(old) && isRecord(old['cells']) ? old['cells'] : {};
    return {
      schemaVersion: 1,
      savedAt: new Date(0).toISOString(),
      card: {
        cells: mapValues(cells, (row) =>
          isRecord(row) ? mapValues(row, (level) => ({ level, at: 0 })) : row,
        ),
        weights: {},
      },
    };
  },
};

/** Validates an already parsed value, migrating older versions. */
export function parseStoredValue(value: unknown): LoadResult {
  if (!isRecord(value)) return { status: 'corrupt', reason: 'it is not a scorecard' };
  const version = 'schemaVersion' in value ? value['schemaVersion'] : 0;
  if (version === 0 && !('cells' in value)) return { status: 'corrupt', reason: 'it is not a scorecard' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { status: 'corrupt', reason: 'its version is not a whole number' };
  }
  if (version > SCHEMA_VERSION) return { status: 'newer', version };
  let current: unknown = value;
  for (let step = version; step < SCHEMA_VERSION; step += 1) {
    const migrate = migrations[step];
    if (!migrate) return { status: 'corrupt', reason: `version ${step} can no longer be read` };
    current = migrate(current);
  }
  let doc: StoredDoc;
  try {
    doc = storedDocAt(current);
  } catch (error) {
    if (error instanceof ShapeError) return { status: 'corrupt', reason: describePath(error.path) };
    throw error;
  }
  return version === SCHEMA_VERSION ? { status: 'ok', doc } : { status: 'migrated', doc, from: version };
}

/** Never throws: anything unreadable is 'corrupt', with a reason a reader can follow. */
export function loadStored(raw: string | null): LoadResult {
  try {
    if (raw === null || raw.trim() === '') return { status: 'empty' };
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { status: 'corrupt', reason: 'it is not valid JSON' };
    }
    return parseStoredValue(value);
  } catch {
    return { status: 'corrupt', reason: 'it could not be read' };
  }
}

function cellOf(stored: StoredCell): Cell {
  return {
    level: stored.level,
    ...(stored.confidence === undefined ? {} : { confidence: stored.confidence }),
    ...(stored.note === undefined ? {} : { note: stored.note }),
  };
}

/** Tombstones and default weights drop out; notes pass through the same normalisation as typing. */
export function cardFromStored(stored: StoredCard): Scorecard {
  let card = emptyScorecard();
  for (const [lab, row] of Object.entries(stored.cells)) {
    for (const [analogy, cell] of Object.entries(row)) card = withCell(card, lab, analogy, cellOf(cell));
  }
  for (const [analogy, { w }] of Object.entries(stored.weights)) card = setWeight(card, analogy, w);
  return card;
}

export function toScorecard(doc: StoredDoc): Scorecard {
  return cardFromStored(doc.card);
}

function keysOf(...records: readonly Readonly<Record<string, unknown>>[]): Set<string> {
  return new Set(records.flatMap((record) => Object.keys(record)));
}

/**
 * The stored form of `card`, given what was stored before: unchanged cells and weights
 * keep their times, changed ones get `now` (or just after their old time, should the
 * clock have gone back), and removed cells become tombstones.
 */
export function recordScorecard(previous: StoredDoc | null, card: Scorecard, now: number): StoredDoc {
  const before = previous?.card ?? { cells: {}, weights: {} };
  const cells = [...keysOf(before.cells, card.cells)].map((lab) => {
    const beforeRow = Object.hasOwn(before.cells, lab) ? (before.cells[lab] ?? {}) : {};
    const afterRow = Object.hasOwn(card.cells, lab) ? (card.cells[lab] ?? {}) : {};
    const row = [...keysOf(beforeRow, afterRow)].map((analogy): [string, StoredCell] => {
      const old = Object.hasOwn(beforeRow, analogy) ? beforeRow[analogy] : undefined;
      const cell = getCell(card, lab, analogy);
      if (old && sameCell(cellOf(old), cell)) return [analogy, old];
      return [analogy, { ...cell, at: Math.max(now, (old?.at ?? -1) + 1) }];
    });
    return [lab, Object.fromEntries(row)] as const;
  });
  const weights = [...keysOf(before.weights, card.weights)].map((analogy): [string, StoredWeight] => {
    const old = Object.hasOwn(before.weights, analogy) ? before.weights[analogy] : undefined;
    const weight = weightOf(card, analogy);
    if ((old?.w ?? DEFAULT_WEIGHT) === weight && old) return [analogy, old];
    return [analogy, { w: weight, at: Math.max(now, (old?.at ?? -1) + 1) }];
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    savedAt: new Date(now).toISOString(),
    card: { cells: Object.fromEntries(cells), weights: Object.fromEntries(weights) },
  };
}

/** The later entry wins; on equal times the choice depends only on content, so merging is order-independent. */
function later<T extends { readonly at: number }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a || !b) return a ?? b;
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return JSON.stringify(b) > JSON.stringify(a) ? b : a;
}

function pick<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Per cell and per weight, the later change wins; commutative, associative and idempotent. */
export function mergeStored(a: StoredDoc, b: StoredDoc): StoredDoc {
  const cells = [...keysOf(a.card.cells, b.card.cells)].map((lab) => {
    const rowA = pick(a.card.cells, lab) ?? {};
    const rowB = pick(b.card.cells, lab) ?? {};
    const row = [...keysOf(rowA, rowB)].map((analogy) => [
      analogy,
      later(pick(rowA, analogy), pick(rowB, analogy)),
    ]);
    return [lab, Object.fromEntries(row)] as const;
  });
  const weights = [...keysOf(a.card.weights, b.card.weights)].map((analogy) => [
    analogy,
    later(pick(a.card.weights, analogy), pick(b.card.weights, analogy)),
  ]);
  return {
    schemaVersion: SCHEMA_VERSION,
    savedAt: a.savedAt > b.savedAt ? a.savedAt : b.savedAt,
    card: { cells: Object.fromEntries(cells), weights: Object.fromEntries(weights) },
  };
}

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
  try {
    const existing = setAsideKeys(storage).find((key) => storage.getItem(key) === raw);
    if (existing !== undefined) return existing;
    const base = `${SET_ASIDE_PREFIX}${new Date(now).toISOString()}`;
    let key = base;
    for (let copy = 2; storage.getItem(key) !== null; copy += 1) key = `${base}-${copy}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

export type StoreResult =
  | {
      readonly ok: true;
      /** The scorecard to show, including changes made in other tabs. */
      readonly card: Scorecard;
      /** Something the reader should be told, e.g. that unreadable data was copied aside; null otherwise. */
      readonly notice: string | null;
      /** Where unreadable data was copied, when this call found some: the reader may download or discard it. */
      readonly setAsideKey?: string;
    }
  | { readonly ok: false; readonly message: string };

export interface ScorecardStore {
  /** Loads the stored scorecard, merged with what this tab has written. */
  read(): StoreResult;
  /** Saves `card`, merging with whatever another tab stored meanwhile. */
  write(card: Scorecard): StoreResult;
}

const UNAVAILABLE =
  'This browser is not letting the page save your scorecard (storage may be turned off, full, or in private browsing). Your scores stay on this page until you close it; use a share link or an export to keep them.';

function unreadableNotice(result: LoadResult, key: string): string {
  const what =
    result.status === 'newer'
      ? `was saved by a newer version of this site (format ${result.version}); reload the page to use it`
      : `could not be read (${result.status === 'corrupt' ? result.reason : 'unknown problem'})`;
  return `Your saved scorecard ${what}. A copy is kept in this browser's storage under "${key}", and this page starts a new scorecard.`;
}

/**
 * One tab's view of the stored scorecard. It remembers what it last read or wrote,
 * so a write records only this tab's own changes and merges them into the current
 * stored value: another tab's changes are kept, not overwritten.
 */
export function openStore(storage: StorageLike | null, now: () => number = Date.now): ScorecardStore {
  let base: StoredDoc | null = null;
  let blocked: string | null = null;
  const setAsideRaws = new Set<string>();

  /** The stored doc, if readable; data this page cannot read is copied aside once, before any write. */
  let foundKey: string | null = null;
  const load = (from: StorageLike): { doc: StoredDoc | null; notice: string | null } => {
    const raw = from.getItem(STORAGE_KEY);
    const result = loadStored(raw);
    if (result.status === 'ok' || result.status === 'migrated') return { doc: result.doc, notice: null };
    if (raw === null || result.status === 'empty' || setAsideRaws.has(raw))
      return { doc: null, notice: null };
    const key = setAside(from, raw, now());
    if (key === null) {
      blocked = `Your saved scorecard cannot be read here, and there is no room to keep a copy, so this page will not save over it. ${UNAVAILABLE}`;
      throw new Error(blocked);
    }
    setAsideRaws.add(raw);
    foundKey = key;
    return { doc: null, notice: unreadableNotice(result, key) };
  };

  const current = (): Scorecard => (base ? toScorecard(base) : emptyScorecard());

  return {
    read() {
      try {
        if (!storage) return { ok: false, message: UNAVAILABLE };
        foundKey = null;
        const { doc, notice } = load(storage);
        if (doc) base = base ? mergeStored(base, doc) : doc;
        return { ok: true, card: current(), notice, ...(foundKey === null ? {} : { setAsideKey: foundKey }) };
      } catch {
        return { ok: false, message: blocked ?? UNAVAILABLE };
      }
    },
    write(card) {
      try {
        if (!storage) return { ok: false, message: UNAVAILABLE };
        if (blocked !== null) return { ok: false, message: blocked };
        const mine = recordScorecard(base, card, now());
        foundKey = null;
        const { doc, notice } = load(storage);
        const merged = doc ? mergeStored(mine, doc) : mine;
        storage.setItem(STORAGE_KEY, JSON.stringify(merged));
        base = merged;
        return { ok: true, card: current(), notice, ...(foundKey === null ? {} : { setAsideKey: foundKey }) };
      } catch {
        return { ok: false, message: blocked ?? UNAVAILABLE };
      }
    },
  };
}
