import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeEntities, fileFor, readPage } from './dist';
// The public slugs, in display order: the frozen list is their one source.
import { ANALOGY_SLUGS as ANALOGY_ORDER, LAB_SLUGS as REQUIRED_LABS } from './frozen-urls';

const POST_URL =
  'https://www.lesswrong.com/posts/fpws8WNo6Mp4KsQjH/analogies-between-scaling-labs-and-misaligned';
const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** The open-data file, read loosely: every property is checked below rather than trusted. */
type Json = Record<string, unknown>;

const file = fileFor('/rubric.json');
if (file === null) throw new Error('rubric.json is not in the build');
const rubric = JSON.parse(readFileSync(file, 'utf8')) as Json;

const arrayOf = (value: unknown, what: string): Json[] => {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`);
  return value as Json[];
};
const analogies = arrayOf(rubric['analogies'], 'analogies');
const labs = arrayOf(rubric['labs'], 'labs');
const evidence = arrayOf(rubric['evidence'], 'evidence');
const reference = arrayOf(rubric['reference'], 'reference');
const analogyIds = analogies.map((a) => a['id']);
const labIds = labs.map((l) => l['id']);
const evidenceById = new Map(evidence.map((e) => [e['id'], e]));

/** The (lab, analogy) cells an item bears on, as "lab/analogy", read from the file alone. */
const cellsOf = (item: Json): string[] =>
  arrayOf(item['bears'], 'bears').flatMap((bearing) =>
    ((bearing['labs'] ?? item['labs']) as string[]).map((lab) => `${lab}/${String(bearing['analogy'])}`),
  );
/** Bearings on one analogy in one direction, whatever the lab. */
const bearingsIn = (direction: string) =>
  evidence.flatMap((e) => arrayOf(e['bears'], 'bears').filter((b) => b['direction'] === direction));

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** Sentences in a short text: runs ending in . ! or ? followed by a space or the end. */
const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z"“(])/).filter((s) => s.trim() !== '');

describe('/rubric.json', () => {
  it('declares schema version 2, a licence and its source, the LessWrong post', () => {
    expect(rubric['schemaVersion']).toBe(2);
    expect(isNonEmptyString(rubric['license'])).toBe(true);
    const source = rubric['source'] as Json | undefined;
    expect(isNonEmptyString(source?.['title'])).toBe(true);
    expect(source?.['url']).toBe(POST_URL);
  });

  it('has a scale of five labelled levels, 0 to 4', () => {
    const scale = arrayOf(rubric['scale'], 'scale');
    expect(scale.map((s) => s['level'])).toEqual([0, 1, 2, 3, 4]);
    for (const step of scale) expect(isNonEmptyString(step['label']), JSON.stringify(step)).toBe(true);
    expect(new Set(scale.map((s) => s['label'])).size).toBe(5);
  });

  it('lists the six analogies in their fixed order', () => {
    expect(analogyIds).toEqual(ANALOGY_ORDER);
  });

  it.each(ANALOGY_ORDER)(
    'the analogy %s has a title, a question, five level descriptors and disanalogies',
    (id) => {
      const analogy = analogies.find((a) => a['id'] === id)!;
      expect(isNonEmptyString(analogy['title'])).toBe(true);
      expect(analogy['question']).toMatch(/\?$/);
      const levels = analogy['levels'];
      expect(
        Array.isArray(levels) && levels.length === 5 && levels.every(isNonEmptyString),
        'five non-empty levels',
      ).toBe(true);
      const disanalogies = analogy['disanalogies'];
      expect(
        Array.isArray(disanalogies) && disanalogies.length > 0 && disanalogies.every(isNonEmptyString),
        'disanalogies',
      ).toBe(true);
    },
  );

  it('includes the seven labs, each with a name', () => {
    for (const id of REQUIRED_LABS) expect(labIds).toContain(id);
    for (const lab of labs) expect(isNonEmptyString(lab['name']), JSON.stringify(lab)).toBe(true);
    expect(new Set(labIds).size).toBe(labIds.length);
  });

  it('has at least 30 evidence items, with unique ids', () => {
    expect(evidence.length).toBeGreaterThanOrEqual(30);
    expect(evidenceById.size).toBe(evidence.length);
  });

  it('every evidence item is dated, names known labs, bears on known analogies each with a direction, and has a summary and https sources', () => {
    const problems: string[] = [];
    for (const item of evidence) {
      const id = String(item['id']);
      if (!isNonEmptyString(item['id'])) problems.push(`${id}: no id`);
      if (typeof item['date'] !== 'string' || !DATE.test(item['date']))
        problems.push(`${id}: date ${String(item['date'])}`);
      const itemLabs = item['labs'];
      if (!Array.isArray(itemLabs) || itemLabs.length === 0) problems.push(`${id}: no labs`);
      else
        for (const lab of itemLabs)
          if (!labIds.includes(lab)) problems.push(`${id}: unknown lab ${String(lab)}`);
      const bears = item['bears'];
      if (!Array.isArray(bears) || bears.length === 0) problems.push(`${id}: bears on no analogy`);
      else
        for (const bearing of bears as Json[]) {
          if (!analogyIds.includes(bearing['analogy']))
            problems.push(`${id}: unknown analogy ${String(bearing['analogy'])}`);
          if (bearing['direction'] !== 'supports' && bearing['direction'] !== 'weakens')
            problems.push(`${id}: direction ${String(bearing['direction'])}`);
        }
      if (!isNonEmptyString(item['summary'])) problems.push(`${id}: no summary`);
      const sources = item['sources'];
      if (!Array.isArray(sources) || sources.length === 0) {
        problems.push(`${id}: no sources`);
        continue;
      }
      (sources as Json[]).forEach((source, i) => {
        if (!isNonEmptyString(source['publisher'])) problems.push(`${id}: sources[${i}] has no publisher`);
        if (!isNonEmptyString(source['title'])) problems.push(`${id}: sources[${i}] has no title`);
        if (typeof source['date'] !== 'string' || !DATE.test(source['date']))
          problems.push(`${id}: sources[${i}] date ${String(source['date'])}`);
        if (
          typeof source['url'] !== 'string' ||
          !URL.canParse(source['url']) ||
          new URL(source['url']).protocol !== 'https:'
        ) {
          problems.push(`${id}: sources[${i}] url ${String(source['url'])}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('every analogy has evidence concerning at least four of the seven labs', () => {
    const thin = ANALOGY_ORDER.map((analogy) => {
      const covered = new Set(
        evidence
          .flatMap(cellsOf)
          .filter((cell) => cell.endsWith(`/${analogy}`))
          .map((cell) => cell.split('/')[0]),
      );
      return [analogy, REQUIRED_LABS.filter((lab) => covered.has(lab)).length] as const;
    }).filter(([, count]) => count < 4);
    expect(thin).toEqual([]);
  });

  it('at least eight bearings weaken an analogy', () => {
    expect(bearingsIn('weakens').length).toBeGreaterThanOrEqual(8);
  });

  it('every lab has at least 6 supporting and 4 weakening bearings, so that no lab is searched in one direction only', () => {
    const thin = labIds.flatMap((lab) => {
      const count = (direction: string) =>
        evidence.reduce(
          (sum, item) =>
            sum +
            arrayOf(item['bears'], 'bears').filter(
              (b) =>
                b['direction'] === direction &&
                ((b['labs'] ?? item['labs']) as string[]).includes(String(lab)),
            ).length,
          0,
        );
      const [supports, weakens] = [count('supports'), count('weakens')];
      return supports >= 6 && weakens >= 4
        ? []
        : [`${String(lab)}: ${supports} supporting, ${weakens} weakening`];
    });
    expect(thin).toEqual([]);
  });

  it('states how far the evidence reaches: the date of its newest item, beside the date it was last checked', () => {
    const newest = evidence
      .map((e) => String(e['date']))
      .sort()
      .at(-1);
    expect(rubric['evidenceReaches']).toBe(newest);
    expect(rubric['evidenceCheckedOn']).toMatch(DATE);
  });

  it('the reference reading has exactly one entry per lab and analogy', () => {
    const cells = reference.map((r) => `${String(r['lab'])}/${String(r['analogy'])}`);
    const expected = labIds.flatMap((lab) =>
      analogyIds.map((analogy) => `${String(lab)}/${String(analogy)}`),
    );
    expect([...cells].sort()).toEqual([...expected].sort());
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('every reference reading has a level 0-4, a rationale of one to three sentences, what would move it, what was searched, and cites exactly the items bearing on its cell', () => {
    const problems: string[] = [];
    for (const cell of reference) {
      const where = `${String(cell['lab'])}/${String(cell['analogy'])}`;
      if (
        !Number.isInteger(cell['level']) ||
        (cell['level'] as number) < 0 ||
        (cell['level'] as number) > 4
      ) {
        problems.push(`${where}: level ${String(cell['level'])}`);
      }
      const rationale = cell['rationale'];
      if (!isNonEmptyString(rationale)) problems.push(`${where}: no rationale`);
      else {
        const count = sentences(rationale).length;
        if (count < 1 || count > 3) problems.push(`${where}: rationale has ${count} sentences`);
      }
      const ids = cell['evidence'];
      if (!Array.isArray(ids)) {
        problems.push(`${where}: evidence is not a list`);
        continue;
      }
      for (const id of ids) {
        const item = evidenceById.get(id);
        if (item === undefined) problems.push(`${where}: evidence ${String(id)} does not exist`);
        else if (!cellsOf(item).includes(where)) {
          problems.push(`${where}: evidence ${String(id)} bears on ${cellsOf(item).join(', ')}`);
        }
      }
      if (!isNonEmptyString(cell['moves'])) problems.push(`${where}: does not say what would move it`);
      const searched = cell['searched'];
      if (!Array.isArray(searched) || searched.length === 0 || !searched.every(isNonEmptyString))
        problems.push(`${where}: does not record what was searched for and not found`);
      const uncited = evidence.filter((e) => cellsOf(e).includes(where) && !ids.includes(e['id']));
      for (const item of uncited)
        problems.push(`${where}: does not cite ${String(item['id'])}, which bears on it`);
    }
    expect(problems).toEqual([]);
  });

  it('every analogy title and lab name in it appears on /scorecard/', () => {
    const html = readPage('/scorecard/').replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ');
    const text = decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
    const names = [...analogies.map((a) => a['title']), ...labs.map((l) => l['name'])].map(String);
    expect(names.length).toBe(analogies.length + labs.length);
    expect(names.filter((name) => !text.includes(name))).toEqual([]);
  });
});
