import { splitItemIds } from '../../src/data/format';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  filtersFromQuery,
  labNamedIn,
  matchesWords,
  queryFromFilters,
} from '../../src/data/evidence-filters';
import {
  filterAttributes,
  filterCss,
  matchesFilters,
  type FilterableItem,
} from '../../src/data/evidence-filter-rules';
import { evidenceFromCsv, evidenceToCsv, type EvidenceCsvItem } from '../../src/rubric/evidence-csv';
import {
  layoutTimeline,
  laneFor,
  markPath,
  MARK_SHAPES,
  shapeOf,
  TIMELINE_PROFILES,
  yearFraction,
  type TimelineLane,
  type TimelineLayout,
  type TimelineProfile,
} from '../../src/data/timeline';
import { changeSchema } from '../../src/content/change-schema';

const item = (over: Partial<FilterableItem> = {}): FilterableItem => ({
  date: '2025-03-10',
  labs: ['openai'],
  bears: [
    { analogy: 'opacity', direction: 'supports' },
    { analogy: 'deception', direction: 'weakens' },
  ],
  ...over,
});

const OFFERED = {
  lab: ['openai', 'anthropic', 'meta'],
  analogy: ['opacity', 'deception', 'power-seeking'],
  direction: ['supports', 'weakens'],
  year: ['2026', '2025', '2024'],
};

describe('the evidence filters', () => {
  it('with no filter set, every item matches', () => {
    expect(matchesFilters(item(), {})).toBe(true);
  });

  it('each filter narrows on its own field', () => {
    expect(matchesFilters(item(), { lab: 'openai' })).toBe(true);
    expect(matchesFilters(item(), { lab: 'meta' })).toBe(false);
    expect(matchesFilters(item(), { analogy: 'deception' })).toBe(true);
    expect(matchesFilters(item(), { analogy: 'power-seeking' })).toBe(false);
    expect(matchesFilters(item(), { direction: 'weakens' })).toBe(true);
    expect(
      matchesFilters(item({ bears: [{ analogy: 'opacity', direction: 'supports' }] }), {
        direction: 'weakens',
      }),
    ).toBe(false);
    expect(matchesFilters(item(), { year: '2025' })).toBe(true);
    expect(matchesFilters(item({ date: '2024-12' }), { year: '2025' })).toBe(false);
  });

  it("a year's totals reported the next year are found under both years, and after the earlier one", () => {
    const totals = item({ date: '2026-01-22', covers: 2025 });
    expect(matchesFilters(totals, { year: '2025' })).toBe(true);
    expect(matchesFilters(totals, { year: '2026' })).toBe(true);
    expect(matchesFilters(totals, { year: '2024' })).toBe(false);
    expect(matchesFilters(totals, { from: '2026' })).toBe(true);
    // The CSS reads the date's year first ("and later years" compares it) and finds either year.
    expect(filterAttributes(totals)['data-year']).toBe('2026 2025');
  });

  it('a direction chosen with an analogy is the direction on that analogy', () => {
    expect(matchesFilters(item(), { analogy: 'opacity', direction: 'supports' })).toBe(true);
    expect(matchesFilters(item(), { analogy: 'opacity', direction: 'weakens' })).toBe(false);
    expect(matchesFilters(item(), { analogy: 'deception', direction: 'weakens' })).toBe(true);
  });

  it('filters combine: an item must match all of them', () => {
    expect(
      matchesFilters(item(), { lab: 'openai', year: '2025', analogy: 'opacity', direction: 'supports' }),
    ).toBe(true);
    expect(matchesFilters(item(), { lab: 'openai', year: '2024', analogy: 'opacity' })).toBe(false);
  });

  it('the URL query round-trips the filters and ignores values the page does not offer', () => {
    const filters = { lab: 'meta', analogy: 'opacity', direction: 'weakens', year: '2024' };
    expect(filtersFromQuery(queryFromFilters(filters), OFFERED)).toEqual(filters);
    expect(filtersFromQuery('?lab=nobody&year=1999&direction=weakens', OFFERED)).toEqual({
      direction: 'weakens',
    });
    expect(queryFromFilters({})).toBe('');
    expect(queryFromFilters({ lab: '', year: '2025' }, '?utm=x&lab=meta')).toBe('?utm=x&year=2025');
  });

  it('"from" a year keeps that year and every later one (review: readers want "since 2025")', () => {
    expect(matchesFilters(item({ date: '2025-01' }), { from: '2025' })).toBe(true);
    expect(matchesFilters(item({ date: '2026-03-01' }), { from: '2025' })).toBe(true);
    expect(matchesFilters(item({ date: '2024-12-31' }), { from: '2025' })).toBe(false);
    expect(filtersFromQuery('?from=2025', OFFERED)).toEqual({ from: '2025' });
    expect(filtersFromQuery('?from=1999', OFFERED)).toEqual({});
    // An old single-year link keeps meaning one year.
    expect(filtersFromQuery('?year=2025', OFFERED)).toEqual({ year: '2025' });
    expect(queryFromFilters({ lab: 'openai', from: '2025' })).toBe('?lab=openai&from=2025');
  });

  it('with a lab chosen, an analogy and a direction are what the item says of that lab', () => {
    // A deal that enlarges both companies but binds only OpenAI.
    const deal = item({
      labs: ['openai', 'meta'],
      bears: [
        { analogy: 'power-seeking', direction: 'supports' },
        { analogy: 'opacity', direction: 'weakens', labs: ['openai'] },
      ],
    });
    expect(matchesFilters(deal, { lab: 'meta', direction: 'weakens' })).toBe(false);
    expect(matchesFilters(deal, { lab: 'meta', analogy: 'opacity' })).toBe(false);
    expect(matchesFilters(deal, { lab: 'openai', analogy: 'opacity', direction: 'weakens' })).toBe(true);
    expect(matchesFilters(deal, { lab: 'meta', analogy: 'power-seeking', direction: 'supports' })).toBe(true);
    // With no lab chosen, any of its labs will do.
    expect(matchesFilters(deal, { direction: 'weakens' })).toBe(true);
  });

  it('an item that only mentions a lab is found under it, and under an analogy it bears on, never in a direction', () => {
    const joint = item({
      labs: ['meta'],
      mentions: ['openai'],
      bears: [{ analogy: 'power-seeking', direction: 'supports' }],
    });
    expect(matchesFilters(joint, { lab: 'openai' })).toBe(true);
    expect(matchesFilters(joint, { lab: 'openai', analogy: 'power-seeking' })).toBe(true);
    expect(matchesFilters(joint, { lab: 'openai', analogy: 'opacity' })).toBe(false);
    expect(matchesFilters(joint, { lab: 'openai', direction: 'supports' })).toBe(false);
    expect(matchesFilters(joint, { lab: 'meta', direction: 'supports' })).toBe(true);
    expect(filterAttributes(joint)).toMatchObject({
      'data-labs': 'meta openai',
      'data-cells': 'meta:power-seeking meta:supports meta:power-seeking:supports openai:power-seeking',
    });
  });

  it('the search matches every word, in any case and order, allowing common endings, with the other filters', () => {
    const text = 'OpenAI lobbied against the bill; its lobbyists met officials. Policies changed.';
    expect(matchesWords(text, 'lobbying')).toBe(true);
    expect(matchesWords('Anthropic lobbied Congress', 'lobbyist')).toBe(true);
    expect(matchesWords('its lobbying rose', 'lobbyists')).toBe(true);
    expect(matchesWords(text, 'LOBBYING openai')).toBe(true);
    expect(matchesWords(text, 'policy')).toBe(true);
    expect(matchesWords(text, 'lobbying subpoena')).toBe(false);
    expect(matchesFilters(item(), { q: 'lobbying' }, text)).toBe(true);
    expect(matchesFilters(item(), { q: 'lobbying', lab: 'meta' }, text)).toBe(false);
    expect(matchesFilters(item(), { q: 'subpoena' }, text)).toBe(false);
    expect(filtersFromQuery('?q=+lobbying+', OFFERED)).toEqual({ q: 'lobbying' });
    expect(queryFromFilters({ q: 'super pac' })).toBe('?q=super+pac');
  });

  it('a search word matches the start of a word, not its inside, and a short plural finds its singular', () => {
    const text = 'Meta funded a super PAC; the impact on policy-making was large. It spent $26 million.';
    expect(matchesWords(text, 'PAC')).toBe(true);
    expect(matchesWords(text, 'super PACs')).toBe(true);
    expect(matchesWords(text, 'pact')).toBe(false);
    expect(matchesWords('The impact of capacity', 'pac')).toBe(false);
    expect(matchesWords(text, 'making')).toBe(true);
    expect(matchesWords(text, '26')).toBe(true);
    expect(matchesWords(text, 'million')).toBe(true);
    expect(matchesWords(text, 'illion')).toBe(false);
    expect(matchesWords('Ça coûte', 'coûte')).toBe(true);
  });

  it('a search word finds its synonyms and other spellings, and a hyphen separates words', () => {
    const text = 'Anthropic gave $20 million to a super-PAC; the Pentagon contract; it favoured the licence.';
    expect(matchesWords(text, 'donation')).toBe(true);
    expect(matchesWords(text, 'donors')).toBe(true);
    expect(matchesWords(text, 'contribution')).toBe(true);
    expect(matchesWords(text, 'military')).toBe(true);
    expect(matchesWords(text, 'defense')).toBe(true);
    expect(matchesWords(text, 'favor')).toBe(true);
    expect(matchesWords(text, 'license')).toBe(true);
    expect(matchesWords(text, 'super PAC')).toBe(true);
    expect(matchesWords('Meta funded a super PAC', 'super-PACs')).toBe(true);
    expect(matchesWords('a political action committee', 'PAC')).toBe(true);
    // A short entry stands only for its own word: "package" is not a PAC, nor a gavel a gift.
    expect(matchesWords('a political action committee', 'package')).toBe(false);
    expect(matchesWords('the gavel fell', 'donation')).toBe(false);
    // "gave" and "contributing" stand for giving only when money follows.
    expect(matchesWords('it gave no details of the model', 'donation')).toBe(false);
    expect(matchesWords('contributing to four suicides', 'donation')).toBe(false);
    expect(matchesWords('Google contributes USD 1 million', 'donation')).toBe(true);
    expect(matchesWords('Google and Microsoft each gave $1 million', 'donations')).toBe(true);
    expect(matchesWords('gifts to the inaugural committee', 'inauguration')).toBe(true);
    // "Political" money is named by its vehicle.
    expect(matchesWords('Meta funded a super PAC', 'political')).toBe(true);
    // One way only: political money includes inaugural gifts, but an inauguration is not a super PAC.
    expect(matchesWords('Google gave $1 million to the inaugural committee', 'political')).toBe(true);
    expect(matchesWords('donors to the White House ballroom', 'politics')).toBe(true);
    expect(matchesWords('Meta funded a super PAC', 'inauguration')).toBe(false);
    expect(matchesWords('Meta funded a super-PAC', 'political spending')).toBe(false);
  });

  it('a phrase in quotes is found only as written; an unclosed quote searches the words', () => {
    const text = 'Forge the Future Project and California Leads, against Leading the Future.';
    expect(matchesWords('Forge the Future and California Leads', '"Leading the Future"')).toBe(false);
    expect(matchesWords('Forge the Future and California Leads', 'Leading the Future')).toBe(true);
    expect(matchesWords(text, '"Leading the  Future" Forge')).toBe(true);
    expect(matchesWords(text, '“leading the future”')).toBe(true);
    expect(matchesWords(text, '"Leading the')).toBe(true);
    expect(matchesWords(text, '"eading the future"')).toBe(false);
    expect(matchesWords(text, 'donation lawsuit')).toBe(false);
    // As written to its last word: a quoted name is not the start of a longer one.
    expect(matchesWords('the AI Action Plan', '"AI Act"')).toBe(false);
    expect(matchesWords("the EU AI Act's code", '"AI Act"')).toBe(true);
    expect(matchesWords('spent $1.6 million (a record)', '"$1.6 million (a"')).toBe(true);
  });

  it('finds the words a journalist types for bills, laws and their preemption', () => {
    const moratorium = 'Dario Amodei opposed a proposed 10-year federal ban on state AI laws.';
    for (const search of ['moratorium', 'preemption', 'pre-emption', 'preempt'])
      expect(matchesWords(moratorium, search)).toBe(true);
    expect(matchesWords('Google asked that federal policy "preempt" state rules', 'moratorium')).toBe(true);
    expect(matchesWords('It endorsed SB 53.', 'SB53')).toBe(true);
    expect(matchesWords('It endorsed SB 53.', 'sb-53')).toBe(true);
    expect(matchesWords('It endorsed SB 531.', 'SB53')).toBe(false);
    expect(matchesWords('It opposed the bill.', 'legislation')).toBe(true);
    expect(matchesWords('the state law', 'legislation')).toBe(true);
    // One way: "bill" is not widened to "legislation", and short words are found whole.
    expect(matchesWords('the legislation', 'bill')).toBe(false);
    expect(matchesWords('a $30 billion deal', 'bill')).toBe(false);
    expect(matchesWords('two bills', 'bill')).toBe(true);
    expect(matchesWords('the Action Plan', 'act')).toBe(false);
    expect(matchesWords('a lawsuit', 'law')).toBe(false);
    expect(matchesWords('an EU AI pact', 'PAC')).toBe(false);
    expect(matchesWords('two PACs', 'PAC')).toBe(true);
  });

  it('a search names a lab by any of its names, so that finding nothing can point to what was searched for on it', () => {
    const names = { 'google-deepmind': ['google deepmind', 'google', 'alphabet'], xai: ['xai'] };
    expect(labNamedIn('xAI political spending', names)).toBe('xai');
    expect(labNamedIn("Alphabet's lobbying", names)).toBe('google-deepmind');
    expect(labNamedIn('super PAC', names)).toBeUndefined();
  });

  it('"political" also finds lobbying, "regulation" laws, rules and codes, and a first name the surname', () => {
    expect(matchesWords('X is in a joint count of lobbying spending', 'political spending')).toBe(true);
    expect(matchesWords('Microsoft gave $1 million to the inauguration', 'political spending')).toBe(true);
    expect(matchesWords('xAI sued California over a disclosure law', 'regulation')).toBe(true);
    expect(matchesWords('signed the code of practice', 'regulation')).toBe(true);
    expect(matchesWords('a lawsuit', 'regulation')).toBe(false);
    expect(matchesWords('Musk presented it as the basis for orbital data centres', 'Elon Musk')).toBe(true);
    expect(matchesWords('Alphabet forecast $175 billion of capital expenditure', 'capex')).toBe(true);
    // One way: "law" is not widened to every regulation.
    expect(matchesWords('the regulator asked', 'law')).toBe(false);
  });

  it('"lobbying" also finds super PACs, and "spending" money paid or invested, one way', () => {
    expect(matchesWords('Meta launched a super PAC of its own', 'lobbying')).toBe(true);
    expect(matchesWords('Meta had paid it $45 million', 'political spending')).toBe(false);
    expect(matchesWords('Meta had paid its super PAC $45 million', 'political spending')).toBe(true);
    expect(matchesWords('investing "tens of millions" in a super PAC', 'spending')).toBe(true);
    expect(matchesWords('it spent $26 million on lobbying', 'paid')).toBe(false);
  });

  it('"lobbying" also finds a lab pressing a government or its rules in its own name, and nothing else it asked', () => {
    for (const summary of [
      'Google asked that federal policy "preempt a chaotic patchwork of state-level rules"',
      'OpenAI asked Governor Newsom to treat frontier developers as compliant',
      'Anthropic urged Congress not to preempt them',
      'Testifying to the Senate Commerce Committee, Sam Altman said',
      'a public call to narrow rules that bind Google',
      'a public warning against rules that bind Google',
    ])
      expect(matchesWords(summary, 'lobbying'), summary).toBe(true);
    for (const summary of [
      'more than 600 employees asked Sundar Pichai to bar classified work',
      'a classified deal letting the Pentagon use its AI models for "any lawful government purpose"',
      'OpenAI asked for comment. The federal contract',
    ])
      expect(matchesWords(summary, 'lobbying'), summary).toBe(false);
  });

  it("a lab's name is found, by any of its names, only where the item says whom it is about", () => {
    const names = {
      'google-deepmind': ['google deepmind', 'google', 'alphabet', 'deepmind'],
      meta: ['meta'],
      openai: ['openai'],
    };
    const openaiLetter = {
      about:
        'OpenAI While SB 53 was before the legislature, OpenAI asked Governor Newsom to treat developers as compliant',
      all: 'OpenAI While SB 53 was before the legislature, OpenAI asked Governor Newsom … The letter was read in a Google Doc.',
    };
    expect(matchesWords(openaiLetter, 'google lobbying', names)).toBe(false);
    expect(matchesWords(openaiLetter, 'openai lobbying', names)).toBe(true);
    expect(matchesWords(openaiLetter, '"Google Doc"', names)).toBe(true);
    const capex = { about: 'Google DeepMind Alphabet said it expected to spend $75 billion', all: '' };
    for (const search of ['google', 'Alphabet', "Google's", 'deepmind spending'])
      expect(matchesWords({ ...capex, all: capex.about }, search, names), search).toBe(true);
    const card = {
      about: 'Meta Meta released Llama 4',
      all: 'Meta Meta released Llama 4 with little metadata',
    };
    expect(matchesWords(card, 'meta', names)).toBe(true);
    expect(matchesWords({ about: 'OpenAI kept metadata', all: 'OpenAI kept metadata' }, 'meta', names)).toBe(
      false,
    );
    // Without the labs' names, a name is a word like any other, as before.
    expect(matchesWords(openaiLetter.all, 'google')).toBe(true);
  });

  it('finds the evidence ids a text names, so that pages link them and the search passes over them', () => {
    expect(splitItemIds('Its first quarter is anthropic-lobbying-record-2026; see also meta-2025.')).toEqual([
      'Its first quarter is ',
      { id: 'anthropic-lobbying-record-2026' },
      '; see also ',
      { id: 'meta-2025' },
      '.',
    ]);
    // Dates, years, addresses and numbers are not ids.
    for (const text of [
      'In 2025-26 and 2024.',
      'GPT-4o, 2025',
      'example.com/ai-safety-2025-report',
      'AI-2027',
    ])
      expect(splitItemIds(text)).toEqual([text]);
  });

  it('the CSS of "and later years" hides only the earlier years', () => {
    const css = filterCss('.explorer', '.ev-item', OFFERED);
    expect(css).toContain(
      ':has(#filter-year-2025:checked):has(#filter-year-later:checked) .ev-item[data-year^="2024"]',
    );
    expect(css).not.toContain(
      ':has(#filter-year-2025:checked):has(#filter-year-later:checked) .ev-item[data-year^="2026"]',
    );
    expect(css).toContain(
      ':has(#filter-year-2025:checked):not(:has(#filter-year-later:checked)) .ev-item:not([data-year~="2025"])',
    );
  });

  it('the CSS has a rule for every value of every filter and every analogy and direction pair', () => {
    const css = filterCss('.explorer', '.ev-item', OFFERED);
    for (const lab of OFFERED.lab)
      expect(css).toContain(`#filter-lab-${lab}:checked) .ev-item:not([data-labs~="${lab}"])`);
    for (const year of OFFERED.year) expect(css).toContain(`[data-year~="${year}"]`);
    for (const analogy of OFFERED.analogy)
      for (const direction of OFFERED.direction)
        expect(css).toContain(
          `:has(#filter-analogy-${analogy}:checked):has(#filter-direction-${direction}:checked) .ev-item:not([data-bears~="${analogy}:${direction}"])`,
        );
    expect(css).toContain(':has(#filter-analogy-any:checked):has(#filter-direction-weakens:checked)');
  });
});

describe('evidence.csv', () => {
  const items: EvidenceCsvItem[] = [
    {
      id: 'openai-example-2025',
      date: '2025-03',
      labs: ['openai', 'microsoft'],
      bears: [
        { analogy: 'power-seeking', direction: 'supports' },
        { analogy: 'opacity', direction: 'weakens', labs: ['microsoft'] },
      ],
      summary: '=HYPERLINK("x") a summary, with "quotes",\nand a line break',
      sourceUrl: 'https://example.com/a?b=1,2',
      checked: false,
      mentions: ['meta', 'xai'],
    },
    {
      id: 'meta-example-2024',
      date: '2024-01-02',
      labs: ['meta'],
      bears: [{ analogy: 'deception', direction: 'weakens' }],
      summary: '-1 is not a formula here',
      sourceUrl: 'https://example.com/',
      checked: true,
      covers: 2023,
    },
  ];

  it('has one row per item, lab and bearing', () => {
    const lines = evidenceToCsv(items)
      .split('\r\n')
      .filter((l) => /^[a-z]/.test(l));
    // openai+microsoft on power seeking, microsoft alone on opacity, meta on deception
    expect(lines.filter((l) => /^(openai|meta)-example/.test(l))).toHaveLength(4);
  });

  it("says which dates are months (a spreadsheet reads '2025-03' as 1 March), the year whose totals an item gives, and the labs it names without counting", () => {
    const rows = evidenceToCsv(items).split('\r\n');
    expect(rows[0]!.split(',').slice(-3)).toEqual(['date_precision', 'covers', 'also_names']);
    expect(
      rows
        .filter((r) => r.startsWith('openai-example-2025,2025-03,'))
        .every((r) => r.endsWith(',month,,meta xai')),
    ).toBe(true);
    expect(rows.find((r) => r.startsWith('meta-example-2024,'))!.endsWith(',day,2023,')).toBe(true);
    const wrong = evidenceToCsv(items).replace(/,month,,meta xai\r\n/, ',day,,meta xai\r\n');
    expect(() => evidenceFromCsv(wrong)).toThrow(/row 2: date 2025-03 is not to the day/);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const csv = evidenceToCsv(items);
    expect(csv).toContain(`"'=HYPERLINK(""x"")`);
    expect(csv).toContain(`'-1 is not a formula`);
  });

  it('round-trips into the same items, bearings narrowed to some labs included', () => {
    expect(evidenceFromCsv(evidenceToCsv(items))).toEqual(items);
  });

  it('round-trips any items (property)', () => {
    const slug = fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4}){0,2}$/);
    const arbitraryItem = fc.record({
      id: slug,
      date: fc.constantFrom('2024-01', '2025-12-31'),
      labs: fc.uniqueArray(fc.constantFrom('openai', 'meta', 'anthropic'), { minLength: 1, maxLength: 3 }),
      bears: fc.uniqueArray(
        fc.record({
          analogy: fc.constantFrom('opacity', 'deception', 'power-seeking'),
          direction: fc.constantFrom('supports' as const, 'weakens' as const),
        }),
        { minLength: 1, maxLength: 3, selector: (b) => b.analogy },
      ),
      summary: fc.string({ minLength: 1 }),
      sourceUrl: fc.webUrl(),
      checked: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryItem, { selector: (i) => i.id, maxLength: 5 }), (list) => {
        expect(evidenceFromCsv(evidenceToCsv(list))).toEqual(list);
      }),
    );
  });
});

describe('the timeline layout', () => {
  const lane = laneFor({ id: 'openai', name: 'OpenAI' }, [
    {
      id: 'a-2024',
      date: '2024-05-01',
      labs: ['openai'],
      bears: [
        { analogy: 'opacity', direction: 'supports' },
        { analogy: 'deception', direction: 'supports' },
      ],
    },
    {
      id: 'b-2024',
      date: '2024-05',
      labs: ['openai'],
      bears: [{ analogy: 'opacity', direction: 'weakens' }],
    },
    {
      id: 'c-2025',
      date: '2025-02-01',
      labs: ['openai', 'meta'],
      bears: [{ analogy: 'opacity', direction: 'supports', labs: ['meta'] }],
    },
  ]);

  it("a lab's lane has a mark per bearing that concerns the lab", () => {
    expect(lane.marks.map((m) => `${m.id}/${m.analogy}/${m.direction}`)).toEqual([
      'a-2024/opacity/supports',
      'a-2024/deception/supports',
      'b-2024/opacity/weakens',
    ]);
  });

  it('puts support above the axis and weakening below, and never draws two marks on top of each other', () => {
    const layout = layoutTimeline([lane], false);
    const placed = layout.lanes[0]!;
    for (const mark of placed.marks) {
      if (mark.direction === 'supports') expect(mark.y).toBeLessThan(placed.axisY);
      else expect(mark.y).toBeGreaterThan(placed.axisY);
    }
    const [first, second] = placed.marks.filter((m) => m.direction === 'supports');
    expect(Math.hypot(first!.x - second!.x, first!.y - second!.y)).toBeGreaterThanOrEqual(2 * layout.radius);
    expect(layout.years.map((y) => y.year)).toEqual([2024, 2025]);
  });

  it('places a month at its middle and a day at the day', () => {
    expect(yearFraction('2024-01-01')).toBe(2024);
    expect(yearFraction('2024-07')).toBeCloseTo(2024.537, 2);
  });
});

describe('the timeline drawings, wide and narrow', () => {
  const evidenceDir = join(import.meta.dirname, '../../content/evidence');
  const items = readdirSync(evidenceDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const data = parse(readFileSync(join(evidenceDir, f), 'utf8'));
      return { ...data, id: f.replace(/\.yaml$/, ''), date: String(data.date) };
    });
  const labs = [...new Set(items.flatMap((i) => i.labs as string[]))].sort();
  const siteLanes = labs.map((lab) => laneFor({ id: lab, name: lab }, items));
  const profiles = Object.entries(TIMELINE_PROFILES) as [string, TimelineProfile][];
  /** A drawing's width on a 375 px phone (the page's column there). */
  const PHONE_COLUMN = 343;

  /** How wide and high a shape is drawn, read from its path. */
  const extent = (shape: (typeof MARK_SHAPES)[number], radius: number) => {
    const d = markPath(shape, 0, 0, radius);
    if (shape === 'circle') {
      const r = Number(/a([\d.]+)/.exec(d)![1]);
      return { width: 2 * r, height: 2 * r };
    }
    const points = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const xs = points.map(([x]) => x!);
    const ys = points.map(([, y]) => y!);
    return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  };

  /** Every way the layout can go wrong that a reader would see. */
  const problems = (layout: TimelineLayout, profile: TimelineProfile, showNames: boolean): string[] => {
    const found: string[] = [];
    const r = layout.radius;
    const plotBottom = layout.yearsY - layout.fontSize;
    layout.lanes.forEach((lane, l) => {
      const next = layout.lanes[l + 1]?.top ?? plotBottom;
      const ceiling = lane.top + (showNames ? profile.laneLabel : 0);
      lane.marks.forEach((m, i) => {
        const where = `${lane.id} ${m.id} ${m.analogy}`;
        if (m.x - r < 0 || m.x + r > layout.width) found.push(`${where} leaves the drawing sideways`);
        if (m.y - r < ceiling) found.push(`${where} runs into the lane's name`);
        if (m.y + r > next) found.push(`${where} runs into the next lane or the years`);
        for (const other of lane.marks.slice(i + 1)) {
          const apart = Math.max(Math.abs(m.x - other.x), Math.abs(m.y - other.y));
          if (apart < 2 * r + profile.gap - 1e-9)
            found.push(`${where} overlaps ${other.id} ${other.analogy}`);
        }
      });
    });
    // Several lanes make a tall drawing: the years are written above the first lane too.
    if (showNames && layout.lanes.length > 0) {
      if (layout.yearsTopY == null) found.push('no years above the first lane');
      else if (layout.yearsTopY - layout.fontSize < 0 || layout.lanes[0]!.top < layout.yearsTopY)
        found.push('the years above the first lane are cut or run into it');
    }
    const labelWidth = 2.4 * layout.fontSize;
    layout.yearLabels.forEach((label, i) => {
      const next = layout.yearLabels[i + 1];
      if (next && next.x - label.x < labelWidth + layout.fontSize / 2)
        found.push(`${label.year} touches ${next.year}`);
      if (label.x - labelWidth / 2 < 0 || label.x + labelWidth / 2 > layout.width)
        found.push(`${label.year} is cut`);
    });
    return found;
  };

  for (const [name, profile] of profiles) {
    it(`the ${name} drawing of the site's evidence keeps every mark inside it, clear of the others and of the labels`, () => {
      expect(problems(layoutTimeline(siteLanes, true, profile), profile, true)).toEqual([]);
      for (const lane of siteLanes) {
        expect(problems(layoutTimeline([lane], false, profile), profile, false), lane.id).toEqual([]);
      }
    });
  }

  it('keeps any marks apart and inside the drawing, and thins the years out where they would touch', () => {
    const mark = fc.record({
      id: fc.stringMatching(/^[a-z]{1,6}$/),
      date: fc
        .tuple(
          fc.integer({ min: 2010, max: 2026 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
        )
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      analogy: fc.constantFrom('opacity', 'deception', 'power-seeking'),
      direction: fc.constantFrom('supports' as const, 'weakens' as const),
    });
    const lanes = fc.array(
      fc.record({
        id: fc.constantFrom('a', 'b', 'c'),
        name: fc.constant('Lab'),
        marks: fc.array(mark, { maxLength: 40 }),
      }),
      { minLength: 1, maxLength: 3 },
    );
    fc.assert(
      fc.property(lanes, fc.boolean(), (generated: TimelineLane[], showNames) => {
        for (const [, profile] of profiles) {
          expect(problems(layoutTimeline(generated, showNames, profile), profile, showNames)).toEqual([]);
        }
      }),
    );
    // Seventeen years on a phone: every other year is written.
    const long = layoutTimeline(
      [
        {
          id: 'a',
          name: 'A',
          marks: [2010, 2026].map((y) => ({
            id: `${y}`,
            date: `${y}-06-01`,
            analogy: 'opacity',
            direction: 'supports' as const,
          })),
        },
      ],
      false,
      TIMELINE_PROFILES.narrow,
    );
    expect(long.years).toHaveLength(18);
    expect(long.yearLabels.length).toBeLessThan(17);
  });

  it('on a 375 px phone the narrow drawing gives every mark 12 px or more each way, and its labels 12 px or more', () => {
    const { narrow, wide } = TIMELINE_PROFILES;
    const scale = PHONE_COLUMN / narrow.width;
    for (const shape of MARK_SHAPES) {
      const { width, height } = extent(shape, narrow.radius);
      expect(Math.min(width, height) * scale, shape).toBeGreaterThanOrEqual(12);
    }
    expect(narrow.fontSize * scale).toBeGreaterThanOrEqual(12);
    // The wide drawing is shown from its own width up, at a scale of 1 or more.
    for (const shape of MARK_SHAPES) {
      const { width, height } = extent(shape, wide.radius);
      expect(Math.min(width, height), shape).toBeGreaterThanOrEqual(10.5);
    }
    expect(wide.fontSize).toBeGreaterThanOrEqual(12);
  });

  it('shows the wide drawing from a container as wide as it is, where its scale reaches 1', () => {
    const css = readFileSync(join(import.meta.dirname, '../../src/components/Timeline.astro'), 'utf8');
    const switchAt = /@container \(min-width: ([\d.]+)rem\)/.exec(css)?.[1];
    expect(Number(switchAt) * 16).toBe(TIMELINE_PROFILES.wide.width);
  });

  it('gives each of the six analogies its own shape', () => {
    expect(new Set([1, 2, 3, 4, 5, 6].map(shapeOf)).size).toBe(6);
  });
});

describe('the change log schema', () => {
  const valid = {
    date: '2026-11-27',
    title: 'A reading moved',
    summary: 'One reading moved after a new item was added.',
    readings: [{ lab: 'openai', analogy: 'opacity', from: 2, to: 3, why: 'A new item shows it.' }],
  };

  it('accepts a dated entry with a reading that moved', () => {
    expect(changeSchema.safeParse(valid).success).toBe(true);
  });

  it('rejects a month without a day, a level out of range and an unknown field, naming the field', () => {
    const paths = (value: unknown) => {
      const result = changeSchema.safeParse(value);
      return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ ...valid, date: '2026-11' })).toEqual(['date']);
    expect(paths({ ...valid, readings: [{ ...valid.readings[0], to: 5 }] })).toEqual(['readings.0.to']);
    expect(paths({ ...valid, moved: [] })).toEqual(['']);
  });

  it('every file in content/changes/ is valid', () => {
    const dir = join(import.meta.dirname, '../../content/changes');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const result = changeSchema.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      expect(result.success, `${name}: ${result.success ? '' : result.error.message}`).toBe(true);
    }
  });
});
