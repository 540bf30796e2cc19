import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { attributeValues, fileFor, gzipSize, readPage } from './dist';
import { evidenceFromCsv } from '../../src/rubric/evidence-csv';
import { FROZEN_EVIDENCE_ANCHORS } from './frozen-urls';

const SITE_URL = (process.env['SITE_URL'] ?? 'http://127.0.0.1:4321').replace(/\/$/, '');
const read = (path: string) => {
  const file = fileFor(path);
  if (file === null) throw new Error(`${path} is not in the build`);
  return readFileSync(file, 'utf8');
};

interface RubricEvidence {
  id: string;
  aliases?: string[];
  date: string;
  labs: string[];
  mentions?: string[];
  covers?: number;
  bears: { analogy: string; direction: 'supports' | 'weakens'; labs?: string[] }[];
  summary: string;
  sources: { url: string }[];
  checked: boolean;
  checkNote?: string;
}
const rubric = JSON.parse(read('/rubric.json')) as {
  $schema: string;
  labs: { id: string; name: string; alsoCalled?: string[] }[];
  evidence: RubricEvidence[];
};
const schema = JSON.parse(read('/rubric.schema.json')) as Record<string, unknown>;

describe('/rubric.schema.json', () => {
  it('is named by /rubric.json in its $schema field, at an absolute address', () => {
    expect(rubric.$schema).toMatch(/^https?:\/\//);
    expect(new URL(rubric.$schema).pathname.endsWith('/rubric.schema.json')).toBe(true);
    expect(schema['$id']).toBe(rubric.$schema);
  });

  it('/rubric.json validates against it (ajv, draft 2020-12, formats checked)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(rubric);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 1)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a document the schema forbids: a bearing with an unknown direction', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const broken = structuredClone(rubric);
    broken.evidence[0]!.bears[0]!.direction = 'sideways' as 'supports';
    expect(ajv.validate(schema, broken)).toBe(false);
  });
});

describe('/evidence.csv', () => {
  const csv = read('/evidence.csv');

  it('round-trips into the same items as /rubric.json', () => {
    const fromCsv = evidenceFromCsv(csv);
    const expected = rubric.evidence.map((e) => ({
      id: e.id,
      date: e.date,
      summary: e.summary,
      sourceUrl: e.sources[0]!.url,
      checked: e.checked,
      ...(e.covers === undefined ? {} : { covers: e.covers }),
      ...(e.mentions === undefined ? {} : { mentions: e.mentions }),
      // A lab that no bearing concerns cannot appear in a row; none should exist.
      labs: e.labs,
      bears: e.bears.map((b) =>
        b.labs && b.labs.length !== e.labs.length ? b : { analogy: b.analogy, direction: b.direction },
      ),
    }));
    const comparable = (list: readonly { id: string; labs: readonly string[] }[]) =>
      list.map((i) => ({ ...i, labs: [...i.labs].sort() })).sort((a, b) => a.id.localeCompare(b.id));
    expect(comparable(fromCsv)).toEqual(comparable(expected));
  });

  it('is UTF-8 with a byte order mark, CRLF line ends and the documented header', () => {
    expect(
      csv.startsWith(
        '\uFEFFid,date,lab,analogy,direction,summary,source_url,checked,date_precision,covers,also_names\r\n',
      ),
    ).toBe(true);
  });
});

describe('/evidence/', () => {
  const html = readPage('/evidence/');
  const ids = attributeValues(html, 'id');

  it('lists every item once, newest first, each with its own anchor', () => {
    const listed = [...html.matchAll(/<li class="ev-item" id="([^"]+)"/g)].map((m) => m[1]);
    expect(listed).toEqual(rubric.evidence.map((e) => e.id));
    const dates = rubric.evidence.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('finds an item under every lab its summary names, counted for it or not', () => {
    // Where a lab's name stands for something else: Google's app store.
    const notTheLab = new Set(['deepseek-berlin-app-report-2025 google-deepmind']);
    const unlisted = rubric.evidence.flatMap((item) =>
      rubric.labs
        .filter(({ name, alsoCalled }) =>
          [name, ...(alsoCalled ?? [])].some((n) =>
            new RegExp(`(?<![\\w-])${n}(?![\\w-])`).test(item.summary),
          ),
        )
        .map(({ id }) => id)
        .filter(
          (lab) =>
            !item.labs.includes(lab) && !item.mentions?.includes(lab) && !notTheLab.has(`${item.id} ${lab}`),
        )
        .map((lab) => `${item.id} names ${lab}`),
    );
    expect(unlisted).toEqual([]);
  });

  it("shows every item's check status with its note, checked or not, where readers and the search see it", () => {
    const text = (fragment: string) =>
      fragment
        .replace(/<[^>]+>/g, '')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&quot;|&#34;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ');
    const entries = new Map(
      [
        ...html.matchAll(/<li class="ev-item" id="([^"]+)"[\s\S]*?<\/li>\s*(?=<li class="ev-item"|<\/ol>)/g),
      ].map((m) => [m[1]!, text(m[0])]),
    );
    const missing = rubric.evidence.filter((e) => {
      const shown = entries.get(e.id) ?? '';
      const status = e.checked ? 'Checked: we read its sources.' : 'Not checked by us:';
      return (
        !shown.includes(status) ||
        (e.checkNote !== undefined && !shown.includes(e.checkNote.replace(/\s+/g, ' ')))
      );
    });
    expect(missing.map((e) => e.id)).toEqual([]);
    expect(rubric.evidence.filter((e) => e.checked && e.checkNote).length).toBeGreaterThan(0);
  });

  it('the count stands above the list, with its figure, from the first byte: nothing moves as the page streams in or the script runs', () => {
    const all = `Showing ${rubric.evidence.length} of ${rubric.evidence.length} items`;
    const count = html.match(/<p [^>]*id="evidence-count"[^>]*>([^<]*)<\/p>/);
    expect(count?.[1]).toBe(all);
    expect(html.indexOf('id="evidence-count"')).toBeLessThan(html.indexOf('class="tl-place'));
    expect(html.match(/<span [^>]*id="panel-count"[^>]*>([^<]*)<\/span>/)?.[1]).toBe(`${all}.`);
  });

  it('every id ever published resolves there: items and the ids merged into them', () => {
    const published = new Set([
      ...rubric.evidence.flatMap((e) => [e.id, ...(e.aliases ?? [])]),
      ...FROZEN_EVIDENCE_ANCHORS.map((url) => url.split('#evidence-')[1]!),
    ]);
    expect([...published].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('ships at most 4 KB of gzipped JavaScript, and the change log none', () => {
    // Inline module scripts and the files they or the page load (Astro inlines a script this small).
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const files = [
      ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
      ...inline.join('\n').matchAll(/import\s*[^'"]*["']([^"']+)["']/g),
    ].map((m) => read(new URL(m[1]!, 'http://site.test/evidence/').pathname));
    const total = [...inline, ...files].reduce((sum, code) => sum + gzipSize(code), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(4 * 1024);
    expect(readPage('/changes/')).not.toMatch(/<script/);
  });
});

describe('the change log', () => {
  const entries = readdirSync('content/changes').filter((f) => f.endsWith('.yaml'));
  const feed = read('/changes.xml');

  it('the feed has one entry per change, each with an absolute link to its anchor on /changes/', () => {
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(links).toHaveLength(entries.length);
    const anchors = attributeValues(readPage('/changes/'), 'id');
    for (const link of links) {
      expect(link.startsWith(`${SITE_URL}/`), link).toBe(true);
      expect(anchors).toContain(new URL(link).hash.slice(1));
    }
  });

  it('no two entries share a time, and the feed lists them newest first as /changes/ does', () => {
    const times = [...feed.matchAll(/<item>[\s\S]*?<pubDate>([^<]+)<\/pubDate>/g)].map((m) =>
      Date.parse(m[1]!),
    );
    expect(times).toHaveLength(entries.length);
    expect(new Set(times).size).toBe(times.length);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("lists one day's entries by their number, as numbers: the 10th after the 9th, not before the 2nd", () => {
    const listed = [...readPage('/changes/').matchAll(/id="change-([^"]+)"/g)].map((m) => m[1]!);
    const number = (id: string) => Number(/^\d{4}-\d\d-\d\d-(\d+)/.exec(id)?.[1] ?? 0);
    const day = listed.filter((id) => id.startsWith('2026-11-27-'));
    expect(day.length).toBeGreaterThan(10);
    expect(day.map(number)).toEqual(day.map(number).sort((a, b) => b - a));
    const fed = [...feed.matchAll(/<item>[\s\S]*?<link>[^<]*#change-([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(fed).toEqual(listed);
  });

  it('every page announces the feed with <link rel="alternate">', () => {
    for (const page of ['/', '/evidence/', '/changes/', '/method/', '/labs/openai/']) {
      expect(readPage(page), page).toMatch(
        /<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/changes\.xml"/,
      );
    }
  });
});

describe('the timelines', () => {
  it('each lab page with evidence has one, in a figure captioned as a timeline, with a table of the same marks', () => {
    for (const lab of ['openai', 'anthropic', 'google-deepmind', 'meta', 'microsoft']) {
      const html = readPage(`/labs/${lab}/`);
      const figure = /<figure class="timeline[^"]*"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
      expect(figure, lab).toMatch(/<figcaption[^>]*>Timeline of/);
      const rows = (figure.match(/<tr[\s>]/g) ?? []).length - 1;
      // The same marks in each of the two drawings, wide and narrow, of which CSS shows one.
      for (const drawing of ['tl-wide', 'tl-narrow']) {
        const svg = new RegExp(`<svg class="${drawing}"[\\s\\S]*?</svg>`).exec(figure)?.[0] ?? '';
        const marks = (svg.match(/<use [^>]*class="tl-mark[^"]*(supports|weakens)/g) ?? []).length;
        expect(marks, `${lab} ${drawing}`).toBeGreaterThan(0);
        expect(rows, `${lab} ${drawing}`).toBe(marks);
      }
    }
  });
});

describe("a lab page's repeated items", () => {
  const rubric = JSON.parse(read('/rubric.json')) as {
    labs: { id: string }[];
    evidence: { id: string; summary: string }[];
  };
  const summaryOf = new Map(rubric.evidence.map((item) => [item.id, item.summary]));

  it('name the item by the start of its summary and link to it in full above, not by a source and the event date', () => {
    let lines = 0;
    for (const { id } of rubric.labs) {
      const html = readPage(`/labs/${id}/`);
      for (const [, target, text] of html.matchAll(/<li>\s*<a href="#evidence-([^"]+)">([^<]*)<\/a>/g)) {
        lines += 1;
        const summary = summaryOf
          .get(target!)!
          .replace(/&/g, '&amp;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;');
        const start = text!.replace(/…$/, '');
        expect(summary.startsWith(start), `${id}: ${text}`).toBe(true);
        expect(start.length, `${id}: ${text}`).toBeGreaterThan(40);
        expect(html.indexOf(`id="evidence-${target}"`), `${id}: ${target}`).toBeLessThan(html.indexOf(text!));
      }
    }
    expect(lines).toBeGreaterThan(0);
  });
});

describe("an analogy page's evidence lines", () => {
  const full = JSON.parse(read('/rubric.json')) as {
    analogies: { id: string }[];
    evidence: { id: string; date: string; summary: string }[];
  };
  const itemById = new Map(full.evidence.map((item) => [item.id, item]));

  it("lead with the event's date and say what the item is about, in the start of its summary, under the direction it bears", async () => {
    const { formatDate } = await import('../../src/data/format');
    const asHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
    let lines = 0;
    for (const { id } of full.analogies) {
      const html = readPage(`/analogies/${id}/`);
      for (const [, target, text] of html.matchAll(
        /<li id="evidence-([^"]+)">(?:<span [^>]*><\/span>)*\s*<a [^>]*>([^<]*)<\/a>/g,
      )) {
        lines += 1;
        const item = itemById.get(target!)!;
        const [date, start] = [text!.slice(0, text!.indexOf(': ')), text!.slice(text!.indexOf(': ') + 2)];
        expect(date, `${id}: ${target}`).toBe(formatDate(item.date));
        // The start of the summary, whole words, at least a few of them.
        const words = start.replace(/…$/, '');
        expect(asHtml(item.summary).startsWith(words), `${id}: ${target}: ${start}`).toBe(true);
        expect(words.length, `${id}: ${target}`).toBeGreaterThanOrEqual(20);
      }
      // Each lab's lines come under a heading saying which way they bear.
      for (const [, heading] of html.matchAll(
        /<p class="meta">([^<]*)<\/p><ul class="meta evidence-links">/g,
      ))
        expect(heading).toMatch(/^(Supporting|Weakening) \(\d+\):$/);
    }
    expect(lines).toBeGreaterThan(100);
  });
});
