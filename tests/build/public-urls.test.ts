import { describe, expect, it } from 'vitest';
import { allFiles, distDir, pagePaths, readPage, attributeValues } from './dist';
import { relative, sep } from 'node:path';
import {
  ANALOGY_SLUGS,
  ESSAY_SECTION_IDS,
  FROZEN_EVIDENCE_ANCHORS,
  FROZEN_FILES,
  FROZEN_PAGES,
  LAB_SLUGS,
} from './frozen-urls';

describe('the public URL list', () => {
  it('every frozen page is in the build', () => {
    for (const page of FROZEN_PAGES) expect(pagePaths, `missing page ${page}`).toContain(page);
  });

  it('no page exists that the frozen list does not name (add it to the list on purpose)', () => {
    expect(pagePaths.filter((p) => !FROZEN_PAGES.includes(p))).toEqual([]);
  });

  it('rubric.json, robots.txt, the sitemap and the favicon are in the build', () => {
    const files = allFiles.map((f) => '/' + relative(distDir, f).split(sep).join('/'));
    for (const file of FROZEN_FILES) expect(files).toContain(file);
  });

  it('the essay keeps one element per section, with the frozen ids, in order', () => {
    const html = readPage('/essay/');
    const sectionIds = [...html.matchAll(/<section id="([^"]+)" class="essay-section[ "]/g)].map((m) => m[1]);
    expect(sectionIds).toEqual(ESSAY_SECTION_IDS);
  });

  it('each analogy page has an anchor for every lab, and each lab page one for every analogy', () => {
    for (const slug of ANALOGY_SLUGS) {
      const ids = attributeValues(readPage(`/analogies/${slug}/`), 'id');
      for (const lab of LAB_SLUGS) expect(ids, `/analogies/${slug}/#${lab}`).toContain(lab);
    }
    for (const lab of LAB_SLUGS) {
      const ids = attributeValues(readPage(`/labs/${lab}/`), 'id');
      for (const slug of ANALOGY_SLUGS) expect(ids, `/labs/${lab}/#${slug}`).toContain(slug);
    }
  });

  it('every evidence anchor ever published still lands on its page, merged items included', () => {
    const missing = FROZEN_EVIDENCE_ANCHORS.filter((url) => {
      const [page = '', fragment = ''] = url.split('#');
      return !attributeValues(readPage(page), 'id').includes(fragment);
    });
    expect(missing).toEqual([]);
  });

  it("no evidence anchor is published that the frozen list does not name (add a new item's on purpose)", () => {
    const published = ANALOGY_SLUGS.flatMap((slug) =>
      attributeValues(readPage(`/analogies/${slug}/`), 'id')
        .filter((id) => id.startsWith('evidence-'))
        .map((id) => `/analogies/${slug}/#${id}`),
    );
    expect(published.filter((url) => !FROZEN_EVIDENCE_ANCHORS.includes(url))).toEqual([]);
  });
});
