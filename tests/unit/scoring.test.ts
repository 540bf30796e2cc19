import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyScorecard, setLevel, setWeight, weightOf } from '../../src/rubric/scorecard';
import { ranking, sensitivity } from '../../src/rubric/ranking';
import { aggregate, directionOn, tallyByLab, tallyEvidence, tallyFor } from '../../src/rubric/scoring';
import { WEIGHTS, type Level, type Scorecard } from '../../src/rubric/types';
import { frame } from './fixtures/frame';
import { frameAndCard } from './fixtures/arbitraries';

function card(
  levels: Record<string, Record<string, Level>>,
  weights: Record<string, 0 | 1 | 2 | 3> = {},
): Scorecard {
  let result = emptyScorecard();
  for (const [lab, row] of Object.entries(levels)) {
    for (const [analogy, level] of Object.entries(row)) result = setLevel(result, lab, analogy, level);
  }
  for (const [analogy, weight] of Object.entries(weights)) result = setWeight(result, analogy, weight);
  return result;
}

describe('aggregate', () => {
  it('leaves unscored cells out of the mean instead of counting them as zero', () => {
    const result = aggregate(card({ openai: { opacity: 4 } }), frame, 'openai');
    expect(result).toEqual({ lab: 'openai', score: 4, scored: 1, unscored: 5 });
  });

  it('weights each analogy', () => {
    // (4 x 3 + 0 x 1) / (3 + 1) = 3
    const scorecard = card(
      { openai: { 'misaligned-incentives': 4, 'power-seeking': 0 } },
      { 'misaligned-incentives': 3 },
    );
    expect(aggregate(scorecard, frame, 'openai').score).toBe(3);
  });

  it('drops analogies with weight zero: their cells count neither as scored nor as unscored', () => {
    const scorecard = card(
      { openai: { 'misaligned-incentives': 4, 'power-seeking': 2 } },
      { 'misaligned-incentives': 0 },
    );
    expect(aggregate(scorecard, frame, 'openai')).toEqual({
      lab: 'openai',
      score: 2,
      scored: 1,
      unscored: 4,
    });
    // Five analogies count, so a fully scored row with one weight at 0 has nothing unscored.
    const full = card({ openai: Object.fromEntries(frame.analogies.map((a) => [a.id, 2])) }, { opacity: 0 });
    expect(aggregate(full, frame, 'openai')).toMatchObject({ scored: 5, unscored: 0 });
  });

  it('has no score when nothing is scored or every scored analogy weighs zero', () => {
    expect(aggregate(emptyScorecard(), frame, 'meta').score).toBeNull();
    const zeroed = card({ meta: { opacity: 3 } }, { opacity: 0 });
    expect(aggregate(zeroed, frame, 'meta')).toEqual({ lab: 'meta', score: null, scored: 0, unscored: 5 });
  });

  it('always lies between the lowest and highest scored level', () => {
    const level = fc.constantFrom<Level>(0, 1, 2, 3, 4);
    fc.assert(
      fc.property(
        fc.array(fc.option(level), { minLength: 6, maxLength: 6 }),
        fc.array(fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3), { minLength: 6, maxLength: 6 }),
        (levels, weights) => {
          let scorecard = emptyScorecard();
          frame.analogies.forEach((analogy, index) => {
            scorecard = setLevel(scorecard, 'openai', analogy.id, levels[index] ?? null);
            scorecard = setWeight(scorecard, analogy.id, weights[index] ?? 1);
          });
          const { score } = aggregate(scorecard, frame, 'openai');
          const counted = levels.filter(
            (value, index) => value !== null && (weights[index] ?? 1) > 0,
          ) as number[];
          if (counted.length === 0) expect(score).toBeNull();
          else {
            expect(score).toBeGreaterThanOrEqual(Math.min(...counted));
            expect(score).toBeLessThanOrEqual(Math.max(...counted));
          }
        },
      ),
    );
  });
});

describe('ranking', () => {
  it('orders labs by score, labs without a score last in frame order', () => {
    const scorecard = card({ meta: { opacity: 1 }, anthropic: { opacity: 3 } });
    expect(ranking(scorecard, frame).map(({ lab, rank }) => [lab, rank])).toEqual([
      ['anthropic', 1],
      ['meta', 2],
      ['openai', null],
      ['google-deepmind', null],
      ['microsoft', null],
    ]);
  });

  it('gives equal scores the same rank and keeps frame order between them', () => {
    const scorecard = card({ microsoft: { opacity: 3 }, openai: { opacity: 3 }, meta: { opacity: 2 } });
    expect(ranking(scorecard, frame).map(({ lab, rank }) => [lab, rank])).toEqual([
      ['openai', 1],
      ['microsoft', 1],
      ['meta', 3],
      ['anthropic', null],
      ['google-deepmind', null],
    ]);
  });

  it('ties labs with equal means even when they have different numbers of scored cells', () => {
    // 7/3 both: (3 + 2 + 2) / 3 and (2 + 3 + 2 + 3 + 2 + 2) / 6.
    const scorecard = card({
      openai: { 'misaligned-incentives': 3, 'power-seeking': 2, opacity: 2 },
      anthropic: {
        'misaligned-incentives': 2,
        'power-seeking': 3,
        opacity: 2,
        deception: 3,
        incorrigibility: 2,
        'constraint-subversion': 2,
      },
    });
    const [first, second] = ranking(scorecard, frame);
    expect(first?.rank).toBe(1);
    expect(second?.rank).toBe(1);
    expect([first?.tied, second?.tied]).toEqual([true, true]);
  });

  it('marks only real ties, and never ties labs that have no score', () => {
    const scorecard = card({
      openai: { opacity: 4 },
      anthropic: { opacity: 2 },
      meta: { opacity: 2 },
      microsoft: { opacity: 1 },
    });
    const ranked = ranking(scorecard, frame);
    expect(ranked.map((r) => [r.lab, r.rank, r.tied])).toEqual([
      ['openai', 1, false],
      ['anthropic', 2, true],
      ['meta', 2, true],
      ['microsoft', 4, false],
      ['google-deepmind', null, false],
    ]);
  });
});

describe('sensitivity', () => {
  it('lists the single weight changes that would reverse two neighbours (worked by hand)', () => {
    // OpenAI: mi 4, ps 2 -> 3.0. Anthropic: mi 1, ps 4 -> 2.5.
    // mi 0: 2 vs 4, reversed. mi 2: 3.33 vs 2. mi 3: 3.5 vs 1.75.
    // ps 0: 4 vs 1. ps 2: 2.67 vs 3, reversed. ps 3: 2.5 vs 3.25, reversed.
    // Nobody scored the other analogies, so their weights change nothing.
    const scorecard = card({
      openai: { 'misaligned-incentives': 4, 'power-seeking': 2 },
      anthropic: { 'misaligned-incentives': 1, 'power-seeking': 4 },
    });
    expect(sensitivity(scorecard, frame)).toEqual([
      {
        upper: 'openai',
        lower: 'anthropic',
        swaps: [
          { analogy: 'misaligned-incentives', weight: 0 },
          { analogy: 'power-seeking', weight: 2 },
          { analogy: 'power-seeking', weight: 3 },
        ],
      },
    ]);
  });

  it('starts from the current weights, not the defaults', () => {
    // With ps already at 3: OpenAI 2.5, Anthropic 3.25, so Anthropic is upper.
    // ps 0: 4 vs 1, reversed. ps 1: 3 vs 2.5, reversed. ps 2: 2.67 vs 3, not.
    // mi 0: 2 vs 4, not. mi 2: (8+6)/5 = 2.8 vs (2+12)/5 = 2.8, a tie, not strictly above.
    // mi 3: (12+6)/6 = 3 vs (3+12)/6 = 2.5, reversed.
    const scorecard = card(
      {
        openai: { 'misaligned-incentives': 4, 'power-seeking': 2 },
        anthropic: { 'misaligned-incentives': 1, 'power-seeking': 4 },
      },
      { 'power-seeking': 3 },
    );
    expect(sensitivity(scorecard, frame)).toEqual([
      {
        upper: 'anthropic',
        lower: 'openai',
        swaps: [
          { analogy: 'misaligned-incentives', weight: 3 },
          { analogy: 'power-seeking', weight: 0 },
          { analogy: 'power-seeking', weight: 1 },
        ],
      },
    ]);
  });

  it('counts a change that leaves the upper lab without any score as a reversal', () => {
    // OpenAI is scored on opacity only (4); Anthropic on opacity 1 and deception 4 (2.5).
    // Opacity at weight 0 leaves OpenAI unscored, which ranks last.
    const scorecard = card({ openai: { opacity: 4 }, anthropic: { opacity: 1, deception: 4 } });
    expect(sensitivity(scorecard, frame)).toEqual([
      { upper: 'openai', lower: 'anthropic', swaps: [{ analogy: 'opacity', weight: 0 }] },
    ]);
  });

  it('reports every adjacent pair, with no swaps when the order is robust', () => {
    const scorecard = card({ openai: { opacity: 4 }, anthropic: { opacity: 2 }, meta: { opacity: 0 } });
    const pairs = sensitivity(scorecard, frame);
    expect(pairs.map(({ upper, lower }) => [upper, lower])).toEqual([
      ['openai', 'anthropic'],
      ['anthropic', 'meta'],
    ]);
    // One analogy in common: weight 1-3 keeps the order; weight 0 leaves both unscored.
    expect(pairs.every(({ swaps }) => swaps.length === 0)).toBe(true);
  });

  it('skips pairs where a lab has no score', () => {
    expect(sensitivity(card({ openai: { opacity: 4 } }), frame)).toEqual([]);
  });
});

describe('evidence tallies', () => {
  it('counts supporting and weakening items per lab and analogy', () => {
    const tallies = tallyEvidence([
      { labs: ['openai', 'microsoft'], bears: [{ analogy: 'opacity', direction: 'supports' }] },
      { labs: ['openai'], bears: [{ analogy: 'opacity', direction: 'supports' }] },
      { labs: ['openai', 'openai'], bears: [{ analogy: 'opacity', direction: 'weakens' }] },
      { labs: ['meta'], bears: [{ analogy: 'deception', direction: 'weakens' }] },
    ]);
    expect(tallyFor(tallies, 'openai', 'opacity')).toEqual({ supports: 2, weakens: 1 });
    expect(tallyFor(tallies, 'microsoft', 'opacity')).toEqual({ supports: 1, weakens: 0 });
    expect(tallyFor(tallies, 'meta', 'deception')).toEqual({ supports: 0, weakens: 1 });
    expect(tallyFor(tallies, 'anthropic', 'opacity')).toEqual({ supports: 0, weakens: 0 });
    expect(tallies['openai/opacity']).toEqual({ supports: 2, weakens: 1 });
  });

  it('counts one event in every cell it bears on, each in its own direction', () => {
    const tallies = tallyEvidence([
      {
        labs: ['openai'],
        bears: [
          { analogy: 'opacity', direction: 'supports' },
          { analogy: 'incorrigibility', direction: 'weakens' },
        ],
      },
    ]);
    expect(tallyFor(tallies, 'openai', 'opacity')).toEqual({ supports: 1, weakens: 0 });
    expect(tallyFor(tallies, 'openai', 'incorrigibility')).toEqual({ supports: 0, weakens: 1 });
  });

  it('counts a bearing narrowed to some labs only for those labs', () => {
    const item = {
      labs: ['openai', 'microsoft'],
      bears: [
        { analogy: 'power-seeking', direction: 'supports' as const },
        { analogy: 'incorrigibility', direction: 'weakens' as const, labs: ['openai'] },
      ],
    };
    const tallies = tallyEvidence([item]);
    expect(tallyFor(tallies, 'microsoft', 'power-seeking')).toEqual({ supports: 1, weakens: 0 });
    expect(tallyFor(tallies, 'microsoft', 'incorrigibility')).toEqual({ supports: 0, weakens: 0 });
    expect(tallyFor(tallies, 'openai', 'incorrigibility')).toEqual({ supports: 0, weakens: 1 });
    expect(directionOn(item, 'microsoft', 'incorrigibility')).toBeUndefined();
    expect(directionOn(item, 'openai', 'incorrigibility')).toBe('weakens');
  });
});

describe('balance per lab', () => {
  it('counts each item once per lab and each of its bearings in its direction, narrowed bearings only for their labs', () => {
    const balance = tallyByLab([
      {
        labs: ['openai', 'microsoft'],
        bears: [
          { analogy: 'power-seeking', direction: 'supports' },
          { analogy: 'incorrigibility', direction: 'weakens', labs: ['openai'] },
        ],
      },
      { labs: ['openai'], bears: [{ analogy: 'opacity', direction: 'weakens' }] },
    ]);
    expect(balance).toEqual({
      openai: { items: 2, supports: 1, weakens: 2 },
      microsoft: { items: 1, supports: 1, weakens: 0 },
    });
  });
});

describe('sensitivity, against the definition', () => {
  it('finds exactly the single weight changes that, applied to the card, put the lower lab above', () => {
    fc.assert(
      fc.property(frameAndCard, ({ frame: anyFrame, card: anyCard }) => {
        // Every pair of scored neighbours in the ranking is reported, in ranking order: an empty
        // answer would otherwise pass the check below.
        const ranked = ranking(anyCard, anyFrame);
        const neighbours = ranked
          .slice(1)
          .map((lower, i) => [ranked[i]!, lower] as const)
          .filter(([upper, lower]) => upper.score !== null && lower.score !== null)
          .map(([upper, lower]) => [upper.lab, lower.lab]);
        const reported = sensitivity(anyCard, anyFrame);
        expect(reported.map(({ upper, lower }) => [upper, lower])).toEqual(neighbours);
        for (const { upper, lower, swaps } of reported) {
          const expected = anyFrame.analogies.flatMap((analogy) =>
            WEIGHTS.filter((w) => w !== weightOf(anyCard, analogy.id))
              .filter((w) => {
                const changed = setWeight(anyCard, analogy.id, w);
                const up = aggregate(changed, anyFrame, upper).score;
                const low = aggregate(changed, anyFrame, lower).score;
                return low !== null && (up === null || low > up);
              })
              .map((weight) => ({ analogy: analogy.id, weight })),
          );
          expect(swaps).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
