import { describe, expect, it } from 'vitest';
import { attributeValues, basePath, fileFor, pagePaths, readPage, toSitePath } from './dist';
import { readFileSync } from 'node:fs';

const idsCache = new Map<string, Set<string>>();
function idsOf(sitePath: string): Set<string> {
  let ids = idsCache.get(sitePath);
  if (ids === undefined) {
    ids = new Set(attributeValues(readPage(sitePath), 'id'));
    idsCache.set(sitePath, ids);
  }
  return ids;
}

describe('link integrity', () => {
  it('every internal link and fragment on every page resolves', () => {
    const broken: string[] = [];
    for (const page of pagePaths) {
      const html = readPage(page);
      const hrefs = [...attributeValues(html, 'href'), ...attributeValues(html, 'src')];
      for (const href of hrefs) {
        const target = toSitePath(href, page);
        if (target === null) continue;
        if (target.startsWith('!outside-base:')) {
          broken.push(`${page}: ${href} is outside the base path "${basePath}/"`);
          continue;
        }
        const [path = '', fragment] = target.split('#');
        const file = fileFor(path);
        if (file === null) {
          broken.push(`${page}: ${href} leads to no file`);
          continue;
        }
        if (
          fragment !== undefined &&
          fragment !== '' &&
          file.endsWith('.html') &&
          !idsOf(path).has(decodeURIComponent(fragment))
        ) {
          broken.push(`${page}: ${href} names an anchor that ${path} does not have`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('no id appears twice on a page', () => {
    const duplicates: string[] = [];
    for (const page of pagePaths) {
      const seen = new Set<string>();
      for (const id of attributeValues(readPage(page), 'id')) {
        if (seen.has(id)) duplicates.push(`${page}#${id}`);
        seen.add(id);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('the sitemap lists every page but the 404, under the site URL and base path', () => {
    const index = readFileSync(fileFor('/sitemap-index.xml')!, 'utf8');
    const sitemapUrls = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
      new URL(m[1]!).pathname.slice(basePath.length),
    );
    const listed = sitemapUrls.flatMap((p) =>
      [...readFileSync(fileFor(p)!, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
        new URL(m[1]!).pathname.slice(basePath.length),
      ),
    );
    expect(listed.sort()).toEqual(pagePaths.filter((p) => p !== '/404.html'));
  });
});
