import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  sameScorecard,
  countScored,
  emptyScorecard,
  getCell,
  isEmpty,
  normaliseNote,
  setConfidence,
  setLevel,
  setNote,
  setWeight,
  weightOf,
} from '../../src/rubric/scorecard';
import { NOTE_MAX_LENGTH } from '../../src/rubric/types';
import { frame } from './fixtures/frame';

describe('scorecard', () => {
  it('reads a cell nobody has scored as unscored', () => {
    expect(getCell(emptyScorecard(), 'openai', 'opacity')).toEqual({ level: null });
  });

  it('does not mistake inherited object properties for cells', () => {
    expect(getCell(emptyScorecard(), 'constructor', 'name')).toEqual({ level: null });
    expect(weightOf(emptyScorecard(), 'toString')).toBe(1);
  });

  it('sets a level without changing the original card', () => {
    const before = emptyScorecard();
    const after = setLevel(before, 'openai', 'opacity', 3);
    expect(getCell(after, 'openai', 'opacity')).toEqual({ level: 3 });
    expect(before).toEqual(emptyScorecard());
  });

  it('keeps confidence and note when the level changes', () => {
    let card = setConfidence(emptyScorecard(), 'openai', 'opacity', 'high');
    card = setNote(card, 'openai', 'opacity', 'model cards are thin');
    card = setLevel(card, 'openai', 'opacity', 2);
    expect(getCell(card, 'openai', 'opacity')).toEqual({
      level: 2,
      confidence: 'high',
      note: 'model cards are thin',
    });
  });

  it('removes a cell once its level, confidence and note are all cleared', () => {
    let card = setLevel(emptyScorecard(), 'openai', 'opacity', 3);
    card = setConfidence(card, 'openai', 'opacity', 'low');
    card = setLevel(card, 'openai', 'opacity', null);
    expect(card.cells).toEqual({ openai: { opacity: { level: null, confidence: 'low' } } });
    card = setConfidence(card, 'openai', 'opacity', undefined);
    expect(card.cells).toEqual({});
    expect(isEmpty(card)).toBe(true);
  });

  it('keeps a note-only cell even without a level', () => {
    const card = setNote(emptyScorecard(), 'meta', 'deception', 'look again in spring');
    expect(getCell(card, 'meta', 'deception')).toEqual({ level: null, note: 'look again in spring' });
    expect(isEmpty(card)).toBe(false);
  });

  it('removes a note set to blank text', () => {
    let card = setLevel(emptyScorecard(), 'meta', 'deception', 1);
    card = setNote(card, 'meta', 'deception', 'something');
    card = setNote(card, 'meta', 'deception', '   \n ');
    expect(getCell(card, 'meta', 'deception')).toEqual({ level: 1 });
    expect('note' in getCell(card, 'meta', 'deception')).toBe(false);
  });

  it('strips control characters from notes but keeps line breaks', () => {
    expect(normaliseNote('  a\u0000b\u0007c\r\nd\te\u009f  ')).toBe('abc\nde');
  });

  it('keeps markup in notes as literal text', () => {
    const card = setNote(emptyScorecard(), 'openai', 'opacity', '<script>alert(1)</script>');
    expect(getCell(card, 'openai', 'opacity').note).toBe('<script>alert(1)</script>');
  });

  it('caps notes at the maximum length without splitting an emoji', () => {
    const long = '🙂'.repeat(NOTE_MAX_LENGTH + 10);
    const note = normaliseNote(long);
    expect(Array.from(note)).toHaveLength(NOTE_MAX_LENGTH);
    expect(note).toBe('🙂'.repeat(NOTE_MAX_LENGTH));
  });

  it('replaces lone surrogate halves so notes survive UTF-8', () => {
    expect(normaliseNote('a\uD800b\uDC00c🙂')).toBe('a\uFFFDb\uFFFDc🙂');
  });

  it('normalises a note the same way however many times it is applied', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const once = normaliseNote(text);
        expect(normaliseNote(once)).toBe(once);
        expect(Array.from(once).length).toBeLessThanOrEqual(NOTE_MAX_LENGTH);
      }),
    );
  });

  it('stores only weights that differ from the default', () => {
    let card = setWeight(emptyScorecard(), 'opacity', 3);
    expect(weightOf(card, 'opacity')).toBe(3);
    expect(weightOf(card, 'deception')).toBe(1);
    card = setWeight(card, 'opacity', 1);
    expect(card.weights).toEqual({});
    expect(setWeight(card, 'opacity', 0).weights).toEqual({ opacity: 0 });
  });

  it('counts scored cells inside the frame only', () => {
    let card = setLevel(emptyScorecard(), 'openai', 'opacity', 0);
    card = setLevel(card, 'anthropic', 'deception', 4);
    card = setConfidence(card, 'meta', 'opacity', 'low');
    card = setLevel(card, 'xai', 'opacity', 2);
    expect(countScored(card, frame)).toBe(2);
  });
});

describe('sameScorecard', () => {
  it('sees equal content built in a different order as the same, and any difference as different', () => {
    const a = setWeight(
      setLevel(setLevel(emptyScorecard(), 'openai', 'opacity', 3), 'meta', 'deception', 1),
      'opacity',
      2,
    );
    const b = setLevel(
      setWeight(setLevel(emptyScorecard(), 'meta', 'deception', 1), 'opacity', 2),
      'openai',
      'opacity',
      3,
    );
    expect(sameScorecard(a, b)).toBe(true);
    expect(sameScorecard(a, setLevel(b, 'openai', 'opacity', 2))).toBe(false);
    expect(sameScorecard(a, setNote(b, 'openai', 'opacity', 'x'))).toBe(false);
    expect(sameScorecard(a, setConfidence(b, 'meta', 'deception', 'low'))).toBe(false);
    expect(sameScorecard(a, setWeight(b, 'opacity', 1))).toBe(false);
    expect(sameScorecard(emptyScorecard(), setLevel(emptyScorecard(), 'openai', 'opacity', null))).toBe(true);
  });
});
