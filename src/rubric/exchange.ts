/**
 * Export and import as files: JSON (the storage schema with a format marker) and CSV
 * (one row per lab and analogy, for spreadsheets). Imports never throw on a bad file;
 * they return a message a reader can act on.
 */
import {
  emptyScorecard,
  getCell,
  setConfidence,
  setLevel,
  setNote,
  setWeight,
  weightOf,
  withCell,
} from './scorecard';
import {
  SCHEMA_VERSION,
  shapeReason,
  storedCardAt,
  type StoredCard,
  type StoredCell,
  type StoredWeight,
} from './stored-card';
import { cardFromStored, recordScorecard } from './stored-merge';
import {
  CONFIDENCES,
  LEVELS,
  MAX_IMPORT_LENGTH,
  WEIGHTS,
  choiceOf,
  isRecord,
  type Confidence,
  type Level,
  type Result,
  type RubricFrame,
  type RubricItem,
  type Scorecard,
  type Weight,
} from './types';
import { plural } from './wording';
import { BOM, csvRecords, csvText, CsvProblem, parseCsv } from './csv';

export const EXPORT_FORMAT = 'labs-alignment-scorecard';
export const CSV_HEADER = [
  'lab_id',
  'lab',
  'analogy_id',
  'analogy',
  'weight',
  'level',
  'confidence',
  'note',
] as const;

export type ImportResult = Result<{
  readonly card: Scorecard;
  /** Labs and analogies in the file that this site does not know, as "lab:<id>" or "analogy:<id>"; left out. */
  readonly unknown: readonly string[];
  /** What the file speaks of, so that a merge keeps everything else (see import-plan.ts). */
  readonly mentions: Mentions;
}>;

/** The cells (as cellKey) and weights (analogy ids) a file gives a value for, even an empty one. */
export interface Mentions {
  readonly cells: ReadonlySet<string>;
  readonly weights: ReadonlySet<string>;
}

export const cellKey = (lab: string, analogy: string) => `${lab}/${analogy}`;

const TOO_LARGE = 'This file is too large to be a scorecard from this site (the limit is 1 MB).';

function failure(message: string): ImportResult {
  return { ok: false, message };
}

/** The cells and weights of frame items only, in frame order, and what was left out. */
function withinFrame(card: Scorecard, frame: RubricFrame): { card: Scorecard; unknown: string[] } {
  const labIds = new Set(frame.labs.map((lab) => lab.id));
  const analogyIds = new Set(frame.analogies.map((analogy) => analogy.id));
  const unknown = new Set<string>();
  for (const [lab, row] of Object.entries(card.cells)) {
    if (!labIds.has(lab)) unknown.add(`lab:${lab}`);
    for (const analogy of Object.keys(row)) if (!analogyIds.has(analogy)) unknown.add(`analogy:${analogy}`);
  }
  for (const analogy of Object.keys(card.weights))
    if (!analogyIds.has(analogy)) unknown.add(`analogy:${analogy}`);
  let known = emptyScorecard();
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      known = withCell(known, lab.id, analogy.id, getCell(card, lab.id, analogy.id));
    }
  }
  for (const analogy of frame.analogies) known = setWeight(known, analogy.id, weightOf(card, analogy.id));
  return { card: known, unknown: [...unknown] };
}

export function toJson(card: Scorecard, frame: RubricFrame, now: number = Date.now()): string {
  const stored = recordScorecard(null, withinFrame(card, frame).card, now);
  const document = {
    format: EXPORT_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: stored.savedAt,
    card: stored.card,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function fromJson(text: string, frame: RubricFrame): ImportResult {
  if (text.length > MAX_IMPORT_LENGTH) return failure(TOO_LARGE);
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch {
    return failure('This file is not JSON, so it is not a scorecard exported from this site.');
  }
  if (!isRecord(value) || value['format'] !== EXPORT_FORMAT) {
    return failure('This JSON file is not a scorecard exported from this site.');
  }
  const version = value['schemaVersion'];
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return failure(
      'This scorecard was exported from a newer version of this site. Reload the page to get the newest version, then import it again.',
    );
  }
  if (version !== SCHEMA_VERSION)
    return failure('This file does not say which version of the scorecard it holds.');
  let stored: StoredCard;
  try {
    stored = storedCardAt(value['card'], '');
  } catch (error) {
    return failure(`This scorecard file is damaged: ${shapeReason(error)}.`);
  }
  // Only the frame's labs and analogies are turned into a card: building a card cell by cell
  // costs time in proportion to its size, and a file may name thousands of unknown labs.
  const labIds = new Set(frame.labs.map((lab) => lab.id));
  const analogyIds = new Set(frame.analogies.map((analogy) => analogy.id));
  const unknown = new Set<string>();
  const cells: Record<string, Record<string, StoredCell>> = {};
  const mentioned = new Set<string>();
  for (const [lab, row] of Object.entries(stored.cells)) {
    if (!labIds.has(lab)) unknown.add(`lab:${lab}`);
    for (const [analogy, cell] of Object.entries(row)) {
      if (!analogyIds.has(analogy)) unknown.add(`analogy:${analogy}`);
      else if (labIds.has(lab)) {
        (cells[lab] ??= {})[analogy] = cell;
        mentioned.add(cellKey(lab, analogy));
      }
    }
  }
  const weights: Record<string, StoredWeight> = {};
  for (const [analogy, weight] of Object.entries(stored.weights)) {
    if (analogyIds.has(analogy)) weights[analogy] = weight;
    else unknown.add(`analogy:${analogy}`);
  }
  const card = withinFrame(cardFromStored({ cells, weights }), frame).card;
  return {
    ok: true,
    card,
    unknown: [...unknown],
    mentions: { cells: mentioned, weights: new Set(Object.keys(weights)) },
  };
}

export function toCsv(card: Scorecard, frame: RubricFrame): string {
  const rows: string[][] = [[...CSV_HEADER]];
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      const cell = getCell(card, lab.id, analogy.id);
      rows.push([
        lab.id,
        lab.name,
        analogy.id,
        analogy.name,
        String(weightOf(card, analogy.id)),
        cell.level === null ? '' : String(cell.level),
        cell.confidence ?? '',
        cell.note ?? '',
      ]);
    }
  }
  return csvText(rows);
}

function byId(items: readonly RubricItem[]): Map<string, RubricItem> {
  return new Map(items.map((item) => [item.id, item]));
}

function parseChoice<T>(
  text: string,
  choices: readonly T[],
  describe: string,
  rowNumber: number,
): T | undefined {
  if (text === '') return undefined;
  const choice = choiceOf(choices, text);
  if (choice === undefined) throw new CsvProblem(`Row ${rowNumber}: "${text}" is not ${describe}.`);
  return choice;
}

export function fromCsv(text: string, frame: RubricFrame): ImportResult {
  try {
    if (text.length > MAX_IMPORT_LENGTH) return failure(TOO_LARGE);
    const [header, ...rows] = parseCsv(text);
    if (!header || header.map((name) => name.trim().toLowerCase()).join(',') !== CSV_HEADER.join(',')) {
      const semicolons = header?.length === 1 && (header[0] ?? '').includes(';');
      return failure(
        semicolons
          ? 'This file separates columns with semicolons; save it as CSV with commas and import it again.'
          : `This file is not a scorecard CSV from this site: its first line should be ${CSV_HEADER.join(',')}.`,
      );
    }
    const labs = byId(frame.labs);
    const analogies = byId(frame.analogies);
    const unknown = new Set<string>();
    const weights = new Map<string, Weight>();
    const mentioned = new Set<string>();
    let card = emptyScorecard();
    const records = csvRecords(
      rows,
      CSV_HEADER,
      (rowNumber, width) =>
        new CsvProblem(
          `Row ${rowNumber} has ${plural(width, 'column')}; a scorecard row has ${CSV_HEADER.length}.`,
        ),
    );
    records.forEach(({ rowNumber, fields }) => {
      const [labId, , analogyId, , weightText, levelText, confidenceText, note] = fields;
      const lab = labs.get(labId.trim());
      const analogy = analogies.get(analogyId.trim());
      if (!lab) unknown.add(`lab:${labId.trim()}`);
      if (!analogy) unknown.add(`analogy:${analogyId.trim()}`);
      if (!lab || !analogy) return;
      const weight = parseChoice<Weight>(weightText.trim(), WEIGHTS, 'a weight from 0 to 3', rowNumber);
      const level = parseChoice<Level>(levelText.trim(), LEVELS, 'a level from 0 to 4', rowNumber);
      const confidence = parseChoice<Confidence>(
        confidenceText.trim().toLowerCase(),
        CONFIDENCES,
        'a confidence (low, medium or high)',
        rowNumber,
      );
      if (weight !== undefined) {
        const earlier = weights.get(analogy.id);
        if (earlier !== undefined && earlier !== weight) {
          throw new CsvProblem(
            `Rows give ${analogy.name} two different weights (${earlier} and ${weight}); give every row of an analogy the same weight.`,
          );
        }
        weights.set(analogy.id, weight);
        card = setWeight(card, analogy.id, weight);
      }
      // An export writes a row for every cell, scored or not: a row with no level, confidence or
      // note says nothing about its cell, so merging it must keep the reader's own score there.
      if (level !== undefined || confidence !== undefined || note.trim() !== '')
        mentioned.add(cellKey(lab.id, analogy.id));
      card = setLevel(card, lab.id, analogy.id, level ?? null);
      card = setConfidence(card, lab.id, analogy.id, confidence);
      card = setNote(card, lab.id, analogy.id, note);
    });
    return {
      ok: true,
      card,
      unknown: [...unknown],
      mentions: { cells: mentioned, weights: new Set(weights.keys()) },
    };
  } catch (error) {
    // Only a problem with the file is the reader's to fix; anything else is a bug, and is not hidden.
    if (!(error instanceof CsvProblem)) throw error;
    return failure(error.message);
  }
}
