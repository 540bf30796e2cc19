import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileFor } from './dist';
import { decodeShare } from '../../src/rubric/share-decode';
import { toScorecard } from '../../src/rubric/stored-merge';
import { loadStored } from '../../src/rubric/stored-versions';
import { fromCsv, fromJson } from '../../src/rubric/exchange';
import type { RubricFrame, Scorecard } from '../../src/rubric/types';

// A share link, a stored value and two exports made by the site as it was on 2026-11-27
// (five labs). Readers hold copies of these; every later build must open them unchanged,
// with labs added since then simply unscored.
const FIXTURES = 'tests/fixtures/frozen-2026-11-27';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, 'utf8');

const rubricFile = fileFor('/rubric.json');
if (rubricFile === null) throw new Error('rubric.json is not in the build');
const frame = JSON.parse(readFileSync(rubricFile, 'utf8')) as RubricFrame;

const LEVELS = {
  openai: { 'misaligned-incentives': 3, 'constraint-subversion': 4 },
  anthropic: { 'power-seeking': 2 },
  meta: { deception: 4 },
  microsoft: { opacity: 1 },
  'google-deepmind': { incorrigibility: 0 },
};

function expectTheFrozenCard(card: Scorecard): void {
  for (const lab of frame.labs) {
    for (const analogy of frame.analogies) {
      const expected = (LEVELS as Record<string, Record<string, number>>)[lab.id]?.[analogy.id] ?? null;
      expect(card.cells[lab.id]?.[analogy.id]?.level ?? null, `${lab.id} x ${analogy.id}`).toBe(expected);
    }
  }
}

describe('cards readers made on 2026-11-27 still open', () => {
  it('the share link', () => {
    const result = decodeShare(fixture('share-link.txt').trim(), frame);
    if (!result.ok) throw new Error(`the frozen link no longer opens: ${result.error.message}`);
    expectTheFrozenCard(result.card);
    expect(result.card.weights).toEqual({ deception: 3, opacity: 0 });
  });

  it('the value in browser storage', () => {
    const result = loadStored(fixture('stored-value.json'));
    if (result.status !== 'ok' && result.status !== 'migrated')
      throw new Error(`the frozen stored value no longer loads: ${result.status}`);
    const card = toScorecard(result.doc);
    expectTheFrozenCard(card);
    expect(card.weights).toEqual({ deception: 3, opacity: 0 });
  });

  it('the JSON export', () => {
    const result = fromJson(fixture('scorecard.json'), frame);
    if (!result.ok) throw new Error(`the frozen JSON export no longer imports: ${result.message}`);
    expectTheFrozenCard(result.card);
  });

  it('the CSV export', () => {
    const result = fromCsv(fixture('scorecard.csv'), frame);
    if (!result.ok) throw new Error(`the frozen CSV export no longer imports: ${result.message}`);
    expectTheFrozenCard(result.card);
  });
});
