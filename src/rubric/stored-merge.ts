/**
 * Turning a scorecard into its stored form and back, and merging two stored forms: the
 * later change to each cell and weight wins, so two tabs writing at once lose nothing.
 */
import { emptyScorecard, getCell, makeCell, sameCell, setWeight, weightOf, withCell } from './scorecard';
import {
  SCHEMA_VERSION,
  type StoredCard,
  type StoredCell,
  type StoredDoc,
  type StoredWeight,
} from './stored-card';
import { DEFAULT_WEIGHT, own, type Cell, type Scorecard } from './types';

const cellOf = (stored: StoredCell): Cell => makeCell(stored.level, stored.confidence, stored.note);

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
    const beforeRow = own(before.cells, lab) ?? {};
    const afterRow = own(card.cells, lab) ?? {};
    const row = [...keysOf(beforeRow, afterRow)].map((analogy): [string, StoredCell] => {
      const old = own(beforeRow, analogy);
      const cell = getCell(card, lab, analogy);
      if (old && sameCell(cellOf(old), cell)) return [analogy, old];
      return [analogy, { ...cell, at: Math.max(now, (old?.at ?? -1) + 1) }];
    });
    return [lab, Object.fromEntries(row)] as const;
  });
  const weights = [...keysOf(before.weights, card.weights)].map((analogy): [string, StoredWeight] => {
    const old = own(before.weights, analogy);
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

/** Per cell and per weight, the later change wins; commutative, associative and idempotent. */
export function mergeStored(a: StoredDoc, b: StoredDoc): StoredDoc {
  const cells = [...keysOf(a.card.cells, b.card.cells)].map((lab) => {
    const rowA = own(a.card.cells, lab) ?? {};
    const rowB = own(b.card.cells, lab) ?? {};
    const row = [...keysOf(rowA, rowB)].map((analogy) => [
      analogy,
      later(own(rowA, analogy), own(rowB, analogy)),
    ]);
    return [lab, Object.fromEntries(row)] as const;
  });
  const weights = [...keysOf(a.card.weights, b.card.weights)].map((analogy) => [
    analogy,
    later(own(a.card.weights, analogy), own(b.card.weights, analogy)),
  ]);
  return {
    schemaVersion: SCHEMA_VERSION,
    savedAt: a.savedAt > b.savedAt ? a.savedAt : b.savedAt,
    card: { cells: Object.fromEntries(cells), weights: Object.fromEntries(weights) },
  };
}
