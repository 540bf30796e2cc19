/**
 * Reading a stored value of any version this site ever saved: the current one as it is,
 * older ones through a migration. A value that is not exactly a document of a known
 * version is never guessed at; it is reported as corrupt, so that the store sets it aside.
 */
import {
  SCHEMA_VERSION,
  fail,
  mapValues,
  recordAt,
  shapeReason,
  storedDocAt,
  type StoredDoc,
} from './stored-card';
import { isLevel, isRecord } from './types';

export type LoadResult =
  | { readonly status: 'empty' }
  | { readonly status: 'ok'; readonly doc: StoredDoc }
  | { readonly status: 'migrated'; readonly doc: StoredDoc; readonly from: number }
  | { readonly status: 'corrupt'; readonly reason: string }
  | { readonly status: 'newer'; readonly version: number };

/**
 * Each entry lifts a document from that schemaVersion to the next. It first checks that
 * its input is exactly a document of its version, throwing ShapeError (via `fail`) on
 * anything else; its output is validated again by the next step.
 */
export const migrations: Readonly<Record<number, (old: unknown) => unknown>> = {
  // The first prototype saved bare levels, { cells: { lab: { analogy: level } } }, with no
  // version and no times; time 0 lets any later change from another tab win.
  0: (old) => {
    const cells = recordAt(recordAt(old, '', ['cells'])['cells'], '.cells');
    return {
      schemaVersion: 1,
      savedAt: new Date(0).toISOString(),
      card: {
        cells: mapValues(cells, (row, lab) =>
          mapValues(recordAt(row, `.cells.${lab}`), (level, analogy) => ({
            level: level === null || isLevel(level) ? level : fail(`.cells.${lab}.${analogy}`),
            at: 0,
          })),
        ),
        weights: {},
      },
    };
  },
};

const corrupt = (reason: string): LoadResult => ({ status: 'corrupt', reason });

/** Validates an already parsed value, migrating older versions. */
export function parseStoredValue(value: unknown): LoadResult {
  if (!isRecord(value)) return corrupt('it is not a scorecard');
  const version = 'schemaVersion' in value ? value['schemaVersion'] : 0;
  if (version === 0 && !('cells' in value)) return corrupt('it is not a scorecard');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return corrupt('its version is not a whole number');
  }
  if (version > SCHEMA_VERSION) return { status: 'newer', version };
  let doc: StoredDoc;
  try {
    let current: unknown = value;
    for (let step = version; step < SCHEMA_VERSION; step += 1) {
      const migrate = migrations[step];
      if (!migrate) return corrupt(`version ${step} can no longer be read`);
      current = migrate(current);
    }
    doc = storedDocAt(current);
  } catch (error) {
    return corrupt(shapeReason(error));
  }
  return version === SCHEMA_VERSION ? { status: 'ok', doc } : { status: 'migrated', doc, from: version };
}

/**
 * Never throws for anything stored: text that is not JSON, or JSON that is not a scorecard,
 * is 'corrupt' with a reason a reader can follow. An error of any other kind is a bug in
 * this code and is not disguised as corrupt data.
 */
export function loadStored(raw: string | null): LoadResult {
  if (raw === null || raw.trim() === '') return { status: 'empty' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return corrupt('it is not valid JSON');
  }
  return parseStoredValue(value);
}
