import {
  DEFAULT_WEIGHT,
  NOTE_MAX_LENGTH,
  own,
  type Cell,
  type Confidence,
  type Level,
  type RubricFrame,
  type Scorecard,
  type Weight,
} from './types';

const UNSCORED: Cell = { level: null };

export function emptyScorecard(): Scorecard {
  return { cells: {}, weights: {} };
}

export function getCell(card: Scorecard, lab: string, analogy: string): Cell {
  const row = own(card.cells, lab);
  return (row && own(row, analogy)) ?? UNSCORED;
}

// Lone surrogates cannot survive UTF-8 (share links, files), so they become U+FFFD here,
// where every note passes, rather than changing silently on the way back.
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
// C0 and C1 controls and DEL, except line feed: notes may have paragraphs, nothing else invisible.
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * The one form a note is kept in, wherever it came from. Idempotent. The cap counts
 * code points, not UTF-16 units, so an emoji is never cut in half.
 */
export function normaliseNote(text: string): string {
  const clean = text
    .replace(CONTROLS, '')
    .replace(SURROGATES, (match) => (match.length === 2 ? match : '\uFFFD'))
    .trim();
  const points = Array.from(clean);
  return points.length <= NOTE_MAX_LENGTH ? clean : points.slice(0, NOTE_MAX_LENGTH).join('').trimEnd();
}

function isBlank(cell: Cell): boolean {
  return cell.level === null && cell.confidence === undefined && cell.note === undefined;
}

/** Builds a cell without undefined-valued keys, so equal cells compare equal. */
export function makeCell(
  level: Level | null,
  confidence: Confidence | undefined,
  note: string | undefined,
): Cell {
  const normalised = note === undefined ? '' : normaliseNote(note);
  return {
    level,
    ...(confidence === undefined ? {} : { confidence }),
    ...(normalised === '' ? {} : { note: normalised }),
  };
}

/** Replaces one cell; a blank cell, and a lab left without cells, are removed to keep the card small. */
export function withCell(card: Scorecard, lab: string, analogy: string, cell: Cell): Scorecard {
  const normalised = makeCell(cell.level, cell.confidence, cell.note);
  const { [analogy]: _dropped, ...rest } = own(card.cells, lab) ?? {};
  const row = isBlank(normalised) ? rest : { ...rest, [analogy]: normalised };
  const { [lab]: _old, ...otherLabs } = card.cells;
  const cells = Object.keys(row).length === 0 ? otherLabs : { ...otherLabs, [lab]: row };
  return { cells, weights: card.weights };
}

export function setLevel(card: Scorecard, lab: string, analogy: string, level: Level | null): Scorecard {
  const cell = getCell(card, lab, analogy);
  return withCell(card, lab, analogy, makeCell(level, cell.confidence, cell.note));
}

export function setConfidence(
  card: Scorecard,
  lab: string,
  analogy: string,
  confidence: Confidence | undefined,
): Scorecard {
  const cell = getCell(card, lab, analogy);
  return withCell(card, lab, analogy, makeCell(cell.level, confidence, cell.note));
}

/** Stores the note as plain text after normaliseNote; an empty result removes it. */
export function setNote(card: Scorecard, lab: string, analogy: string, text: string): Scorecard {
  const cell = getCell(card, lab, analogy);
  return withCell(card, lab, analogy, makeCell(cell.level, cell.confidence, text));
}

/** The default weight is not stored, so "all defaults" is the empty object. */
export function setWeight(card: Scorecard, analogy: string, weight: Weight): Scorecard {
  const { [analogy]: _old, ...others } = card.weights;
  return {
    cells: card.cells,
    weights: weight === DEFAULT_WEIGHT ? others : { ...others, [analogy]: weight },
  };
}

export function weightOf(card: Scorecard, analogy: string): Weight {
  return own(card.weights, analogy) ?? DEFAULT_WEIGHT;
}

export function isEmpty(card: Scorecard): boolean {
  return Object.keys(card.cells).length === 0 && Object.keys(card.weights).length === 0;
}

/** Cells with a level, counting only the labs and analogies the frame knows. */
export function countScored(card: Scorecard, frame: RubricFrame): number {
  let scored = 0;
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      if (getCell(card, lab.id, analogy.id).level !== null) scored += 1;
    }
  }
  return scored;
}

/** Whether two cells hold the same level, confidence and note. */
export function sameCell(a: Cell, b: Cell): boolean {
  return a.level === b.level && a.confidence === b.confidence && a.note === b.note;
}

/** Whether two cards hold the same scores, confidences, notes and weights, however they were built. */
export function sameScorecard(a: Scorecard, b: Scorecard): boolean {
  if (a === b) return true;
  const labs = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  for (const lab of labs) {
    const analogies = new Set([
      ...Object.keys(own(a.cells, lab) ?? {}),
      ...Object.keys(own(b.cells, lab) ?? {}),
    ]);
    for (const analogy of analogies) {
      if (!sameCell(getCell(a, lab, analogy), getCell(b, lab, analogy))) return false;
    }
  }
  const analogies = new Set([...Object.keys(a.weights), ...Object.keys(b.weights)]);
  for (const analogy of analogies) if (weightOf(a, analogy) !== weightOf(b, analogy)) return false;
  return true;
}

/** A level per lab and analogy, such as the site's own reading. */
export type Reading = Readonly<Record<string, Readonly<Record<string, Level>>>>;

/** Gives every cell without a level the reading's level; the reader's own scores, confidences and notes stay. */
export function fillUnscored(card: Scorecard, reading: Reading, frame: RubricFrame): Scorecard {
  let next = card;
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      const level = own(own(reading, lab.id) ?? {}, analogy.id);
      if (level !== undefined && getCell(next, lab.id, analogy.id).level === null)
        next = setLevel(next, lab.id, analogy.id, level);
    }
  }
  return next;
}
