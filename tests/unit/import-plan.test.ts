import { describe, expect, it } from 'vitest';
import { fromCsv, fromJson, toCsv, toJson, CSV_HEADER, EXPORT_FORMAT } from '../../src/rubric/exchange';
import {
  describeUnknownIds,
  diffCards,
  importedCard,
  isNoChange,
  mergeImport,
  nameList,
  planImport,
} from '../../src/rubric/import-plan';
import {
  emptyScorecard,
  fillUnscored,
  getCell,
  setLevel,
  setNote,
  setWeight,
} from '../../src/rubric/scorecard';
import type { Scorecard } from '../../src/rubric/types';
import { frame } from './fixtures/frame';

/** Every cell of the frame scored 2, with a note on one: a reader's well-filled card. */
function fullCard(): Scorecard {
  let card = emptyScorecard();
  for (const lab of frame.labs)
    for (const analogy of frame.analogies) card = setLevel(card, lab.id, analogy.id, 2);
  return setNote(card, 'meta', 'opacity', 'keep me');
}

function imported(text: string, name: 'csv' | 'json') {
  const result = name === 'csv' ? fromCsv(text, frame) : fromJson(text, frame);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('importing into a card that already has scores', () => {
  it('a one-row CSV merged in changes that cell and keeps the other 29', () => {
    const mine = fullCard();
    const csv = `${CSV_HEADER.join(',')}\nopenai,OpenAI,opacity,Opacity,1,4,high,\n`;
    const file = imported(csv, 'csv');
    const merged = mergeImport(mine, file.card, file.mentions, frame);
    expect(getCell(merged, 'openai', 'opacity')).toEqual({ level: 4, confidence: 'high' });
    expect(getCell(merged, 'meta', 'opacity')).toEqual({ level: 2, note: 'keep me' });
    const diff = diffCards(mine, merged, frame);
    expect(diff.changed.map((c) => `${c.lab.id}/${c.analogy.id}`)).toEqual(['openai/opacity']);
    expect(diff.added).toEqual([]);
    expect(diff.cleared).toEqual([]);
  });

  it('replacing says how many cells it clears', () => {
    const mine = fullCard();
    const csv = `${CSV_HEADER.join(',')}\nopenai,OpenAI,opacity,Opacity,1,4,,\n`;
    const file = imported(csv, 'csv');
    const replaced = importedCard('replace', mine, file.card, file.mentions, frame);
    const diff = diffCards(mine, replaced, frame);
    expect(diff.cleared).toHaveLength(29);
    expect(diff.changed).toHaveLength(1);
  });

  it('a CSV row with no level, confidence or note keeps my cell on merge, and a file of my own card changes nothing', () => {
    // An export has a row for every cell, scored or not: merging one made before a reader scored
    // more cells must not clear them (a reader lost a score this way).
    const mine = fullCard();
    const csv = `${CSV_HEADER.join(',')}\nmeta,Meta,opacity,Opacity,1,,,\nopenai,OpenAI,opacity,Opacity,1,,low,\n`;
    const file = imported(csv, 'csv');
    const diff = diffCards(mine, mergeImport(mine, file.card, file.mentions, frame), frame);
    expect(diff.cleared).toEqual([]);
    expect(diff.changed.map((c) => `${c.lab.id}/${c.analogy.id}`)).toEqual(['openai/opacity']);
    const emptier = imported(toCsv(setLevel(emptyScorecard(), 'openai', 'opacity', 1), frame), 'csv');
    const merged = mergeImport(mine, emptier.card, emptier.mentions, frame);
    expect(diffCards(mine, merged, frame).cleared).toEqual([]);
    const own = imported(toCsv(mine, frame), 'csv');
    expect(isNoChange(diffCards(mine, mergeImport(mine, own.card, own.mentions, frame), frame))).toBe(true);
  });

  it('merges weights the file gives and keeps the others', () => {
    const mine = setWeight(setWeight(fullCard(), 'opacity', 3), 'deception', 0);
    const theirs = setWeight(setLevel(emptyScorecard(), 'meta', 'deception', 4), 'deception', 2);
    const file = imported(toJson(theirs, frame), 'json');
    const merged = mergeImport(mine, file.card, file.mentions, frame);
    expect(merged.weights).toEqual({ opacity: 3, deception: 2 });
    expect(diffCards(mine, merged, frame).weights.map((w) => [w.analogy.id, w.from, w.to])).toEqual([
      ['deception', 0, 2],
    ]);
  });

  it('names unknown labs and analogies readably, and briefly however many there are', () => {
    expect(nameList(['a'])).toBe('a');
    expect(nameList(['a', 'b'])).toBe('a and b');
    expect(nameList(Array.from({ length: 20_000 }, (_, i) => `lab${i}`))).toBe(
      'lab0, lab1, lab2, lab3, lab4 and 19,995 more',
    );
    expect(describeUnknownIds(['lab:xai', 'analogy:sandbagging'])).toBe(
      'The file also scores a lab this site does not list (xai) and an analogy this site does not list (sandbagging); those are left out.',
    );
  });

  it('reads a 1 MB JSON file naming 20,000 unknown labs and names five of them in one line', () => {
    const cells: Record<string, unknown> = {};
    for (let i = 0; cells && i < 20_000; i += 1) cells[`lab-${i}`] = { opacity: { level: 2, at: 1 } };
    cells['openai'] = { opacity: { level: 3, at: 1 } };
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      schemaVersion: 1,
      exportedAt: 'x',
      card: { cells, weights: {} },
    });
    expect(text.length).toBeGreaterThan(700_000);
    expect(text.length).toBeLessThan(1_000_000);
    // How long this takes is a budget for the benchmark, not a test: a busy machine would fail a
    // timed test. What a test can hold is that the work is done at all, and reported in one line.
    const file = imported(text, 'json');
    const plan = diffCards(
      emptyScorecard(),
      mergeImport(emptyScorecard(), file.card, file.mentions, frame),
      frame,
    );
    const message = describeUnknownIds(file.unknown);
    expect(plan.added).toHaveLength(1);
    expect(message).toContain('and 19,995 more');
  });
});

describe('starting from the site’s reading', () => {
  it('fills only unscored cells and keeps the reader’s scores and notes', () => {
    const reading = Object.fromEntries(
      frame.labs.map((lab) => [lab.id, Object.fromEntries(frame.analogies.map((a) => [a.id, 3 as const]))]),
    );
    let mine = setLevel(emptyScorecard(), 'openai', 'opacity', 0);
    mine = setNote(mine, 'meta', 'deception', 'unsure');
    const filled = fillUnscored(mine, reading, frame);
    expect(getCell(filled, 'openai', 'opacity').level).toBe(0);
    expect(getCell(filled, 'meta', 'deception')).toEqual({ level: 3, note: 'unsure' });
    expect(getCell(filled, 'anthropic', 'power-seeking').level).toBe(3);
  });
});

describe('planImport', () => {
  it("offers no choice for the reader's own export picked again, and no replacing into an empty card", () => {
    const mine = fullCard();
    const own = imported(toJson(mine, frame), 'json');
    expect(planImport(mine, own.card, own.mentions, frame).changesNothing).toBe(true);

    const one = imported(`${CSV_HEADER.join(',')}\nopenai,OpenAI,opacity,Opacity,1,4,high,\n`, 'csv');
    const plan = planImport(mine, one.card, one.mentions, frame);
    expect(plan.changesNothing).toBe(false);
    expect(plan.merge.changed).toHaveLength(1);
    // Replacing a full card with a one-cell file clears every other cell.
    expect(plan.replace?.cleared.length).toBe(frame.labs.length * frame.analogies.length - 1);

    const empty = planImport(emptyScorecard(), one.card, one.mentions, frame);
    expect(empty.replace).toBeNull();
    expect(empty.merge.added).toHaveLength(1);
    // A file of nothing the reader's empty card lacks: nothing to import.
    const blank = imported(`${CSV_HEADER.join(',')}\n`, 'csv');
    expect(planImport(emptyScorecard(), blank.card, blank.mentions, frame).changesNothing).toBe(true);
  });
});
