/**
 * Many readers' scorecards pooled into one picture: per cell how many scored it, the
 * median, the range and the spread of levels; per lab each rater's aggregate, the median
 * aggregate and how often each rank was given; and how far the raters agree beyond chance
 * (Krippendorff's alpha, ordinal). Plain TypeScript, no framework.
 */
import { krippendorffAlpha, type AlphaResult } from './krippendorff';
import { getCell } from './scorecard';
import { aggregate, type LabScore } from './scoring';
import { LEVELS, type Level, type RubricFrame, type Scorecard } from './types';

/**
 * The name of the reader's own card when a reopened panel link already holds the maker's
 * ("Panel maker", see panel-assemble.ts): whoever reopened it is not the panel maker.
 */
export const OTHER_MINE_RATER = 'You';

/** One member of a panel: a name and the scorecard they shared. */
export interface Rater {
  readonly name: string;
  readonly card: Scorecard;
  /** True for the reader's own card, added with "Include mine". */
  readonly mine?: boolean;
  /** True for the site's reading, added with "Include the site's reading". */
  readonly site?: boolean;
  /**
   * True for a pasted card that holds the same scores as the site's reading while "Include the
   * site's reading" is ticked: counted once, as this rater, but named as both.
   */
  readonly alsoSite?: boolean;
}

export interface CellSummary {
  readonly lab: string;
  readonly analogy: string;
  /** Raters who gave this cell a level. */
  readonly count: number;
  /** Null when nobody scored the cell; may fall halfway between two levels. */
  readonly median: number | null;
  readonly min: Level | null;
  readonly max: Level | null;
  /** How many raters gave each level, indexed by level 0-4. */
  readonly levels: readonly number[];
  /** Mean distance, in levels, of the raters' levels from the median; 0 when fewer than two scored. */
  readonly spread: number;
  /** Among the cells where the raters disagree most (see CONTESTED_*). */
  readonly contested: boolean;
}

export interface LabSummary {
  readonly lab: string;
  /** Each rater's aggregate under their own weights, in rater order; null where they scored nothing that counts. */
  readonly aggregates: readonly (number | null)[];
  /** Per rater, whether their aggregate rests on enough cells to count (see isEnough). */
  readonly counted: readonly boolean[];
  /** Median of the aggregates that count. */
  readonly median: number | null;
  /**
   * How many raters put the lab at each rank: index 0 is rank 1. Each rater ranks only the
   * labs whose aggregate counts for them; ties share the better rank.
   */
  readonly ranks: readonly number[];
  /** Raters who gave the lab an aggregate on too few cells for it to count. */
  readonly thin: number;
  /** Raters who gave the lab no aggregate, and so no rank. */
  readonly unranked: number;
}

export interface AnalogyAgreement {
  readonly analogy: string;
  readonly result: AlphaResult;
}

/** A cell where the reader's own level is far from the panel's median. */
export interface MineDifference {
  readonly lab: string;
  readonly analogy: string;
  readonly mine: Level;
  readonly median: number;
  /** Mine minus the median. */
  readonly difference: number;
}

export interface Panel {
  readonly raters: readonly string[];
  /** Lab-major: one entry per frame lab, then per frame analogy. */
  readonly cells: readonly (readonly CellSummary[])[];
  /** The contested cells, widest disagreement first (see contestedCells). */
  readonly contested: readonly CellSummary[];
  /** True when some cell was scored by two or more raters, so disagreement can be judged at all. */
  readonly paired: boolean;
  readonly labs: readonly LabSummary[];
  /** Ordinal alpha over every cell, each cell a unit. */
  readonly agreement: AlphaResult;
  readonly byAnalogy: readonly AnalogyAgreement[];
  /** Empty unless a rater is marked as the reader's own. Largest differences first. */
  readonly mineDiffers: readonly MineDifference[];
}

/** At most this many cells are marked as contested; of equal spreads, the first in table order. */
export const CONTESTED_CELLS = 3;
/** A cell is contested only when raters sit on average at least this many levels from its median. */
export const CONTESTED_MIN_SPREAD = 0.75;
/** The reader's cells are listed when at least this far from the median, at most MINE_DIFFERS_MAX of them. */
export const MINE_DIFFERS_MIN = 1;
export const MINE_DIFFERS_MAX = 5;

/**
 * Whether a rater's aggregate for a lab rests on enough cells to count in the medians and
 * rank counts: at least half of the analogies that rater weighs above 0. A card that scored
 * one cell of a lab would otherwise rank it as firmly as a card that scored them all.
 */
export function isEnough(score: LabScore): boolean {
  return score.score !== null && score.scored * 2 >= score.scored + score.unscored;
}

/** The middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function summariseCell(levels: readonly Level[], lab: string, analogy: string): CellSummary {
  const counts = LEVELS.map(() => 0);
  for (const level of levels) counts[level]! += 1;
  const middle = median(levels);
  const spread =
    middle === null || levels.length < 2
      ? 0
      : levels.reduce<number>((sum, level) => sum + Math.abs(level - middle), 0) / levels.length;
  return {
    lab,
    analogy,
    count: levels.length,
    median: middle,
    min: levels.length === 0 ? null : levels.reduce((low, level) => (level < low ? level : low)),
    max: levels.length === 0 ? null : levels.reduce((high, level) => (level > high ? level : high)),
    levels: counts,
    spread,
    contested: false,
  };
}

/**
 * The cells of strongest disagreement, widest first: at most CONTESTED_CELLS of them, among
 * the cells two or more raters scored whose spread reaches the floor. Equal spreads keep the
 * table's order (lab, then analogy), so the cut at CONTESTED_CELLS is the same on every build.
 */
function contestedCells(cells: readonly (readonly CellSummary[])[]): CellSummary[] {
  return cells
    .flat()
    .filter((cell) => cell.count >= 2 && cell.spread >= CONTESTED_MIN_SPREAD)
    .sort((a, b) => b.spread - a.spread)
    .slice(0, CONTESTED_CELLS);
}

export function buildPanel(raters: readonly Rater[], frame: RubricFrame): Panel {
  const summaries = frame.labs.map((lab) =>
    frame.analogies.map((analogy) => {
      const levels: Level[] = [];
      for (const rater of raters) {
        const { level } = getCell(rater.card, lab.id, analogy.id);
        if (level !== null) levels.push(level);
      }
      return summariseCell(levels, lab.id, analogy.id);
    }),
  );
  const contested = contestedCells(summaries).map((cell) => ({ ...cell, contested: true }));
  const cells = summaries.map((row) =>
    row.map((cell) => contested.find((c) => c.lab === cell.lab && c.analogy === cell.analogy) ?? cell),
  );

  const scores = raters.map((rater) => frame.labs.map((lab) => aggregate(rater.card, frame, lab.id)));
  // Each rater's ranks over the labs that count for them: 1 plus how many of those score higher.
  const rankOf = scores.map((own) => {
    const counting = own.filter(isEnough).map((entry) => entry.score!);
    return own.map((entry) =>
      isEnough(entry) ? 1 + counting.filter((other) => other > entry.score!).length : null,
    );
  });
  const labs = frame.labs.map((lab, l): LabSummary => {
    const ranks = frame.labs.map(() => 0);
    let unranked = 0;
    let thin = 0;
    const counted = scores.map((own) => isEnough(own[l]!));
    rankOf.forEach((own, r) => {
      const rank = own[l];
      if (rank !== null && rank !== undefined) ranks[rank - 1]! += 1;
      else if (scores[r]![l]!.score === null) unranked += 1;
      else thin += 1;
    });
    const aggregates = scores.map((own) => own[l]!.score);
    return {
      lab: lab.id,
      aggregates,
      counted,
      median: median(aggregates.filter((value, r): value is number => value !== null && counted[r]!)),
      ranks,
      thin,
      unranked,
    };
  });

  // Each cell is one unit and each rater one observer; a rater who left a cell unscored is a missing value.
  const unit = (lab: string, analogy: string) =>
    raters.map((rater) => getCell(rater.card, lab, analogy).level);
  const agreement = krippendorffAlpha(
    frame.labs.flatMap((lab) => frame.analogies.map((analogy) => unit(lab.id, analogy.id))),
    'ordinal',
  );
  const byAnalogy = frame.analogies.map((analogy) => ({
    analogy: analogy.id,
    result: krippendorffAlpha(
      frame.labs.map((lab) => unit(lab.id, analogy.id)),
      'ordinal',
    ),
  }));

  return {
    raters: raters.map((rater) => rater.name),
    cells,
    contested,
    paired: summaries.some((row) => row.some((cell) => cell.count >= 2)),
    labs,
    agreement,
    byAnalogy,
    mineDiffers: mineDiffers(raters, cells),
  };
}

function mineDiffers(raters: readonly Rater[], cells: readonly (readonly CellSummary[])[]): MineDifference[] {
  const mine = raters.find((rater) => rater.mine === true);
  // Against a panel of one, the reader would only be compared with themself.
  if (mine === undefined || raters.length < 2) return [];
  const differences: MineDifference[] = [];
  for (const cell of cells.flat()) {
    const { level } = getCell(mine.card, cell.lab, cell.analogy);
    if (level === null || cell.median === null || cell.count < 2) continue;
    const difference = level - cell.median;
    if (Math.abs(difference) >= MINE_DIFFERS_MIN)
      differences.push({
        lab: cell.lab,
        analogy: cell.analogy,
        mine: level,
        median: cell.median,
        difference,
      });
  }
  // Stable sort: equal differences keep frame order.
  return differences
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference))
    .slice(0, MINE_DIFFERS_MAX);
}

/**
 * How to read an alpha, in words. Krippendorff suggests relying on variables with alpha of
 * at least 0.800 and drawing only tentative conclusions from 0.667 up; below that, the
 * raters' levels say more about who rated than about the labs.
 */
export function describeAlpha(alpha: number): string {
  if (alpha >= 0.8) return 'strong agreement: the panel reads the rubric much the same way';
  if (alpha >= 0.667) return 'moderate agreement: enough for tentative conclusions, not for firm ones';
  if (alpha > 0) return 'weak agreement: the levels depend a good deal on who gave them';
  return 'no agreement beyond chance: the levels say more about the raters than about the labs';
}
