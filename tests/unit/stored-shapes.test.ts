import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyScorecard } from '../../src/rubric/scorecard';
import { STORAGE_KEY, openStore } from '../../src/rubric/storage';
import { recordScorecard, toScorecard } from '../../src/rubric/stored-merge';
import { loadStored } from '../../src/rubric/stored-versions';
import { isConfidence, isLevel, isRecord, isWeight } from '../../src/rubric/types';
import { arbitraryCard } from './fixtures/arbitraries';
import { frame } from './fixtures/frame';
import { MemoryStorage } from './fixtures/memory-storage';

// Storage never guesses: a value that is almost, but not exactly, a scorecard this site saved
// is set aside whole and reported, never read in part or migrated into an empty card.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly string[];

/** A valid stored document, as the JSON text a tab would find. */
const validDoc = arbitraryCard(frame).chain((card) =>
  fc
    .integer({ min: 0, max: 4_000_000_000_000 })
    .map((now) => JSON.parse(JSON.stringify(recordScorecard(null, card, now))) as Json),
);

/** Objects whose keys are fixed by the format (as opposed to keyed by lab or analogy id). */
function isFixedShape(path: Path): boolean {
  const [first, second] = path;
  if (path.length === 0 || (path.length === 1 && first === 'card')) return true;
  if (first !== 'card') return false;
  // card.cells.<lab>.<analogy> and card.weights.<analogy>
  if (second === 'cells') return path.length === 4;
  return second === 'weights' && path.length === 3;
}

const FIXED_KEYS: Readonly<Record<string, { required: string[]; optional: string[] }>> = {
  doc: { required: ['schemaVersion', 'savedAt', 'card'], optional: [] },
  card: { required: ['cells', 'weights'], optional: [] },
  cell: { required: ['level', 'at'], optional: ['confidence', 'note'] },
  weight: { required: ['w', 'at'], optional: [] },
};

function kindOf(path: Path): keyof typeof FIXED_KEYS {
  if (path.length === 0) return 'doc';
  if (path.length === 1) return 'card';
  return path[1] === 'cells' ? 'cell' : 'weight';
}

/** Every object in the document with its path, the document itself first. */
function objectsIn(value: Json, path: Path = []): [Path, { [key: string]: Json }][] {
  if (!isRecord(value)) return [];
  const object = value as { [key: string]: Json };
  return [
    [path, object],
    ...Object.entries(object).flatMap(([key, child]) => objectsIn(child, [...path, key])),
  ];
}

/** Whether `value` may stand at `path` of a stored document: the format's rule for each field. */
function fitsAt(path: Path, value: Json): boolean {
  const key = path.at(-1);
  const parent = path.slice(0, -1);
  if (path.length === 1 && key === 'schemaVersion') return value === 1;
  if (path.length === 1 && key === 'savedAt') return typeof value === 'string';
  const time = typeof value === 'number' && Number.isFinite(value) && value >= 0;
  if (isFixedShape(parent) && kindOf(parent) === 'cell') {
    if (key === 'level') return value === null || isLevel(value);
    if (key === 'confidence') return isConfidence(value);
    if (key === 'note') return typeof value === 'string';
    if (key === 'at') return time;
  }
  if (isFixedShape(parent) && kindOf(parent) === 'weight') {
    if (key === 'w') return isWeight(value);
    if (key === 'at') return time;
  }
  // Every other field holds an object; the replacements tried below are never plain objects.
  return false;
}

const WRONG_VALUES: readonly Json[] = [null, true, 0, -1, 1.5, 7, '', '3', 'high', [], [1], [{}]];

function clone(doc: Json): Json {
  return JSON.parse(JSON.stringify(doc)) as Json;
}

/** A valid document with one thing wrong: a field of the wrong type, an extra field, or a missing one. */
const almostValid = fc
  .tuple(validDoc, fc.nat(), fc.nat(), fc.constantFrom(...WRONG_VALUES), fc.string({ maxLength: 8 }))
  .map(([doc, pick, which, wrong, extraKey]) => {
    const broken = clone(doc);
    const objects = objectsIn(broken);
    const [path, object] = objects[pick % objects.length]!;
    const keys = Object.keys(object);
    const fixed = isFixedShape(path);
    const { required, optional } = FIXED_KEYS[kindOf(path)]!;
    const mutations: (() => string | null)[] = [
      () => {
        if (keys.length === 0) return null;
        const key = keys[which % keys.length]!;
        if (fitsAt([...path, key], wrong)) return null;
        object[key] = wrong;
        return `${[...path, key].join('.')} = ${JSON.stringify(wrong)}`;
      },
      () => {
        if (!fixed || required.includes(extraKey) || optional.includes(extraKey)) return null;
        object[extraKey] = wrong;
        return `extra ${[...path, extraKey].join('.')}`;
      },
      () => {
        if (!fixed) return null;
        const key = required[which % required.length]!;
        delete object[key];
        return `missing ${[...path, key].join('.')}`;
      },
    ];
    const change = mutations[which % mutations.length]!();
    return { doc, broken, change };
  })
  .filter(({ change }) => change !== null);

describe('stored values that are almost a scorecard', () => {
  it('every valid document loads as it was saved (the generator makes valid ones)', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const loaded = loadStored(JSON.stringify(doc));
        expect(loaded).toEqual({ status: 'ok', doc });
      }),
      { numRuns: 200 },
    );
  });

  it('any one field of the wrong type, extra field or missing field makes the whole value unreadable', () => {
    fc.assert(
      fc.property(almostValid, ({ broken, change }) => {
        const loaded = loadStored(JSON.stringify(broken));
        expect(['corrupt', 'newer'], `${change} was read as ${loaded.status}`).toContain(loaded.status);
      }),
      { numRuns: 2000 },
    );
  });

  it('is set aside unchanged, reported, and still there after the reader saves a new card', () => {
    fc.assert(
      fc.property(almostValid, ({ broken }) => {
        const raw = JSON.stringify(broken);
        const storage = new MemoryStorage();
        storage.setItem(STORAGE_KEY, raw);
        const store = openStore(storage, () => 1_000);
        const found = store.read();
        if (!found.ok) throw new Error(found.message);
        expect(found.card).toEqual(emptyScorecard());
        expect(found.setAsideKey).toBeDefined();
        expect(found.notice).toContain(`"${found.setAsideKey}"`);
        expect(storage.getItem(found.setAsideKey!)).toBe(raw);
        store.write(emptyScorecard());
        expect(storage.getItem(found.setAsideKey!)).toBe(raw);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the first prototype’s bare levels', () => {
  const prototypeDoc = fc.record({
    cells: fc.dictionary(
      fc.constantFrom(...frame.labs.map((lab) => lab.id)),
      fc.dictionary(fc.constantFrom(...frame.analogies.map((a) => a.id)), fc.constantFrom(0, 1, 2, 3, 4)),
    ),
  });

  it('are migrated, level for level', () => {
    fc.assert(
      fc.property(prototypeDoc, (doc) => {
        const loaded = loadStored(JSON.stringify(doc));
        if (loaded.status !== 'migrated') throw new Error(`read as ${loaded.status}`);
        const card = toScorecard(loaded.doc);
        for (const [lab, row] of Object.entries(doc.cells))
          for (const [analogy, level] of Object.entries(row))
            expect(card.cells[lab]?.[analogy]?.level).toBe(level);
      }),
      { numRuns: 200 },
    );
  });

  it('are never turned into an empty card when anything in them is not a level', () => {
    const broken = fc.oneof(
      // The whole of "cells", a row or a level of the wrong type.
      fc.constantFrom(...WRONG_VALUES).map((cells) => ({ cells })),
      fc.constantFrom(...WRONG_VALUES).map((row) => ({ cells: { openai: row } })),
      fc
        .constantFrom(...WRONG_VALUES)
        .filter((level) => level !== null && !isLevel(level))
        .map((level) => ({ cells: { openai: { opacity: 2, deception: level } } })),
      // A field the prototype never wrote.
      fc.string().map((key) => ({ cells: { openai: { opacity: 2 } }, [key === 'cells' ? 'x' : key]: 1 })),
    );
    fc.assert(
      fc.property(broken, (doc) => {
        expect(loadStored(JSON.stringify(doc)).status, JSON.stringify(doc)).toBe('corrupt');
      }),
      { numRuns: 300 },
    );
  });
});
