import { describe, expect, it } from 'vitest';
import { emptyScorecard, setLevel, setWeight } from '../../src/rubric/scorecard';
import { coverageRanking, hasEnoughCells, isScoredOnlyUncounted } from '../../src/rubric/coverage';
import type { Level, Scorecard } from '../../src/rubric/types';
import { frame } from './fixtures/frame';

function card(
  levels: Record<string, Record<string, Level>>,
  weights: Record<string, 0 | 1 | 2 | 3> = {},
): Scorecard {
  let result = emptyScorecard();
  for (const [lab, row] of Object.entries(levels))
    for (const [analogy, level] of Object.entries(row)) result = setLevel(result, lab, analogy, level);
  for (const [analogy, weight] of Object.entries(weights)) result = setWeight(result, analogy, weight);
  return result;
}

const row = (level: Level) => Object.fromEntries(frame.analogies.map((a) => [a.id, level]));

describe('coverageRanking', () => {
  it('does not rank a lab scored on one cell of six above labs scored on all of them', () => {
    const { ranked, thin } = coverageRanking(card({ meta: row(2), openai: { opacity: 4 } }), frame);
    expect(ranked.map((r) => [r.lab, r.rank])).toEqual([['meta', 1]]);
    expect(thin.map((r) => [r.lab, r.score, r.rank, r.scored, r.unscored])).toEqual([
      ['openai', 4, null, 1, 5],
    ]);
  });

  it('ranks a lab once half of its counted cells are scored, and a weight of 0 shrinks what counts', () => {
    const three = { opacity: 3, deception: 3, 'power-seeking': 3 } as const;
    expect(coverageRanking(card({ openai: three }), frame).ranked).toHaveLength(1);
    const two = { opacity: 3, deception: 3 } as const;
    expect(coverageRanking(card({ openai: two }), frame).ranked).toHaveLength(0);
    // With two analogies ignored, two scored cells are half of the four that count.
    const ignored = card({ openai: two }, { incorrigibility: 0, 'constraint-subversion': 0 });
    expect(coverageRanking(ignored, frame).ranked.map((r) => r.lab)).toEqual(['openai']);
  });

  it('numbers and ties the ranked labs among themselves; thin labs are never tied', () => {
    const scorecard = card({ openai: row(2), meta: row(2), anthropic: row(3), microsoft: { opacity: 2 } });
    const { ranked, thin, unscored } = coverageRanking(scorecard, frame);
    expect(ranked.map((r) => [r.lab, r.rank, r.tied])).toEqual([
      ['anthropic', 1, false],
      ['openai', 2, true],
      ['meta', 2, true],
    ]);
    expect(thin.map((r) => [r.lab, r.tied])).toEqual([['microsoft', false]]);
    expect(unscored.every((r) => r.score === null)).toBe(true);
    expect(ranked.length + thin.length + unscored.length).toBe(frame.labs.length);
  });

  it('weighs only neighbours among ranked labs for "what would change the ranking"', () => {
    const scorecard = card({ openai: row(2), meta: { ...row(2), opacity: 4 }, anthropic: { opacity: 3 } });
    const pairs = coverageRanking(scorecard, frame).sensitivity;
    expect(pairs.map((p) => [p.upper, p.lower])).toEqual([['meta', 'openai']]);
  });

  it('hasEnoughCells needs at least one scored cell', () => {
    expect(hasEnoughCells({ lab: 'x', score: null, scored: 0, unscored: 0 })).toBe(false);
  });
});

describe('isScoredOnlyUncounted', () => {
  it('tells a lab scored only where the weight is 0 from one not scored at all', () => {
    const [first, second] = frame.analogies;
    const scored = card({ openai: { [first!.id]: 3 } }, { [first!.id]: 0 });
    const rows = coverageRanking(scored, frame).unscored;
    const openai = rows.find((r) => r.lab === 'openai')!;
    const meta = rows.find((r) => r.lab === 'meta')!;
    expect(isScoredOnlyUncounted(openai, scored, frame)).toBe(true);
    expect(isScoredOnlyUncounted(meta, scored, frame)).toBe(false);
    // A level where the weight counts gives an aggregate: the lab is scored, not "scored only uncounted".
    const counted = card({ openai: { [first!.id]: 3, [second!.id]: 1 } }, { [first!.id]: 0 });
    const withScore = coverageRanking(counted, frame);
    const row = [...withScore.ranked, ...withScore.thin].find((r) => r.lab === 'openai')!;
    expect(isScoredOnlyUncounted(row, counted, frame)).toBe(false);
  });
});
