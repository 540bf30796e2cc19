import { ranking, sensitivity, type RankedLab, type Sensitivity } from './ranking';
import type { LabScore } from './scoring';
import { getCell } from './scorecard';
import type { RubricFrame, Scorecard } from './types';

/**
 * Whether a lab is scored on enough of its cells to be ranked: at least half of the cells that
 * count (weight above 0). A mean of one cell is that cell's level, so a lab scored 4 on one
 * analogy out of six would otherwise lead the ranking with a full bar, beside labs judged on all
 * six; a reader reads first place as "judged worst overall", which one cell cannot show. Half is
 * the point where most of the lab's picture is the reader's own judgement rather than a gap.
 */
export function hasEnoughCells(score: LabScore): boolean {
  return score.scored > 0 && score.scored * 2 >= score.scored + score.unscored;
}

export interface CoverageRanking {
  /** Labs scored on enough cells, numbered among themselves, best first; ties share a rank. */
  readonly ranked: readonly RankedLab[];
  /** Labs with a score on too few cells: shown with their mean, never numbered. Best first. */
  readonly thin: readonly RankedLab[];
  /** Labs with no score at all. */
  readonly unscored: readonly RankedLab[];
  /** For neighbours among the ranked labs, the single weight changes that would reverse them. */
  readonly sensitivity: readonly Sensitivity[];
}

/** The ranking a reader sees: only labs scored on enough cells are numbered (see hasEnoughCells). */
export function coverageRanking(card: Scorecard, frame: RubricFrame): CoverageRanking {
  const all = ranking(card, frame);
  const enough = new Set(all.filter(hasEnoughCells).map((row) => row.lab));
  const rankedFrame = { ...frame, labs: frame.labs.filter((lab) => enough.has(lab.id)) };
  return {
    ranked: ranking(card, rankedFrame),
    thin: all
      .filter((row) => row.score !== null && !enough.has(row.lab))
      .map((row) => ({ ...row, rank: null, tied: false })),
    unscored: all.filter((row) => row.score === null),
    sensitivity: sensitivity(card, rankedFrame),
  };
}

/** Ranked labs first, then those scored on too few cells to rank, then the unscored: the order tables show. */
export const inOrder = ({ ranked, thin, unscored }: CoverageRanking): RankedLab[] => [
  ...ranked,
  ...thin,
  ...unscored,
];

/**
 * Whether a lab has levels but no aggregate: every level it has is on an analogy weighted 0, which
 * the mean leaves out. Such a lab must not read "no score yet", which would tell the reader their
 * scores were lost.
 */
export function isScoredOnlyUncounted(row: LabScore, card: Scorecard, frame: RubricFrame): boolean {
  return row.score === null && frame.analogies.some((a) => getCell(card, row.lab, a.id).level !== null);
}
