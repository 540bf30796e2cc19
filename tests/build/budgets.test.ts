import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { attributeValues, fileFor, gzipSize, pagePaths, readPage, toSitePath } from './dist';
import { inlineScripts, runnableScriptCount } from '../../src/integrations/built-site';

/** RFC 6928: a new connection's first round trip carries about 14,600 bytes; we keep to 14 KiB. */
export const FIRST_ROUND_TRIP = 14 * 1024;
export const JS_BUDGET = 15 * 1024;
/** Pages that hold no island ship no JavaScript at all. */
const PAGES_WITHOUT_ISLANDS = ['/method/', '/404.html', '/analogies/', '/labs/'];

/** Every JS file a page loads: its scripts, island components and renderers, and what they import statically. */
export function javascriptOf(page: string): { files: Map<string, number>; inline: number } {
  const html = readPage(page);
  const entry = [
    ...attributeValues(html, 'component-url'),
    ...attributeValues(html, 'renderer-url'),
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
  ];
  const files = new Map<string, number>();
  const queue = entry.map((href) => toSitePath(href, page)!).filter(Boolean);
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (files.has(path)) continue;
    const file = fileFor(path);
    if (file === null) throw new Error(`${page} loads ${path}, which is not in the build`);
    const code = readFileSync(file, 'utf8');
    files.set(path, gzipSize(code));
    // Static imports are fetched at once; dynamic import() only when used, so they are not counted here.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+)["']/g)) {
      queue.push(new URL(m[1]!, `http://site.test${path}`).pathname);
    }
  }
  const inline = inlineScripts(html)
    .filter((code) => code.trim() !== '')
    .reduce((sum, code) => sum + gzipSize(code), 0);
  return { files, inline };
}

/**
 * The budget counts the JavaScript a page requests, as the issue words it. Astro's
 * inline island loader (about 2 KB gzipped) travels inside the HTML and is counted
 * in the HTML's first-round-trip budget instead.
 */
export const requestedJs = (page: string) =>
  [...javascriptOf(page).files.values()].reduce((a, b) => a + b, 0);

describe('byte budgets', () => {
  it('pages without an island ship no JavaScript', () => {
    for (const page of PAGES_WITHOUT_ISLANDS) {
      expect(runnableScriptCount(readPage(page)), `${page} has a <script>`).toBe(0);
    }
  });

  it(`no page ships more than ${JS_BUDGET} bytes of gzipped JavaScript, the scorecard included`, () => {
    const over = pagePaths.map((p) => [p, requestedJs(p)] as const).filter(([, bytes]) => bytes > JS_BUDGET);
    expect(over).toEqual([]);
  });

  it('every analogy page, critical CSS included, fits in the first round trip', () => {
    const analogyPages = pagePaths.filter((p) => /^\/analogies\/[^/]+\/$/.test(p));
    expect(analogyPages.length).toBeGreaterThanOrEqual(6);
    const over = analogyPages
      .map((p) => [p, gzipSize(readPage(p))] as const)
      .filter(([, bytes]) => bytes > FIRST_ROUND_TRIP);
    expect(over).toEqual([]);
  });

  it('the essay page styles nothing with a separate stylesheet, and its CSS and first section fit in the first round trip', () => {
    const html = readPage('/essay/');
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
    const endOfFirstSection = html.indexOf('</section>') + '</section>'.length;
    expect(endOfFirstSection).toBeGreaterThan(100);
    expect(gzipSize(html.slice(0, endOfFirstSection))).toBeLessThanOrEqual(FIRST_ROUND_TRIP);
  });

  it('no page loads a stylesheet or a script from a separate CSS file or another origin', () => {
    for (const page of pagePaths) {
      const html = readPage(page);
      expect(html, page).not.toMatch(/<link[^>]+rel="stylesheet"/);
      for (const src of attributeValues(html, 'src'))
        expect(src, `${page}: ${src}`).not.toMatch(/^(https?:)?\/\//);
    }
  });
});
