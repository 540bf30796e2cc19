import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basePath, decodeEntities, fileFor, pagePaths, readPage } from './dist';
import { ANALOGY_SLUGS, LAB_SLUGS } from './frozen-urls';

const SITE_URL = (process.env['SITE_URL'] ?? 'http://127.0.0.1:4321').replace(/\/$/, '');
const POST_URL =
  'https://www.lesswrong.com/posts/fpws8WNo6Mp4KsQjH/analogies-between-scaling-labs-and-misaligned';
const POST_TITLE = 'Analogies between scaling labs and misaligned superintelligent AI';

const ANALOGY_PAGES = ANALOGY_SLUGS.map((slug) => `/analogies/${slug}/`);
const LAB_PAGES = LAB_SLUGS.map((slug) => `/labs/${slug}/`);
/** Pages that each have a preview image of their own. */
const PAGES_WITH_OWN_OG_IMAGE = [
  ...ANALOGY_PAGES,
  ...LAB_PAGES,
  '/',
  '/essay/',
  '/scorecard/',
  '/evidence/',
  '/changes/',
];

/** The attributes of every tag of one name, entities decoded. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))].map((m) =>
    Object.fromEntries(
      [...m[1]!.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((a) => [
        a[1]!.toLowerCase(),
        decodeEntities(a[2] ?? ''),
      ]),
    ),
  );
}

/** The content of every <meta> whose name or property is `key`. */
function metaValues(html: string, key: string): string[] {
  return tags(html, 'meta')
    .filter((t) => t['name'] === key || t['property'] === key)
    .map((t) => t['content'] ?? '');
}

/** The content of the one <meta> named `key`; fails if there is none or more than one. */
function meta(html: string, key: string, page: string): string {
  const values = metaValues(html, key);
  expect(values, `${page}: <meta ${key}>`).toHaveLength(1);
  return values[0]!;
}

function canonicalOf(html: string, page: string): string {
  const links = tags(html, 'link').filter((t) => (t['rel'] ?? '').split(/\s+/).includes('canonical'));
  expect(links, `${page}: canonical links`).toHaveLength(1);
  return links[0]!['href'] ?? '';
}

/** The text a reader sees: no tags, scripts or styles, entities decoded, spaces collapsed. */
function visibleText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  )
    return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Maps an absolute URL on this site to its file in dist, or null. */
function fileForUrl(url: string): string | null {
  const parsed = new URL(url);
  if (parsed.origin !== new URL(SITE_URL).origin || !parsed.pathname.startsWith(basePath + '/')) return null;
  return fileFor(parsed.pathname.slice(basePath.length));
}

describe('page metadata', () => {
  it('the build has the pages these checks expect', () => {
    for (const page of PAGES_WITH_OWN_OG_IMAGE) expect(pagePaths).toContain(page);
  });

  it.each(pagePaths)('%s has one non-empty <title> and one meta description', (page) => {
    const html = readPage(page);
    // Only the head's: an SVG drawing may hold <title> elements of its own (the timelines' tooltips).
    const head = html.slice(0, html.indexOf('</head>'));
    const titles = [...head.matchAll(/<title>([\s\S]*?)<\/title>/g)].map((m) => m[1]!.trim());
    expect(titles).toHaveLength(1);
    expect(titles[0]).not.toBe('');
    expect(meta(html, 'description', page).trim().length).toBeGreaterThanOrEqual(20);
  });

  it.each(pagePaths)(
    '%s has a canonical URL made of the site URL, the base path and its own path, and og:url equal to it',
    (page) => {
      const html = readPage(page);
      const canonical = canonicalOf(html, page);
      expect(canonical).toBe(`${SITE_URL}${basePath}${page}`);
      expect(meta(html, 'og:url', page)).toBe(canonical);
    },
  );

  it.each(pagePaths)('%s has og:title, og:description and a large-image Twitter card', (page) => {
    const html = readPage(page);
    expect(meta(html, 'og:title', page).trim()).not.toBe('');
    expect(meta(html, 'og:description', page).trim().length).toBeGreaterThanOrEqual(20);
    expect(meta(html, 'twitter:card', page)).toBe('summary_large_image');
  });

  it.each(pagePaths)('%s has an og:image that is an absolute URL to a 1200x630 PNG in the build', (page) => {
    const html = readPage(page);
    const image = meta(html, 'og:image', page);
    expect(image).toMatch(/^https?:\/\//);
    expect(image.startsWith(`${SITE_URL}${basePath}/`), `${image} is not under ${SITE_URL}${basePath}/`).toBe(
      true,
    );
    const file = fileForUrl(image);
    expect(file, `${page}: ${image} is not in the build`).not.toBeNull();
    expect(pngSize(readFileSync(file!)), `${page}: ${image}`).toEqual({ width: 1200, height: 630 });
  });

  it('each analogy page, lab page, the home page, the essay and the scorecard has a preview image of its own', () => {
    const images = PAGES_WITH_OWN_OG_IMAGE.map((page) => {
      const image = metaValues(readPage(page), 'og:image')[0] ?? '';
      return new URL(image, SITE_URL).pathname.split('/').pop();
    });
    expect(new Set(images).size).toBe(PAGES_WITH_OWN_OG_IMAGE.length);
  });
});

describe('the essay', () => {
  const html = readPage('/essay/');

  function articleData(): Record<string, unknown> {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]!) as Record<string, unknown>,
    );
    const articles = blocks.filter((b) => b['@type'] === 'Article');
    expect(articles).toHaveLength(1);
    return articles[0]!;
  }

  it('describes itself in JSON-LD as an Article based on the LessWrong post', () => {
    const article = articleData();
    const basedOn = article['isBasedOn'] as Record<string, unknown> | undefined;
    expect(basedOn?.['url']).toBe(POST_URL);
  });

  it('gives dateModified in JSON-LD and the same day, visibly, as "Last updated"', () => {
    const modified = articleData()['dateModified'];
    expect(modified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const day = new Date(`${String(modified)}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(visibleText(mainOf(html))).toContain(`Last updated ${day}`);
    expect(html).toMatch(new RegExp(`Last updated <time datetime="${String(modified)}"`));
  });
});

describe('the method page', () => {
  it('has a "Cite this page" block with a plain-text citation and a BibTeX @misc entry', () => {
    const html = readPage('/method/');
    const start = html.search(/<h2[^>]*>Cite this page/);
    expect(start, 'no "Cite this page" heading').toBeGreaterThan(0);
    const block = html.slice(start, html.indexOf('</main>', start));
    const codes = [...block.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((m) =>
      decodeEntities(m[1]!).trim(),
    );
    const bibtex = codes.filter((c) => c.startsWith('@misc{'));
    const plain = codes.filter((c) => !c.startsWith('@'));
    expect(bibtex).toHaveLength(1);
    expect(bibtex[0]).toMatch(/\btitle\s*=\s*\{.+\}/);
    expect(bibtex[0]).toMatch(/\byear\s*=\s*\{\d{4}\}/);
    expect(bibtex[0]).toContain(`${SITE_URL}${basePath}/`);
    expect(bibtex[0]!.trim().endsWith('}')).toBe(true);
    expect(plain).toHaveLength(1);
    expect(plain[0]).toContain("The Labs' Alignment Problem");
    expect(plain[0]).toContain(`${SITE_URL}${basePath}/`);
    expect(visibleText(block)).toMatch(/Plain text/i);
    expect(visibleText(block)).toMatch(/BibTeX/);
  });
});

describe('crediting the original post', () => {
  it.each(['/essay/', '/method/', ...ANALOGY_PAGES])(
    '%s links to the LessWrong post and names it in its main content',
    (page) => {
      const main = mainOf(readPage(page));
      const links = tags(main, 'a').filter((a) => a['href'] === POST_URL);
      expect(links.length).toBeGreaterThanOrEqual(1);
      expect(visibleText(main)).toContain(POST_TITLE);
    },
  );
});
