import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  analogySchema,
  essaySchema,
  evidenceSchema,
  labSchema,
  partialDate,
  readingsSchema,
  sourceSchema,
} from '../../src/content/schemas';

const CONTENT = join(import.meta.dirname, '../../content');

/** A content file parsed as YAML 1.2 (dates stay strings), as plain data. */
function yamlFile(folder: string, name: string): Record<string, unknown> {
  return parse(readFileSync(join(CONTENT, folder, name), 'utf8')) as Record<string, unknown>;
}

/** The frontmatter of an essay section. */
function frontmatter(name: string): Record<string, unknown> {
  const text = readFileSync(join(CONTENT, 'essay', name), 'utf8');
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  if (match === null) throw new Error(`${name} has no frontmatter`);
  return parse(match[1]!) as Record<string, unknown>;
}

const filesIn = (folder: string, ext: string) =>
  readdirSync(join(CONTENT, folder))
    .filter((f) => f.endsWith(ext))
    .sort();

interface SafeParser {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

/** The dotted paths of every issue the schema reports, or [] when the value parses. */
function issuePaths(schema: SafeParser, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.map(String).join('.'));
}

/** Inline examples, valid as they stand; each test breaks one field. */
const source = {
  publisher: 'The Intercept',
  title: 'OpenAI Quietly Deletes Ban on Using ChatGPT for Military and Warfare',
  date: '2024-01-12',
  url: 'https://theintercept.com/2024/01/12/open-ai-military-ban-chatgpt/',
};
const evidence = {
  date: '2024-01-10',
  labs: ['openai'],
  bears: [{ analogy: 'constraint-subversion', direction: 'supports' }],
  summary: 'OpenAI rewrote its usage policies and the explicit ban on military uses disappeared.',
  sources: [source],
  checked: true,
};
const lab = {
  name: 'Example Lab',
  key: 'ex',
  order: 6,
  summary: 'An example lab used only to exercise the schema.',
  founded: 2020,
  website: 'https://example.com',
};
const analogy = {
  key: 'ex',
  order: 7,
  title: 'Example analogy',
  thesis: 'A one-line thesis long enough to pass the schema.',
  concept: 'The AI-risk idea, in one sentence of some length.',
  analogue: 'The lab analogue, in one sentence of some length.',
  question: 'How far does this example lab behave like the example?',
  levels: ['none', 'faint', 'partial', 'strong', 'full'],
  disanalogies: ['Where the comparison breaks down, at some length.'],
  search: {
    supports: ['one kind of event', 'another kind of event', 'a third kind of event'],
    weakens: ['one kind of event', 'another kind of event', 'a third kind of event'],
  },
  literature: [{ author: 'A. Author', title: 'A work', year: 2020, url: 'https://example.com/work' }],
};
const essay = {
  title: 'Power seeking',
  order: 3,
  analogy: 'power-seeking',
  description: 'One or two sentences for previews and the table of contents.',
  updated: '2026-11-26',
};
const reading = {
  cells: {
    openai: {
      level: 3,
      rationale: 'One to three sentences on why, long enough to pass.',
      evidence: ['openai-usage-policy-military-2024'],
      moves: 'Up with a second quiet removal; down if the ban returned.',
      searched: ['looked for a change log for the rewrite: none found'],
    },
  },
};

describe('the content schemas accept the real content', () => {
  it('every lab file parses', () => {
    const files = filesIn('labs', '.yaml');
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(issuePaths(labSchema, yamlFile('labs', file)), file).toEqual([]);
  });

  it('every analogy file parses', () => {
    const files = filesIn('analogies', '.yaml');
    expect(files.length).toBe(6);
    for (const file of files)
      expect(issuePaths(analogySchema, yamlFile('analogies', file)), file).toEqual([]);
  });

  it('every evidence file parses, and so does each of its sources on its own', () => {
    const files = filesIn('evidence', '.yaml');
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      const data = yamlFile('evidence', file);
      expect(issuePaths(evidenceSchema, data), file).toEqual([]);
      for (const s of data['sources'] as unknown[]) expect(issuePaths(sourceSchema, s), file).toEqual([]);
    }
  });

  it('every readings file parses', () => {
    const files = filesIn('readings', '.yaml');
    expect(files.length).toBe(6);
    for (const file of files)
      expect(issuePaths(readingsSchema, yamlFile('readings', file)), file).toEqual([]);
  });

  it('every essay section frontmatter parses', () => {
    const files = filesIn('essay', '.mdx');
    expect(files.length).toBe(9);
    for (const file of files) expect(issuePaths(essaySchema, frontmatter(file)), file).toEqual([]);
  });

  it('the inline examples used below parse as they stand', () => {
    expect(issuePaths(sourceSchema, source)).toEqual([]);
    expect(issuePaths(evidenceSchema, evidence)).toEqual([]);
    expect(issuePaths(labSchema, lab)).toEqual([]);
    expect(issuePaths(analogySchema, analogy)).toEqual([]);
    expect(issuePaths(essaySchema, essay)).toEqual([]);
    expect(issuePaths(readingsSchema, reading)).toEqual([]);
  });
});

describe('dates', () => {
  it('accepts a day or a month', () => {
    expect(partialDate.parse('2024-01-10')).toBe('2024-01-10');
    expect(partialDate.parse('2024-01')).toBe('2024-01');
  });

  it('accepts a YAML timestamp (a Date object) and turns it back into YYYY-MM-DD', () => {
    expect(partialDate.parse(new Date('2024-01-10'))).toBe('2024-01-10');
    // YAML 1.1 reads an unquoted day as a timestamp, as Astro's YAML loader does.
    const data = parse(
      readFileSync(join(CONTENT, 'evidence', 'openai-usage-policy-military-2024.yaml'), 'utf8'),
      {
        version: '1.1',
      },
    ) as Record<string, unknown>;
    expect(data['date']).toBeInstanceOf(Date);
    const parsed = evidenceSchema.parse(data);
    expect(parsed.date).toBe('2024-01-10');
    expect(parsed.sources[0]?.date).toBe('2024-01-12');
  });

  it('rejects an invalid Date object', () => {
    expect(partialDate.safeParse(new Date('not a date')).success).toBe(false);
  });

  it.each(['2024/01/10', '2024-13-01', '2024-01-32', '24-01-10', '2024', '2024-1-5', ''])(
    'rejects "%s", naming the date field',
    (date) => {
      expect(partialDate.safeParse(date).success).toBe(false);
      expect(issuePaths(evidenceSchema, { ...evidence, date })).toContain('date');
      expect(issuePaths(sourceSchema, { ...source, date })).toContain('date');
    },
  );

  it('reports a bad source date at sources.<i>.date in an evidence item', () => {
    expect(
      issuePaths(evidenceSchema, { ...evidence, sources: [source, { ...source, date: '2024/01/10' }] }),
    ).toContain('sources.1.date');
  });
});

describe('the schemas name the field that is wrong', () => {
  it.each([
    ['evidence', evidenceSchema, evidence, ['date', 'labs', 'bears', 'summary', 'sources', 'checked']],
    ['source', sourceSchema, source, ['publisher', 'title', 'date', 'url']],
    ['lab', labSchema, lab, ['name', 'key', 'order', 'summary', 'founded', 'website']],
    [
      'analogy',
      analogySchema,
      analogy,
      [
        'key',
        'order',
        'title',
        'thesis',
        'concept',
        'analogue',
        'question',
        'levels',
        'disanalogies',
        'search',
        'literature',
      ],
    ],
    ['essay', essaySchema, essay, ['title', 'order', 'description', 'updated']],
    ['readings', readingsSchema, reading, ['cells']],
  ] as const)('a %s missing a required field fails at that field', (_name, schema, example, fields) => {
    for (const field of fields) {
      const { [field]: _removed, ...rest } = example as Record<string, unknown>;
      expect(issuePaths(schema, rest), `without ${field}`).toContain(field);
    }
  });

  it('the optional fields may be left out', () => {
    const { analogy: _a, ...essayWithoutAnalogy } = essay;
    expect(issuePaths(essaySchema, essayWithoutAnalogy)).toEqual([]);
  });

  it('rejects an http:// URL where https is required', () => {
    expect(issuePaths(labSchema, { ...lab, website: 'http://example.com' })).toEqual(['website']);
    expect(issuePaths(sourceSchema, { ...source, url: 'http://theintercept.com/' })).toEqual(['url']);
    expect(
      issuePaths(evidenceSchema, { ...evidence, sources: [{ ...source, url: 'http://theintercept.com/' }] }),
    ).toEqual(['sources.0.url']);
    expect(
      issuePaths(analogySchema, {
        ...analogy,
        literature: [{ ...analogy.literature[0], url: 'http://example.com' }],
      }),
    ).toEqual(['literature.0.url']);
  });

  it('rejects a URL that is not a URL at all', () => {
    expect(issuePaths(labSchema, { ...lab, website: 'example.com' })).toEqual(['website']);
  });

  it('rejects an unknown extra field in every strict object', () => {
    const unknownKeys = (schema: SafeParser, value: unknown) => {
      const result = schema.safeParse(value);
      if (result.success) return [];
      return result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        keys: (issue as { keys?: string[] }).keys,
      }));
    };
    expect(unknownKeys(evidenceSchema, { ...evidence, tags: ['x'] })).toEqual([{ path: '', keys: ['tags'] }]);
    // The single analogy and direction that `bears` replaced are refused, not silently dropped.
    expect(unknownKeys(evidenceSchema, { ...evidence, analogy: 'opacity', direction: 'supports' })).toEqual([
      { path: '', keys: ['analogy', 'direction'] },
    ]);
    expect(unknownKeys(sourceSchema, { ...source, author: 'x' })).toEqual([{ path: '', keys: ['author'] }]);
    expect(unknownKeys(labSchema, { ...lab, ceo: 'x' })).toEqual([{ path: '', keys: ['ceo'] }]);
    expect(unknownKeys(analogySchema, { ...analogy, subtitle: 'x' })).toEqual([
      { path: '', keys: ['subtitle'] },
    ]);
    expect(unknownKeys(essaySchema, { ...essay, draft: true })).toEqual([{ path: '', keys: ['draft'] }]);
    expect(unknownKeys(readingsSchema, { ...reading, notes: 'x' })).toEqual([{ path: '', keys: ['notes'] }]);
    expect(unknownKeys(evidenceSchema, { ...evidence, sources: [{ ...source, via: 'x' }] })).toEqual([
      { path: 'sources.0', keys: ['via'] },
    ]);
    expect(
      unknownKeys(readingsSchema, { cells: { openai: { ...reading.cells.openai, confidence: 'high' } } }),
    ).toEqual([{ path: 'cells.openai', keys: ['confidence'] }]);
  });

  it('rejects a direction other than supports or weakens, naming the bearing', () => {
    const bearing = (direction: string) => ({ ...evidence, bears: [{ analogy: 'deception', direction }] });
    expect(issuePaths(evidenceSchema, bearing('maybe'))).toEqual(['bears.0.direction']);
    expect(issuePaths(evidenceSchema, bearing('weakens'))).toEqual([]);
  });

  it('takes one event bearing on several analogies, each in its own direction, but each analogy once', () => {
    const bears = [
      { analogy: 'opacity', direction: 'supports' },
      { analogy: 'incorrigibility', direction: 'weakens', labs: ['openai'] },
    ];
    expect(issuePaths(evidenceSchema, { ...evidence, bears })).toEqual([]);
    expect(issuePaths(evidenceSchema, { ...evidence, bears: [] })).toEqual(['bears']);
    expect(
      issuePaths(evidenceSchema, {
        ...evidence,
        bears: [bears[0], { analogy: 'opacity', direction: 'weakens' }],
      }),
    ).toEqual(['bears']);
  });

  it('requires a checkNote when checked is false', () => {
    expect(issuePaths(evidenceSchema, { ...evidence, checked: false })).toEqual(['checkNote']);
    expect(
      issuePaths(evidenceSchema, {
        ...evidence,
        checked: false,
        checkNote: 'The source is behind a paywall.',
      }),
    ).toEqual([]);
  });

  it('requires exactly five levels on an analogy', () => {
    expect(issuePaths(analogySchema, { ...analogy, levels: analogy.levels.slice(0, 4) })).toContain('levels');
    expect(issuePaths(analogySchema, { ...analogy, levels: [...analogy.levels, 'beyond'] })).toContain(
      'levels',
    );
  });

  it.each(['o', 'oai', 'OA', 'o1', ''])(
    'rejects the share key "%s", which is not two lowercase letters',
    (key) => {
      expect(issuePaths(labSchema, { ...lab, key })).toEqual(['key']);
      expect(issuePaths(analogySchema, { ...analogy, key })).toEqual(['key']);
    },
  );

  it('rejects a lab or analogy reference that is not a slug', () => {
    expect(issuePaths(evidenceSchema, { ...evidence, labs: ['OpenAI'] })).toEqual(['labs.0']);
    expect(issuePaths(evidenceSchema, { ...evidence, labs: [] })).toEqual(['labs']);
    expect(
      issuePaths(evidenceSchema, {
        ...evidence,
        bears: [{ analogy: 'Power Seeking', direction: 'supports' }],
      }),
    ).toEqual(['bears.0.analogy']);
    expect(issuePaths(essaySchema, { ...essay, analogy: 'power_seeking' })).toEqual(['analogy']);
  });

  it('rejects an evidence item with no sources', () => {
    expect(issuePaths(evidenceSchema, { ...evidence, sources: [] })).toEqual(['sources']);
  });

  it('rejects a reading level outside 0-4 or not a whole number, naming the cell', () => {
    for (const level of [-1, 5, 2.5, '3']) {
      expect(
        issuePaths(readingsSchema, { cells: { openai: { ...reading.cells.openai, level } } }),
        String(level),
      ).toEqual(['cells.openai.level']);
    }
  });

  it('rejects a reading for a lab whose name is not a slug', () => {
    expect(issuePaths(readingsSchema, { cells: { OpenAI: reading.cells.openai } })).toContain('cells.OpenAI');
  });

  it('rejects an analogy question that does not end in a question mark', () => {
    expect(
      issuePaths(analogySchema, {
        ...analogy,
        question: 'How far does this example lab behave like the example.',
      }),
    ).toEqual(['question']);
  });

  it('rejects an essay description that is too short or an update that is not a date', () => {
    expect(issuePaths(essaySchema, { ...essay, description: 'Too short.' })).toEqual(['description']);
    expect(issuePaths(essaySchema, { ...essay, updated: 'last week' })).toEqual(['updated']);
  });

  it('coerces the essay update day to a Date', () => {
    const parsed = essaySchema.parse(essay);
    expect(parsed.updated).toBeInstanceOf(Date);
    expect(parsed.updated.toISOString().slice(0, 10)).toBe('2026-11-26');
  });
});
