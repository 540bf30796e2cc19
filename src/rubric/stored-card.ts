/**
 * The scorecard as this site saves it (in localStorage and in JSON exports), and the
 * validator that accepts exactly that shape and nothing near it. Every cell and weight
 * carries the time it last changed, so that two tabs writing at once can be merged
 * cell by cell (stored-merge.ts).
 */
import { isConfidence, isLevel, isRecord, isWeight, type Confidence, type Level, type Weight } from './types';

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
export class ShapeError extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

export function fail(path: string): never {
  throw new ShapeError(path);
}

/**
 * The value as a record, with no keys but the `allowed` ones when they are given: data this
 * site did not write is set aside whole rather than read in part. A missing key needs no
 * check here: its field's own check fails on undefined, at the field's path.
 */
export function recordAt(value: unknown, path: string, allowed?: readonly string[]): Record<string, unknown> {
  if (!isRecord(value)) fail(path);
  for (const key of allowed ? Object.keys(value) : []) if (!allowed?.includes(key)) fail(`${path}.${key}`);
  return value;
}

/** The record's entries mapped, keyed by the same (own) keys; "__proto__" stays a plain key. */
export function mapValues<T, U>(
  record: Record<string, T>,
  map: (value: T, key: string) => U,
): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value, key)]));
}

function timeAt(value: unknown, path: string): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fail(path);
}

function cellAt(value: unknown, path: string): StoredCell {
  const { level, confidence, note, at } = recordAt(value, path, ['level', 'confidence', 'note', 'at']);
  if (level !== null && !isLevel(level)) fail(`${path}.level`);
  if (confidence !== undefined && !isConfidence(confidence)) fail(`${path}.confidence`);
  if (note !== undefined && typeof note !== 'string') fail(`${path}.note`);
  return {
    level,
    ...(confidence === undefined ? {} : { confidence }),
    ...(note === undefined ? {} : { note }),
    at: timeAt(at, `${path}.at`),
  };
}

function weightAt(value: unknown, path: string): StoredWeight {
  const { w, at } = recordAt(value, path, ['w', 'at']);
  return { w: isWeight(w) ? w : fail(`${path}.w`), at: timeAt(at, `${path}.at`) };
}

/**
 * Checks the shape by hand rather than with a schema library: this runs in the
 * browser on every page with an island, and Zod (even zod/mini) would cost about
 * 6 KB gzipped, nearly half the page's JavaScript budget. The unit tests hold it
 * to the same cases a schema would (wrong types, out-of-range values, extra or
 * missing fields at every level).
 */
export function storedCardAt(value: unknown, path: string): StoredCard {
  const card = recordAt(value, path, ['cells', 'weights']);
  const cells = mapValues(recordAt(card['cells'], `${path}.cells`), (row, lab) =>
    mapValues(recordAt(row, `${path}.cells.${lab}`), (cell, analogy) =>
      cellAt(cell, `${path}.cells.${lab}.${analogy}`),
    ),
  );
  const weights = mapValues(recordAt(card['weights'], `${path}.weights`), (weight, analogy) =>
    weightAt(weight, `${path}.weights.${analogy}`),
  );
  return { cells, weights };
}

/** A stored document of the current version, exactly; throws ShapeError otherwise. */
export function storedDocAt(value: unknown): StoredDoc {
  const doc = recordAt(value, '', ['schemaVersion', 'savedAt', 'card']);
  if (doc['schemaVersion'] !== SCHEMA_VERSION) fail('schemaVersion');
  if (typeof doc['savedAt'] !== 'string') fail('savedAt');
  return { schemaVersion: SCHEMA_VERSION, savedAt: doc['savedAt'], card: storedCardAt(doc['card'], '.card') };
}

/**
 * Why a value is not what this site saves, in words a reader can follow, for a ShapeError
 * from the checks above. Any other error is a bug, not bad data, and is rethrown.
 */
export function shapeReason(error: unknown): string {
  if (!(error instanceof ShapeError)) throw error;
  const path = error.path.replace(/^\./, '');
  return path === ''
    ? 'it does not have the expected shape'
    : `the value at "${path}" is not what this site saves`;
}
