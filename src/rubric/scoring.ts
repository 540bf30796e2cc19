import { getCell, weightOf } from './scorecard';
import { WEIGHTS, own, type EvidenceTally, type RubricFrame, type Scorecard, type Weight } from './types';

export interface LabScore {
  readonly lab: string;
  /** Weighted mean level, 0 to 4; null when no scored cell has a weight above 0. */
  readonly score: number | null;
  /** Cells that count (their analogy's weight is above 0) and have a level. */
  readonly scored: number;
  /** Cells that count but have no level: left out of the mean, not counted as zero. */
  readonly unscored: number;
}

export interface RankedLab extends LabScore {
  /** 1 for the highest score; equal scores share a rank; null for labs without a score. */
  readonly rank: number | null;
  /** Whether another scored lab has the same score (and so the same rank). */
  readonly tied: boolean;
}

export interface WeightSwap {
  readonly analogy: string;
  readonly weight: Weight;
}

export interface Sensitivity {
  /** The lab ranked just above `lower`. */
  readonly upper: string;
  readonly lower: string;
  /** Single weight changes that would put `lower` strictly above `upper`; empty when the order is robust to any one. */
  readonly swaps: readonly WeightSwap[];
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

/**
 * Whether `a` ranks strictly above `b`; a score beats no score. Plain comparison is exact:
 * scores are quotients of integers, and division rounds correctly, so equal means are equal numbers.
 */
function ranksAbove(a: number | null, b: number | null): boolean {
  if (a === null) return false;
  return b === null || a > b;
}

/** All frame labs, best score first, labs without a score last; ties keep frame order. */
export function ranking(card: Scorecard, frame: RubricFrame): RankedLab[] {
  const scores = frame.labs.map((lab) => aggregate(card, frame, lab.id));
  // Array.prototype.sort is stable, so equal scores keep frame order.
  const sorted = [...scores].sort((a, b) =>
    ranksAbove(a.score, b.score) ? -1 : ranksAbove(b.score, a.score) ? 1 : 0,
  );
  const ranked: RankedLab[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    let rank: number | null = null;
    if (entry.score !== null) {
      const tied =
        previous !== undefined && previous.score !== null && !ranksAbove(previous.score, entry.score);
      rank = tied ? previous.rank : index + 1;
    }
    ranked.push({ ...entry, rank, tied: false });
  });
  // Equal scores sit next to each other after sorting, so a tie is a neighbour with the same score.
  return ranked.map((entry, index) => {
    const same = (other: RankedLab | undefined) =>
      other !== undefined && entry.score !== null && other.score === entry.score;
    return same(ranked[index - 1]) || same(ranked[index + 1]) ? { ...entry, tied: true } : entry;
  });
}

/**
 * For each pair of neighbours in the ranking, both scored, the single weight changes
 * that would reverse them. Setting every analogy a lab was scored on to weight 0
 * leaves it without a score, which ranks it last: that counts as a reversal too.
 */
export function sensitivity(card: Scorecard, frame: RubricFrame): Sensitivity[] {
  const ranked = ranking(card, frame);
  // Each lab's weighted sum and total weight, once: a single weight change then moves a
  // score in constant time, so the whole check stays well inside a frame on a large card.
  const sums = new Map(frame.labs.map((lab) => [lab.id, weightedSums(card, frame, lab.id)]));
  const result: Sensitivity[] = [];
  for (let index = 0; index + 1 < ranked.length; index += 1) {
    const upper = ranked[index];
    const lower = ranked[index + 1];
    if (!upper || !lower || upper.score === null || lower.score === null) continue;
    const upperSums = sums.get(upper.lab)!;
    const lowerSums = sums.get(lower.lab)!;
    const swaps: WeightSwap[] = [];
    for (const analogy of frame.analogies) {
      const current = weightOf(card, analogy.id);
      for (const weight of WEIGHTS) {
        if (weight === current) continue;
        const upperScore = scoreWithWeight(upperSums, analogy.id, weight - current);
        const lowerScore = scoreWithWeight(lowerSums, analogy.id, weight - current);
        if (ranksAbove(lowerScore, upperScore)) swaps.push({ analogy: analogy.id, weight });
      }
    }
    result.push({ upper: upper.lab, lower: lower.lab, swaps });
  }
  return result;
}

interface WeightedSums {
  readonly total: number;
  readonly weight: number;
  /** Levels of the scored cells, by analogy id. */
  readonly levels: ReadonlyMap<string, number>;
}

function weightedSums(card: Scorecard, frame: RubricFrame, lab: string): WeightedSums {
  let total = 0;
  let weight = 0;
  const levels = new Map<string, number>();
  for (const analogy of frame.analogies) {
    const { level } = getCell(card, lab, analogy.id);
    if (level === null) continue;
    const w = weightOf(card, analogy.id);
    total += w * level;
    weight += w;
    levels.set(analogy.id, level);
  }
  return { total, weight, levels };
}

/** The mean after one analogy's weight moves by `delta`: integer sums, so it equals what aggregate() would give. */
function scoreWithWeight(sums: WeightedSums, analogy: string, delta: number): number | null {
  const level = sums.levels.get(analogy);
  const total = level === undefined ? sums.total : sums.total + delta * level;
  const weight = level === undefined ? sums.weight : sums.weight + delta;
  return weight > 0 ? total / weight : null;
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
