import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  OTHER_MINE_RATER,
  buildPanel,
  describeAlpha,
  isEnough,
  median,
  type Rater,
} from '../../src/rubric/panel';
import { nameFromFile, readFile, readLines, settleRaters, MAX_RATERS } from '../../src/rubric/panel-input';
import {
  decodePanel,
  MAX_PANEL_LINK_LENGTH,
  panelFragmentFromHash,
  panelLink,
} from '../../src/rubric/panel-codec';
import { panelCsv, PANEL_CSV_HEADER } from '../../src/rubric/panel-csv';
import { assemblePanel, MINE_RATER, SITE_RATER } from '../../src/rubric/panel-assemble';
import { encodeShare, shareChecksum } from '../../src/rubric/codec';
import { aggregate } from '../../src/rubric/scoring';
import { toCsv, toJson } from '../../src/rubric/exchange';
import { recordScorecard } from '../../src/rubric/stored-merge';
import { emptyScorecard, sameScorecard, setLevel, setNote, setWeight } from '../../src/rubric/scorecard';
import { LEVELS, type Level, type Scorecard } from '../../src/rubric/types';
import { workedExampleCards } from '../fixtures/krippendorff-2011';
import { frame } from './fixtures/frame';

const link = (card: Scorecard) => `https://example.org/scorecard/#${encodeShare(card, frame)}`;
const one = (lab: string, analogy: string, level: Level) => setLevel(emptyScorecard(), lab, analogy, level);
const savedDoc = (card: Scorecard) => JSON.stringify(recordScorecard(null, card, 1));
const raters = (...cards: Scorecard[]): Rater[] => cards.map((card, i) => ({ name: `R${i + 1}`, card }));

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([3])).toBe(3);
    expect(median([4, 0, 2])).toBe(2);
    expect(median([1, 4, 2, 3])).toBe(2.5);
  });

  it('does not depend on order and lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        expect(median([...values].reverse())).toBe(m);
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('a panel', () => {
  it('reproduces the worked example of Krippendorff (2011): ordinal alpha 0.815 over 40 pairable values', () => {
    const panel = buildPanel(raters(...workedExampleCards(frame)), frame);
    expect(panel.agreement.alpha).toBeCloseTo(0.815, 3);
    expect(panel.agreement).toMatchObject({ units: 11, pairable: 40 });
  });

  it('summarises each cell: count, median, range and the levels given', () => {
    const panel = buildPanel(
      raters(one('openai', 'opacity', 1), one('openai', 'opacity', 4), one('openai', 'opacity', 2)),
      frame,
    );
    const cell = panel.cells[0]![2]!;
    expect(cell).toMatchObject({ lab: 'openai', analogy: 'opacity', count: 3, median: 2, min: 1, max: 4 });
    expect(cell.levels).toEqual([0, 1, 1, 0, 1]);
    expect(panel.cells[0]![0]).toMatchObject({ count: 0, median: null, min: null, max: null });
  });

  it('marks the cells of strongest disagreement, and none where raters agree', () => {
    const a = setLevel(one('openai', 'opacity', 0), 'meta', 'deception', 2);
    const b = setLevel(one('openai', 'opacity', 4), 'meta', 'deception', 2);
    const panel = buildPanel(raters(a, b), frame);
    expect(
      panel.cells
        .flat()
        .filter((c) => c.contested)
        .map((c) => `${c.lab}/${c.analogy}`),
    ).toEqual(['openai/opacity']);
    expect(
      buildPanel(raters(a, a), frame)
        .cells.flat()
        .some((c) => c.contested),
    ).toBe(false);
  });

  it('marks at most three contested cells, widest disagreement first, ties in table order', () => {
    // Two raters: [lab, analogy, level of the first, level of the second]; spread is half the gap.
    const pairs: [string, string, Level, Level][] = [
      ['openai', 'opacity', 0, 2],
      ['openai', 'deception', 0, 2],
      ['anthropic', 'opacity', 1, 3],
      ['anthropic', 'deception', 0, 2],
      ['google-deepmind', 'opacity', 0, 3],
      ['meta', 'opacity', 2, 4],
      ['meta', 'deception', 0, 2],
      ['microsoft', 'opacity', 0, 4],
    ];
    let a = emptyScorecard();
    let b = emptyScorecard();
    for (const [lab, analogy, first, second] of pairs) {
      a = setLevel(a, lab, analogy, first);
      b = setLevel(b, lab, analogy, second);
    }
    const panel = buildPanel(raters(a, b), frame);
    const where = (c: { lab: string; analogy: string }) => `${c.lab}/${c.analogy}`;
    expect(panel.contested.map(where)).toEqual([
      'microsoft/opacity',
      'google-deepmind/opacity',
      'openai/opacity',
    ]);
    expect(
      panel.cells
        .flat()
        .filter((c) => c.contested)
        .map(where),
    ).toHaveLength(3);
    expect(panel.paired).toBe(true);
    expect(buildPanel(raters(a), frame)).toMatchObject({ paired: false, contested: [] });
  });

  it("gives each rater's aggregate under their own weights, the median, and the ranks", () => {
    // Every cell of two labs: openai 4 on opacity, 0 on deception, 2 elsewhere; anthropic 1 throughout.
    const a = frame.analogies.reduce(
      (card, { id }) =>
        setLevel(
          setLevel(card, 'openai', id, id === 'opacity' ? 4 : id === 'deception' ? 0 : 2),
          'anthropic',
          id,
          1,
        ),
      emptyScorecard(),
    );
    const b = setWeight(a, 'deception', 0);
    const panel = buildPanel(raters(a, b), frame);
    const openai = panel.labs[0]!;
    expect(openai.aggregates).toEqual([2, 2.4]);
    expect(openai.median).toBeCloseTo(2.2, 12);
    expect(openai.ranks.slice(0, 2)).toEqual([2, 0]);
    expect(panel.labs[1]!.ranks.slice(0, 2)).toEqual([0, 2]);
    expect(panel.labs[2]!.unranked).toBe(2);
  });

  it('counts an aggregate in the median and ranks only when it rests on half the analogies the rater weighs', () => {
    const labs = ['openai', 'anthropic'];
    // Full: every analogy of both labs, openai higher. Thin: one cell of each, anthropic higher.
    const full = frame.analogies.reduce(
      (card, analogy) => setLevel(setLevel(card, 'openai', analogy.id, 3), 'anthropic', analogy.id, 1),
      emptyScorecard(),
    );
    const thin = setLevel(one('openai', 'opacity', 0), 'anthropic', 'opacity', 4);
    const panel = buildPanel([...raters(full), { name: 'Thin', card: thin }], frame);
    const [openai, anthropic] = labs.map((_, l) => panel.labs[l]!);
    expect(openai!.aggregates).toEqual([3, 0]);
    expect(openai!.counted).toEqual([true, false]);
    expect(openai!.median).toBe(3);
    expect(openai!.ranks.slice(0, 2)).toEqual([1, 0]);
    expect(openai).toMatchObject({ thin: 1, unranked: 0 });
    expect(anthropic!.ranks.slice(0, 2)).toEqual([0, 1]);
    expect(anthropic!.thin).toBe(1);
    // With three analogies weighed 0, three cells are half of what the rater weighs.
    const weighed = ['misaligned-incentives', 'power-seeking', 'opacity'].reduce(
      (card, analogy) => setWeight(card, analogy, 0),
      frame.analogies
        .slice(3)
        .reduce((card, analogy) => setLevel(card, 'meta', analogy.id, 2), emptyScorecard()),
    );
    expect(isEnough(aggregate(weighed, frame, 'meta'))).toBe(true);
    expect(isEnough(aggregate(setLevel(emptyScorecard(), 'meta', 'opacity', 2), frame, 'meta'))).toBe(false);
  });

  it('says where alpha cannot be computed rather than giving a number', () => {
    const panel = buildPanel(raters(one('openai', 'opacity', 2)), frame);
    expect(panel.agreement).toMatchObject({ alpha: null, gap: 'nothing-to-pair' });
    const same = buildPanel(raters(one('openai', 'opacity', 2), one('openai', 'opacity', 2)), frame);
    expect(same.agreement).toMatchObject({ alpha: null, gap: 'no-variation' });
  });

  it("lists where the reader's own levels are furthest from the panel's median", () => {
    const others = [one('meta', 'opacity', 1), one('meta', 'opacity', 1), one('meta', 'opacity', 2)];
    const mine: Rater = { name: 'Mine', card: one('meta', 'opacity', 4), mine: true };
    const panel = buildPanel([...raters(...others), mine], frame);
    expect(panel.mineDiffers).toEqual([
      { lab: 'meta', analogy: 'opacity', mine: 4, median: 1.5, difference: 2.5 },
    ]);
  });

  it('is 1 for a panel whose raters agree on cells that differ, whoever they are and in any order', () => {
    const card = setLevel(one('openai', 'opacity', 1), 'meta', 'deception', 3);
    expect(buildPanel(raters(card, card, card), frame).agreement.alpha).toBeCloseTo(1, 12);
  });

  it("reads alphas in plain words at Krippendorff's thresholds", () => {
    expect(describeAlpha(0.815)).toMatch(/^strong/);
    expect(describeAlpha(0.7)).toMatch(/^moderate/);
    expect(describeAlpha(0.3)).toMatch(/^weak/);
    expect(describeAlpha(-0.1)).toMatch(/^no agreement/);
  });
});

describe('reading the scorecard links a reader pastes', () => {
  const [a, b, c, d] = workedExampleCards(frame) as [Scorecard, Scorecard, Scorecard, Scorecard];

  it('takes one link per line, with an optional name before it, and skips blank lines', () => {
    const text = `Alice: ${link(a)}\n\n${link(b)}\n  Carol — ${link(c)}  \n#${encodeShare(d, frame)}`;
    const { cards, problems } = readLines(text, frame);
    expect(problems).toEqual([]);
    expect(cards.map((x) => x.name)).toEqual(['Alice', null, 'Carol', null]);
    expect(sameScorecard(cards[0]!.card, a)).toBe(true);
    const { raters: named } = settleRaters(cards, frame);
    expect(named.map((r) => r.name)).toEqual(['Alice', 'Rater 2', 'Carol', 'Rater 4']);
  });

  it('names each bad line by its number and says why, while the good lines still count', () => {
    const text = [
      link(a),
      'hello there',
      'https://example.org/scorecard/',
      'https://example.org/scorecard/#share=v1.oami9',
      'https://example.org/scorecard/#share=v9.oami3',
      link(emptyScorecard()),
      link(b),
    ].join('\n');
    const { cards, problems } = readLines(text, frame);
    expect(cards).toHaveLength(2);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]!.message).toMatch(/^Line 2: this is not a scorecard link/);
    expect(problems[1]!.message).toMatch(/^Line 3: .*no "#share=" part/);
    expect(problems[2]!.message).toMatch(/^Line 4: .*damaged or incomplete/);
    expect(problems[3]!.message).toMatch(/^Line 5: .*different version of this site/);
    expect(problems[4]!.message).toMatch(/^Line 6: .*no scores yet/);
  });

  it('counts a card pasted twice once, whatever names it was given, and says so on each later line', () => {
    const { cards } = readLines(
      `Alice: ${link(a)}\nBob: ${link(b)}\nAlice again: ${link(a)}\n${link(a)}`,
      frame,
    );
    const { raters: kept, problems } = settleRaters(cards, frame);
    expect(kept.map((r) => r.name)).toEqual(['Alice', 'Bob']);
    expect(problems).toEqual([
      {
        line: 3,
        message:
          'Line 3 (Alice again): the same scores as line 1 (Alice), most likely the same link pasted twice, so it was counted once, as Alice.',
        repeat: true,
      },
      {
        line: 4,
        message: expect.stringMatching(/^Line 4: the same scores as line 1 \(Alice\)/),
        repeat: true,
      },
    ]);
  });

  it('says a repeated card was counted once, not that it could not be used', () => {
    const text = `Alice: ${link(a)}\nBob: ${link(b)}\nAlice again: ${link(a)}\nnot a link`;
    expect(assemblePanel({ text, files: [], site: null, mine: null }, frame).summary).toBe(
      'Panel built from 2 scorecards. 1 line or file could not be used, and 1 repeated card was counted once: see the messages under the links box.',
    );
    expect(
      assemblePanel({ text: `${link(a)}\n${link(a)}`, files: [], site: null, mine: null }, frame).summary,
    ).toBe(
      'Panel built from 1 scorecard. 1 repeated card was counted once: see the message under the links box.',
    );
  });

  it('says a link to another site is one, rather than calling it cut off; a name needs no colon', () => {
    const { cards, problems } = readLines(
      `Alice https://example.com/scorecard/#share=v2.oami4\nBob ${link(b)}`,
      frame,
      'labs.example.net',
    );
    expect(problems).toEqual([
      {
        line: 1,
        message: expect.stringMatching(
          /^Line 1: this link goes to example\.com, not to this site \(labs\.example\.net\)/,
        ),
      },
    ]);
    // A readable card from another host (a copy of this site) still counts, named without a colon.
    expect(cards.map((card) => card.name)).toEqual(['Bob']);
    expect(
      readLines('https://labs.example.net/scorecard/#share=v2.oami4', frame, 'labs.example.net').problems[0]!
        .message,
    ).toMatch(/^Line 1: This share link is incomplete/);
  });

  it('refuses a panel link pasted as a line, and cards beyond the limit', () => {
    expect(readLines('https://example.org/panel/#panel=p1~~~v1.oami3', frame).problems[0]!.message).toMatch(
      /panel link, not a scorecard link/,
    );
    // Each a different card: one cell, a different cell or level for each.
    const cells = frame.labs.flatMap((lab) =>
      frame.analogies.map((analogy) => [lab.id, analogy.id] as const),
    );
    const many = Array.from({ length: MAX_RATERS + 1 }, (_, i) => ({
      name: `P${i}`,
      card: one(...cells[i % cells.length]!, (Math.floor(i / cells.length) % 5) as Level),
      where: `line ${i + 1}`,
    }));
    const settled = settleRaters(many, frame);
    expect(settled.raters).toHaveLength(MAX_RATERS);
    expect(settled.problems[0]!.message).toMatch(
      new RegExp(`^Line ${MAX_RATERS + 1}: a panel holds at most`),
    );
  });

  it('reads exported JSON and CSV files, and says why a file is refused', () => {
    expect(sameScorecard(readFile('alice.json', toJson(a, frame), frame).card!.card, a)).toBe(true);
    expect(readFile('alice.json', toJson(a, frame), frame).card!.name).toBe('alice');
    expect(sameScorecard(readFile('bob.csv', toCsv(b, frame), frame).card!.card, b)).toBe(true);
    const newer = toJson(a, frame).replace('"schemaVersion": 1', '"schemaVersion": 2');
    expect(readFile('new.json', newer, frame).problem!.message).toMatch(
      /^new\.json: .*newer version of this site/,
    );
    expect(readFile('x.csv', 'a,b\n1,2', frame).problem!.message).toMatch(/^x\.csv: /);
  });
});

describe('names and files as readers give them', () => {
  const [a, b] = workedExampleCards(frame) as [Scorecard, Scorecard];
  const url = link(a);

  it('strips list markers, brackets, quotes and the colon that paste formats put around a name', () => {
    const lines = [
      `Bob: (${url})`,
      `<${url}>`,
      `"${url}"`,
      `[Alice](${url})`,
      `- Bob: ${url}`,
      `1. **Carol**: ${url}`,
    ];
    const { cards, problems } = readLines(lines.join('\n'), frame);
    expect(problems).toEqual([]);
    expect(cards.map((card) => card.name)).toEqual(['Bob', null, null, 'Alice', 'Bob', 'Carol']);
  });

  it('takes the last link carrying a scorecard when the name holds an address itself', () => {
    const { cards, problems } = readLines(`=HYPERLINK("http://evil","x"): <${url}>`, frame);
    expect(problems).toEqual([]);
    expect(sameScorecard(cards[0]!.card, a)).toBe(true);
    expect(cards[0]!.name).toBe('=HYPERLINK("http://evil","x")');
  });

  it("drops the site's export suffix from a file's name, and names a file added twice as such", () => {
    expect(nameFromFile('Eve-labs-alignment-scorecard-2026-11-27.json')).toBe('Eve');
    expect(nameFromFile('Eve labs-alignment-scorecard-2026-11-27 (1).csv')).toBe('Eve');
    expect(nameFromFile('labs-alignment-scorecard-2026-11-27.csv')).toBeNull();
    expect(nameFromFile('alice.json')).toBe('alice');
    const built = assemblePanel(
      {
        text: '',
        files: [
          { name: 'Eve-labs-alignment-scorecard-2026-11-27.json', text: toJson(a, frame) },
          { name: 'Eve-labs-alignment-scorecard-2026-11-27.csv', text: toCsv(a, frame) },
          { name: 'labs-alignment-scorecard-2026-11-27.csv', text: toCsv(b, frame) },
        ],
        site: null,
        mine: null,
      },
      frame,
    );
    expect(built.raters.map((r) => r.name)).toEqual(['Eve', 'Rater 2']);
    expect(built.otherProblems).toEqual([
      'Eve-labs-alignment-scorecard-2026-11-27.csv: the same scores as Eve-labs-alignment-scorecard-2026-11-27.json (Eve), most likely the same file added twice, so it was counted once, as Eve.',
    ]);
  });

  it('gives a .json file that is not JSON the JSON message, not the CSV one', () => {
    const message = readFile('Carol.json', 'name,level\nx,1', frame).problem!.message;
    expect(message).toMatch(/^Carol\.json: /);
    expect(message).not.toMatch(/CSV/);
  });
});

describe('panel links', () => {
  const cards = workedExampleCards(frame).map((card, i) => ({ name: i === 0 ? 'Ana ~ "Bé"' : null, card }));

  it('carry every card and its name in the fragment, and read back the same', () => {
    const made = panelLink('https://example.org/panel/', cards, true, frame);
    if (!made.ok) throw new Error(made.message);
    const fragment = panelFragmentFromHash(new URL(made.link).hash)!;
    const read = decodePanel(fragment);
    if (!read.ok) throw new Error(read.message);
    expect(read.includeSite).toBe(true);
    expect(read.cards.map((c) => c.name)).toEqual(['Ana ~ "Bé"', null, null, null]);
    expect(read.cards.map((c) => c.payload)).toEqual(
      cards.map(({ card }) => encodeShare(card, frame).slice('share='.length)),
    );
  });

  it("still open with a chat app's trailing punctuation or a tracker's parameters added", () => {
    const made = panelLink('https://example.org/panel/', cards, true, frame);
    if (!made.ok) throw new Error(made.message);
    const fragment = panelFragmentFromHash(new URL(made.link).hash)!;
    const whole = decodePanel(fragment);
    expect(whole.ok).toBe(true);
    for (const added of [')', '.', ',', '),', '&utm_source=x', '?utm_source=x&utm_medium=chat', ' (see)'])
      expect(decodePanel(`${fragment}${added}`), added).toEqual(whole);
  });

  it('still open after an app escaped them as a whole', () => {
    const made = panelLink('https://example.org/panel/', cards, false, frame);
    if (!made.ok) throw new Error(made.message);
    const fragment = panelFragmentFromHash(new URL(made.link).hash)!;
    const escaped = fragment.replace(/%/g, '%25').replace(/~/g, '%7E');
    expect(decodePanel(escaped)).toEqual(decodePanel(fragment));
  });

  it('are refused when cut off anywhere, even between two whole cards', () => {
    const made = panelLink('https://example.org/panel/', cards, false, frame);
    if (!made.ok) throw new Error(made.message);
    const fragment = panelFragmentFromHash(new URL(made.link).hash)!;
    const fields = fragment.split('~');
    for (const cut of [fragment.slice(0, -1), fields.slice(0, -3).join('~'), fields.slice(0, 4).join('~')]) {
      const read = decodePanel(cut);
      expect(read.ok, cut).toBe(false);
    }
  });

  it('cut off, still give back every card that ends before the cut, and say so', () => {
    const made = panelLink('https://example.org/panel/', cards, true, frame);
    if (!made.ok) throw new Error(made.message);
    const fragment = panelFragmentFromHash(new URL(made.link).hash)!;
    const whole = decodePanel(fragment);
    if (!whole.ok) throw new Error(whole.message);
    // Cut in the middle of the fourth card's payload: fields are p1, s, then name/payload pairs.
    const fourth = fragment.split('~').slice(0, 10).join('~');
    const cut = decodePanel(fourth.slice(0, fourth.length - 5));
    expect(cut).toMatchObject({
      ok: false,
      message: expect.stringMatching(/damaged or incomplete.*The first 3 cards could still be read/),
      recovered: { includeSite: true, cards: whole.cards.slice(0, 3) },
    });
    // Cut inside the first card: nothing to recover, the plain message.
    expect(decodePanel(fragment.slice(0, 20))).toEqual({
      ok: false,
      message: expect.stringMatching(/damaged/),
    });
    expect(decodePanel(fragment.slice(0, 20))).not.toHaveProperty('recovered');
  });

  it('leave notes out', () => {
    const noted = setNote(one('openai', 'opacity', 2), 'openai', 'opacity', 'private thought');
    const made = panelLink('https://example.org/panel/', [{ name: null, card: noted }], false, frame);
    expect(made.ok && made.link).toBe(
      `https://example.org/panel/#panel=p1~~~v2.oaop2~${shareChecksum('p1~~~v2.oaop2')}`,
    );
  });

  it(`are refused, with the figures, when longer than ${MAX_PANEL_LINK_LENGTH} characters`, () => {
    // Every cell scored: about 110 characters a card, so 80 of them pass the limit.
    const full = (seed: number) =>
      frame.labs.reduce(
        (card, lab, l) =>
          frame.analogies.reduce(
            (c, analogy, a) => setLevel(c, lab.id, analogy.id, LEVELS[(seed + l + a) % LEVELS.length]!),
            card,
          ),
        emptyScorecard(),
      );
    const many = Array.from({ length: 80 }, (_, i) => ({ name: `Reader ${i}`, card: full(i) }));
    const made = panelLink('https://example.org/panel/', many, false, frame);
    expect(made.ok).toBe(false);
    if (!made.ok)
      expect(made.message).toMatch(/too large for one link: it would take [\d,]+ characters.*8,000/);
    // The advice must be a route that works: this page reads links and scorecard files, not the panel CSV.
    if (!made.ok) {
      expect(made.message).toMatch(/send the scorecard links or exported scorecard files themselves/);
      expect(made.message).not.toMatch(/Export the panel as CSV instead/);
    }
  });

  it('from another version, damaged, or too long give a message', () => {
    expect(decodePanel('p2~~~v1.oami3')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/different version/),
    });
    // Well formed, with its check: one card without a name, whose payload the share decoder judges.
    expect(decodePanel(`p1~~~v2~${shareChecksum('p1~~~v2')}`)).toMatchObject({
      ok: true,
      cards: [{ name: null }],
    });
    expect(decodePanel('p1~~~v2~0')).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
    expect(decodePanel('p1~x~a~b~0')).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
    expect(decodePanel(`p1~~%E0~v1~${shareChecksum('p1~~%E0~v1')}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/damaged/),
    });
    expect(decodePanel('p1~~' + 'a'.repeat(MAX_PANEL_LINK_LENGTH))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/too long/),
    });
    expect(decodePanel('hello')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/does not contain a panel/),
    });
  });
});

describe('the panel CSV', () => {
  it('has one row per rater, lab and analogy, with level, weight and confidence', () => {
    const card = setWeight(one('openai', 'opacity', 3), 'opacity', 2);
    const csv = panelCsv([{ name: 'Ann', card }], frame);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(PANEL_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + frame.labs.length * frame.analogies.length);
    const openai = frame.labs[0]!.name;
    const name = (id: string) => frame.analogies.find((analogy) => analogy.id === id)!.name;
    expect(lines).toContain(`Ann,openai,opacity,3,2,,${openai},${name('opacity')}`);
    // Unscored: no level and no weight, so a spreadsheet does not count its weight as scored.
    expect(lines).toContain(`Ann,openai,deception,,,,${openai},${name('deception')}`);
  });

  it('neutralises rater names a spreadsheet would run as formulas', () => {
    const csv = panelCsv(
      [{ name: '=HYPERLINK("http://evil.test")', card: one('openai', 'opacity', 1) }],
      frame,
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"")",openai,opacity,1,1,,`);
    expect(csv).not.toMatch(/\r\n=/);
  });
});

describe('building a panel from what the reader gave', () => {
  const [a, b, c, d] = workedExampleCards(frame) as [Scorecard, Scorecard, Scorecard, Scorecard];

  it('pools four pasted links into the worked example, with the site and mine added as raters', () => {
    const text = [a, b, c, d].map(link).join('\n');
    const built = assemblePanel({ text, files: [], site: null, mine: null }, frame);
    expect(built.panel!.agreement.alpha).toBeCloseTo(0.815, 3);
    expect(built.summary).toBe('Panel built from 4 scorecards.');
    const mine = one('meta', 'deception', 4);
    const withBoth = assemblePanel(
      { text, files: [], site: one('meta', 'opacity', 1), mine: { saved: savedDoc(mine) } },
      frame,
    );
    expect(withBoth.raters.map((r) => r.name)).toEqual([
      'Rater 1',
      'Rater 2',
      'Rater 3',
      'Rater 4',
      MINE_RATER,
      SITE_RATER,
    ]);
  });

  it("keeps every rater's name and place from build through panel link to the reopened panel", () => {
    const mine = one('meta', 'deception', 4);
    const site = one('meta', 'opacity', 1);
    const built = assemblePanel(
      { text: `Ana: ${link(a)}\n${link(b)}`, files: [], site, mine: { saved: savedDoc(mine) } },
      frame,
    );
    expect(MINE_RATER).toBe('Panel maker');
    const names = built.raters.map((r) => r.name);
    expect(names).toEqual(['Ana', 'Rater 2', MINE_RATER, SITE_RATER]);
    // What the page puts in the link: every card but the site's reading, which travels as a flag.
    const made = panelLink(
      'https://example.org/panel/',
      built.raters.filter((r) => r.site !== true).map(({ name, card }) => ({ name, card })),
      true,
      frame,
    );
    if (!made.ok) throw new Error(made.message);
    const read = decodePanel(panelFragmentFromHash(new URL(made.link).hash)!);
    if (!read.ok) throw new Error(read.message);
    const text = read.cards
      .map(
        ({ name, payload }) =>
          `${name === null ? '' : `${name}: `}https://example.org/scorecard/#share=${payload}`,
      )
      .join('\n');
    const reopened = assemblePanel({ text, files: [], site, mine: null }, frame);
    expect(reopened.raters.map((r) => r.name)).toEqual(names);
  });

  it('counts "Include mine" and the site\'s reading once when a pasted card holds the same scores', () => {
    const built = assemblePanel(
      { text: `Ana: ${link(a)}\nBen: ${link(b)}`, files: [], site: b, mine: { saved: savedDoc(a) } },
      frame,
    );
    expect(built.raters.map((r) => r.name)).toEqual(['Ana', 'Ben']);
    expect(built.raters[0]!.mine).toBe(true);
    expect(built.otherProblems).toEqual([
      'Include mine: Ana already holds the same scores, so they were counted once, as Ana.',
      "Include the site's reading: Ben already holds the same scores, so they were counted once, as Ben.",
    ]);
    // Ben stands for the site's reading too, so the page can still name it among the raters.
    expect(built.raters.map((r) => r.alsoSite === true)).toEqual([false, true]);
    expect(built.summary).toBe(
      'Panel built from 2 scorecards. 2 repeated cards were counted once: see the messages under the "Also include" boxes.',
    );
  });

  it('names the card of whoever reopens a panel link "You", not a second panel maker', () => {
    const text = `${MINE_RATER}: ${link(a)}\nBen: ${link(b)}`;
    const built = assemblePanel({ text, files: [], site: null, mine: { saved: savedDoc(c) } }, frame);
    expect(built.raters.map((r) => r.name)).toEqual([MINE_RATER, 'Ben', OTHER_MINE_RATER]);
    expect(OTHER_MINE_RATER).toBe('You');
    expect(built.raters[2]!.mine).toBe(true);
    expect(built.raters[0]!.mine).toBeUndefined();
  });

  it('keeps going past bad lines and files, and says where to look', () => {
    const built = assemblePanel(
      {
        text: `${link(a)}\nnonsense\n${link(a)}`,
        files: [{ name: 'x.json', text: '{' }],
        site: null,
        mine: { saved: null },
      },
      frame,
    );
    expect(built.raters).toHaveLength(1);
    expect(built.lineProblems.map((p) => p.line)).toEqual([2, 3]);
    expect(built.otherProblems).toEqual([
      expect.stringMatching(/^x\.json: /),
      expect.stringMatching(/^Include mine: .*no scores yet/),
    ]);
    expect(built.summary).toBe(
      'Panel built from 1 scorecard. 3 lines or files could not be used, and 1 repeated card was counted once: see the messages under the links box and under the "Also include" boxes.',
    );
  });

  it('says when the saved card of "Include mine" cannot be read', () => {
    const built = assemblePanel({ text: link(a), files: [], site: null, mine: { saved: '{oops' } }, frame);
    expect(built.otherProblems).toEqual([
      expect.stringMatching(/^Include mine: your saved scorecard could not be read/),
    ]);
  });

  it('builds nothing from nothing, and says what to do', () => {
    expect(assemblePanel({ text: '', files: [], site: null, mine: null }, frame)).toMatchObject({
      panel: null,
      summary: expect.stringMatching(/^Nothing to pool yet/),
    });
  });
});
