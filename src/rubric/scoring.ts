import { getCell, weightOf } from './scorecard';
import { own, type EvidenceTally, type RubricFrame, type Scorecard } from './types';

export interface LabScore {
  readonly lab: string;
  /** Weighted mean level, 0 to 4; null when no scored cell has a weight above 0. */
  readonly score: number | null;
  /** Cells that count (their analogy's weight is above 0) and have a level. */
  readonly scored: number;
  /** Cells that count but have no level: left out of the mean, not counted as zero. */
  readonly unscored: number;
}

export function aggregate(card: Scorecard, frame: RubricFrame, lab: string): LabScore {
  let total = 0;
  let totalWeight = 0;
  let scored = 0;
  let unscored = 0;
  for (const analogy of frame.analogies) {
    const weight = weightOf(card, analogy.id);
    // A weight of 0 drops the analogy: its cell neither counts nor is missing.
    if (weight === 0) continue;
    const { level } = getCell(card, lab, analogy.id);
    if (level === null) {
      unscored += 1;
      continue;
    }
    scored += 1;
    total += weight * level;
    totalWeight += weight;
  }
  return { lab, score: totalWeight > 0 ? total / totalWeight : null, scored, unscored };
}

/** One analogy an evidence item bears on, with its direction; `labs` narrows it to some of the item's labs. */
export interface EvidenceBearing {
  readonly analogy: string;
  readonly direction: 'supports' | 'weakens';
  readonly labs?: readonly string[] | undefined;
}

/** The part of an evidence item that counting needs: one event, several bearings. */
export interface EvidenceRef {
  readonly labs: readonly string[];
  readonly bears: readonly EvidenceBearing[];
}

/** One (lab, analogy) cell an item bears on, and which way. */
export interface CellBearing {
  readonly lab: string;
  readonly analogy: string;
  readonly direction: 'supports' | 'weakens';
}

/** Tallies keyed by evidenceKey(lab, analogy); a plain record so it can cross into an island as a prop. */
export type EvidenceTallies = Readonly<Record<string, EvidenceTally>>;

const NO_EVIDENCE: EvidenceTally = { supports: 0, weakens: 0 };

export function evidenceKey(lab: string, analogy: string): string {
  return `${lab}/${analogy}`;
}

/**
 * Every cell an item bears on. A bearing without its own `labs` concerns all the item's
 * labs; a lab listed twice still counts once.
 */
export function cellBearings(item: EvidenceRef): CellBearing[] {
  return item.bears.flatMap((bearing) =>
    [...new Set(bearing.labs ?? item.labs)].map((lab) => ({
      lab,
      analogy: bearing.analogy,
      direction: bearing.direction,
    })),
  );
}

/** The direction in which an item bears on one lab's cell, or undefined when it does not bear on it. */
export function directionOn(
  item: EvidenceRef,
  lab: string,
  analogy: string,
): 'supports' | 'weakens' | undefined {
  return cellBearings(item).find((b) => b.lab === lab && b.analogy === analogy)?.direction;
}

/** Supporting and weakening items per cell: an item counts once in each cell it bears on. */
export function tallyEvidence(evidence: readonly EvidenceRef[]): EvidenceTallies {
  const tallies = new Map<string, { supports: number; weakens: number }>();
  for (const item of evidence) {
    for (const { lab, analogy, direction } of cellBearings(item)) {
      const key = evidenceKey(lab, analogy);
      const tally = tallies.get(key) ?? { supports: 0, weakens: 0 };
      tally[direction] += 1;
      tallies.set(key, tally);
    }
  }
  return Object.fromEntries(tallies);
}

export function tallyFor(tallies: EvidenceTallies, lab: string, analogy: string): EvidenceTally {
  const key = evidenceKey(lab, analogy);
  return own(tallies, key) ?? NO_EVIDENCE;
}

/** One lab's share of the evidence base: items concerning it, and its bearings in each direction. */
export interface LabBalance {
  readonly items: number;
  readonly supports: number;
  readonly weakens: number;
}

/** Per lab, how many items bear on it and how many of their bearings support or weaken an analogy. */
export function tallyByLab(evidence: readonly EvidenceRef[]): Readonly<Record<string, LabBalance>> {
  const balance: Record<string, { items: number; supports: number; weakens: number }> = {};
  for (const item of evidence) {
    const bearings = cellBearings(item);
    for (const lab of new Set(bearings.map((b) => b.lab))) {
      const entry = (balance[lab] ??= { items: 0, supports: 0, weakens: 0 });
      entry.items += 1;
      for (const b of bearings) if (b.lab === lab) entry[b.direction] += 1;
    }
  }
  return balance;
}
