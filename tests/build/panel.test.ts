import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { attributeValues, fileFor, gzipSize, pagePaths, readPage, toSitePath } from './dist';

/** The JS files a page fetches before the reader acts: island components, renderers, and their static imports. */
function filesLoadedBy(page: string): Map<string, number> {
  const html = readPage(page);
  const queue = [...attributeValues(html, 'component-url'), ...attributeValues(html, 'renderer-url')]
    .map((href) => toSitePath(href, page)!)
    .filter(Boolean);
  const files = new Map<string, number>();
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (files.has(path)) continue;
    const code = readFileSync(fileFor(path)!, 'utf8');
    files.set(path, gzipSize(code));
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+)["']/g))
      queue.push(new URL(m[1]!, `http://site.test${path}`).pathname);
  }
  return files;
}

const PANEL_CODE = /\/(Panel|PanelResults|panel|panel-[a-z]+|krippendorff)\.[\w-]+\.js$/;

describe('the panel page', () => {
  it('loads within the 15 KB gzipped budget before the reader acts, statistics left for the first build', () => {
    const files = filesLoadedBy('/panel/');
    const total = [...files.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(15 * 1024);
    expect(
      [...files.keys()].filter((f) => /panel-assemble|PanelResults|share-decode|exchange/.test(f)),
    ).toEqual([]);
  });

  it("is the only page whose JavaScript includes the panel's code", () => {
    const leaks = pagePaths
      .filter((page) => page !== '/panel/')
      .flatMap((page) =>
        [...filesLoadedBy(page).keys()].filter((f) => PANEL_CODE.test(f)).map((f) => `${page}: ${f}`),
      );
    expect(leaks).toEqual([]);
  });

  it('is in the sitemap, linked from the scorecard, and explained on the method page', () => {
    const sitemap = readFileSync(fileFor('/sitemap-0.xml')!, 'utf8');
    expect(sitemap).toMatch(/<loc>[^<]*\/panel\/<\/loc>/);
    expect(readPage('/scorecard/')).toMatch(/<a href="[^"]*\/panel\/">Pool scorecards in a panel<\/a>/);
    expect(readPage('/method/')).toContain('id="panel-statistics"');
    expect(readPage('/panel/')).toMatch(/href="[^"]*\/method\/#panel-statistics"/);
  });
});
