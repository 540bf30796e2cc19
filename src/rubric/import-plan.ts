/**
 * What an import would do to the reader's card, before it does it: merged (the default:
 * cells the file does not mention are kept) or replacing the whole card. Loaded with
 * the import code, only when a reader picks a file.
 */
import { cellKey, type Mentions } from './exchange';
import { getCell, isEmpty, sameCell, setWeight, weightOf, withCell } from './scorecard';
import type { RubricFrame, RubricItem, Scorecard, Weight } from './types';

export type ImportMode = 'merge' | 'replace';

/** One cell that changes, by display name. */
export interface CellChange {
  readonly lab: RubricItem;
  readonly analogy: RubricItem;
}

export interface WeightChange {
  readonly analogy: RubricItem;
  readonly from: Weight;
  readonly to: Weight;
}

export interface CardDiff {
  /** Cells empty before that get a level, confidence or note. */
  readonly added: readonly CellChange[];
  /** Cells that had something and get something different. */
  readonly changed: readonly CellChange[];
  /** Cells that had something and end up empty. */
  readonly cleared: readonly CellChange[];
  readonly weights: readonly WeightChange[];
}

/** The reader's card with the file's cells and weights laid over it; what the file does not mention is kept. */
export function mergeImport(
  mine: Scorecard,
  incoming: Scorecard,
  mentions: Mentions,
  frame: RubricFrame,
): Scorecard {
  let card = mine;
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      if (mentions.cells.has(cellKey(lab.id, analogy.id)))
        card = withCell(card, lab.id, analogy.id, getCell(incoming, lab.id, analogy.id));
    }
  }
  for (const analogy of frame.analogies) {
    if (mentions.weights.has(analogy.id)) card = setWeight(card, analogy.id, weightOf(incoming, analogy.id));
  }
  return card;
}

export function importedCard(
  mode: ImportMode,
  mine: Scorecard,
  incoming: Scorecard,
  mentions: Mentions,
  frame: RubricFrame,
): Scorecard {
  return mode === 'replace' ? incoming : mergeImport(mine, incoming, mentions, frame);
}

/** Cell by cell and weight by weight, what turning `before` into `after` changes, in frame order. */
export function diffCards(before: Scorecard, after: Scorecard, frame: RubricFrame): CardDiff {
  const added: CellChange[] = [];
  const changed: CellChange[] = [];
  const cleared: CellChange[] = [];
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      const old = getCell(before, lab.id, analogy.id);
      const next = getCell(after, lab.id, analogy.id);
      if (sameCell(old, next)) continue;
      const blank = (cell: typeof old) =>
        cell.level === null && cell.confidence === undefined && cell.note === undefined;
      (blank(old) ? added : blank(next) ? cleared : changed).push({ lab, analogy });
    }
  }
  const weights = frame.analogies.flatMap((analogy) => {
    const from = weightOf(before, analogy.id);
    const to = weightOf(after, analogy.id);
    return from === to ? [] : [{ analogy, from, to }];
  });
  return { added, changed, cleared, weights };
}

export function isNoChange(diff: CardDiff): boolean {
  return diff.added.length + diff.changed.length + diff.cleared.length + diff.weights.length === 0;
}

/** What an import offers the reader: the change each way of taking it in would make. */
export interface ImportPlan {
  /** Merged: the file's cells and weights laid over the reader's card. */
  readonly merge: CardDiff;
  /** Replacing the card; null when the reader's card is empty, where it would be the same as merging. */
  readonly replace: CardDiff | null;
  /**
   * Whether taking the file in changes nothing either way (the reader's own export, picked again):
   * then there is no choice to offer, as two buttons that each "add 0 cells" would leave the reader
   * guessing what the file was for.
   */
  readonly changesNothing: boolean;
}

export function planImport(
  mine: Scorecard,
  incoming: Scorecard,
  mentions: Mentions,
  frame: RubricFrame,
): ImportPlan {
  const diff = (mode: ImportMode) =>
    diffCards(mine, importedCard(mode, mine, incoming, mentions, frame), frame);
  const merge = diff('merge');
  const replace = isEmpty(mine) ? null : diff('replace');
  return { merge, replace, changesNothing: isNoChange(merge) && (replace === null || isNoChange(replace)) };
}

/**
 * "xai, sandbagging and 19,998 more": names from a file, readable, and short however many
 * there are, so that a file naming thousands of labs cannot flood the page.
 */
export function nameList(names: readonly string[], shown = 5): string {
  const head = names.slice(0, shown);
  const rest = names.length - head.length;
  if (rest > 0) return `${head.join(', ')} and ${rest.toLocaleString('en')} more`;
  if (head.length <= 1) return head.join('');
  return `${head.slice(0, -1).join(', ')} and ${head.at(-1)}`;
}

/** The labs and analogies a file names that this site does not list, in words. */
export function describeUnknownIds(unknown: readonly string[]): string {
  const of = (kind: string) =>
    unknown.filter((entry) => entry.startsWith(`${kind}:`)).map((entry) => entry.slice(kind.length + 1));
  const labs = of('lab');
  const analogies = of('analogy');
  const parts = [
    labs.length > 0 && `${labs.length === 1 ? 'a lab' : 'labs'} this site does not list (${nameList(labs)})`,
    analogies.length > 0 &&
      `${analogies.length === 1 ? 'an analogy' : 'analogies'} this site does not list (${nameList(analogies)})`,
  ].filter((part): part is string => part !== false);
  return parts.length === 0 ? '' : `The file also scores ${parts.join(' and ')}; those are left out.`;
}
