import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { level as levelSchema } from '../../src/content/schemas';
import {
  CONFIDENCES,
  LEVELS,
  SCALE,
  WEIGHTS,
  choiceOf,
  isConfidence,
  isLevel,
  isWeight,
} from '../../src/rubric/types';

// The scale, the weights and the confidences are written down once (src/rubric/types.ts);
// the guards, the content schema and the labels must agree with that one list.

const NEAR_MISSES = [-1, 0.5, 5, 4.000001, NaN, Infinity, '0', '3', 'Low', ' high', null, undefined, [], {}];

describe('the vocabulary of scores', () => {
  it('each guard accepts exactly the values of its list', () => {
    const cases = [
      [isLevel, LEVELS],
      [isWeight, WEIGHTS],
      [isConfidence, CONFIDENCES],
    ] as const;
    for (const [guard, values] of cases) {
      for (const value of values) expect(guard(value), String(value)).toBe(true);
      for (const value of NEAR_MISSES)
        expect(guard(value), JSON.stringify(value)).toBe((values as readonly unknown[]).includes(value));
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(isLevel(value)).toBe((LEVELS as readonly unknown[]).includes(value));
        expect(isWeight(value)).toBe((WEIGHTS as readonly unknown[]).includes(value));
        expect(isConfidence(value)).toBe((CONFIDENCES as readonly unknown[]).includes(value));
      }),
    );
  });

  it('the content schema accepts exactly the levels of the scale', () => {
    for (const value of LEVELS) expect(levelSchema.safeParse(value).success).toBe(true);
    for (const value of NEAR_MISSES) expect(levelSchema.safeParse(value).success, String(value)).toBe(false);
  });

  it('labels every level once, in order', () => {
    expect(SCALE.map((step) => step.level)).toEqual([...LEVELS]);
  });

  it('reads a choice from the text a form control gives, and nothing else', () => {
    expect(choiceOf(LEVELS, '3')).toBe(3);
    expect(choiceOf(WEIGHTS, '0')).toBe(0);
    expect(choiceOf(CONFIDENCES, 'medium')).toBe('medium');
    for (const text of ['', ' 3', '3.0', '4', 'Medium']) expect(choiceOf(WEIGHTS, text)).toBeUndefined();
    expect(choiceOf(CONFIDENCES, '')).toBeUndefined();
  });
});
