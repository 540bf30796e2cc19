/**
 * Ranking labs by their aggregates, and which single weight change would swap two neighbours.
 * Apart from aggregate() in scoring.ts, which every scorecard view needs at once, so that the
 * scorecard's first load does not carry what only the ranking, drawn a frame later, uses.
 */
import { aggregate, type LabScore } from './scoring';
import { getCell, weightOf } from './scorecard';
import { WEIGHTS, type RubricFrame, type Scorecard, type Weight } from './types';

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
