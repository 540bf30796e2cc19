import { describe, expect, it } from 'vitest';
import { attributeValues, basePath, distDir, gzipSize, pagePaths, readPage } from './dist';
import { inlineScripts, runnableScriptCount, scriptsOf } from '../../src/integrations/built-site';

/** RFC 6928: a new connection's first round trip carries about 14,600 bytes; we keep to 14 KiB. */
export const FIRST_ROUND_TRIP = 14 * 1024;
export const JS_BUDGET = 15 * 1024;
/** Pages that hold no island ship no JavaScript at all. */
const PAGES_WITHOUT_ISLANDS = ['/method/', '/404.html', '/analogies/', '/labs/'];

/**
 * The budget counts the JavaScript a page requests as it loads. Astro's inline island loader
 * (about 2 KB gzipped) travels inside the HTML and is counted in the HTML's first-round-trip
 * budget instead; chunks loaded only when the reader acts (export, import, a shared card) are not
 * counted.
 */
export const requestedJs = (page: string) =>
  [...scriptsOf(distDir, `${basePath}/`, page).eager.values()].reduce((a, b) => a + b, 0);

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

  it('/evidence/ ships at most 4 KB of gzipped JavaScript, its inline script included (issue 12)', () => {
    const inline = inlineScripts(readPage('/evidence/')).reduce((sum, code) => sum + gzipSize(code), 0);
    expect(inline + requestedJs('/evidence/')).toBeLessThanOrEqual(4 * 1024);
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
