/**
 * The site works under a sub-path: it is built again with BASE_PATH=/labs-alignment/
 * into dist-base/, and every internal address on every page must carry the base and
 * lead to a file of that build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, attributeValues, decodeEntities, fileIn, pagePathsIn } from './dist';

const ROOT = join(import.meta.dirname, '../..');
const BASE = '/labs-alignment/';
const OUT = join(ROOT, 'dist-base');
const SITE_URL = (process.env['SITE_URL'] ?? 'http://127.0.0.1:4321').replace(/\/$/, '');

let pages: string[] = [];
const htmlCache = new Map<string, string>();
const idsCache = new Map<string, Set<string>>();

function html(page: string): string {
  let text = htmlCache.get(page);
  if (text === undefined) {
    const file = fileIn(OUT, page);
    if (file === null) throw new Error(`no page ${page} in dist-base`);
    text = readFileSync(file, 'utf8');
    htmlCache.set(page, text);
  }
  return text;
}

function idsOf(page: string): Set<string> {
  let ids = idsCache.get(page);
  if (ids === undefined) {
    ids = new Set(attributeValues(html(page), 'id'));
    idsCache.set(page, ids);
  }
  return ids;
}

/** The content of the <meta> whose name or property is `key`. */
function metaContent(text: string, key: string): string | undefined {
  const tag = [...text.matchAll(/<meta\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`property="${key}"`) || t.includes(`name="${key}"`));
  const content = tag === undefined ? undefined : /\scontent="([^"]*)"/.exec(tag)?.[1];
  return content === undefined ? undefined : decodeEntities(content);
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const result = astroBuild(ROOT, { BASE_PATH: BASE, OUT_DIR: 'dist-base' });
  if (result.status !== 0) throw new Error(`the build under ${BASE} failed:\n${result.output}`);
  pages = pagePathsIn(OUT);
});

describe('the site works under a sub-path', () => {
  it('builds every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(18);
    for (const page of [
      '/',
      '/essay/',
      '/scorecard/',
      '/method/',
      '/analogies/opacity/',
      '/labs/openai/',
      '/404.html',
    ]) {
      expect(pages).toContain(page);
    }
  });

  it('every internal href and src starts with the base path and leads to a file of the build', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = html(page);
      for (const href of [...attributeValues(text, 'href'), ...attributeValues(text, 'src')]) {
        if (/^(https?|mailto|data):/i.test(href) || href.startsWith('#')) continue;
        if (!href.startsWith(BASE)) {
          broken.push(`${page}: ${href} does not start with ${BASE}`);
          continue;
        }
        const path = '/' + href.slice(BASE.length);
        if (fileIn(OUT, path) === null) broken.push(`${page}: ${href} leads to no file`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every fragment, on the same page or another, names an id its target page has', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const href of attributeValues(html(page), 'href')) {
        const hash = href.indexOf('#');
        if (hash === -1 || /^(https?|mailto|data):/i.test(href)) continue;
        const fragment = decodeURIComponent(href.slice(hash + 1));
        if (fragment === '') continue;
        const target = hash === 0 ? page : '/' + href.slice(BASE.length, hash);
        if (hash !== 0 && !href.startsWith(BASE)) continue; // reported by the test above
        const file = fileIn(OUT, target);
        if (file === null || !file.endsWith('.html')) continue; // reported by the test above
        checked += 1;
        if (!idsOf(target).has(fragment))
          broken.push(`${page}: ${href} names an anchor that ${target} does not have`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('canonical URLs and preview images include the base path', () => {
    const wrong: string[] = [];
    for (const page of pages) {
      const text = html(page);
      const canonical = /<link rel="canonical" href="([^"]*)"/.exec(text)?.[1];
      const image = metaContent(text, 'og:image');
      const ogUrl = metaContent(text, 'og:url');
      if (canonical === undefined || !canonical.startsWith(`${SITE_URL}${BASE}`))
        wrong.push(`${page}: canonical ${String(canonical)}`);
      if (ogUrl === undefined || !ogUrl.startsWith(`${SITE_URL}${BASE}`))
        wrong.push(`${page}: og:url ${String(ogUrl)}`);
      if (image === undefined || !image.startsWith(`${SITE_URL}${BASE}`))
        wrong.push(`${page}: og:image ${String(image)}`);
      else if (fileIn(OUT, '/' + image.slice(`${SITE_URL}${BASE}`.length)) === null)
        wrong.push(`${page}: og:image ${image} is not in the build`);
    }
    expect(wrong).toEqual([]);
  });

  it('the islands load their scripts from under the base path', () => {
    const wrong: string[] = [];
    for (const page of pages) {
      const text = html(page);
      for (const url of [
        ...attributeValues(text, 'component-url'),
        ...attributeValues(text, 'renderer-url'),
      ]) {
        if (!url.startsWith(BASE) || fileIn(OUT, '/' + url.slice(BASE.length)) === null)
          wrong.push(`${page}: ${url}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
