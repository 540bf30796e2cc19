import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { pagePathsIn } from '../../src/integrations/built-site';

/** Every built HTML page, as a site path: the same list the sitemap and the frozen-URL test use. */
export const builtPages = (): string[] => pagePathsIn(process.env['OUT_DIR'] ?? 'dist');

export const rubric = JSON.parse(readFileSync(`${process.env['OUT_DIR'] ?? 'dist'}/rubric.json`, 'utf8')) as {
  analogies: { id: string; title: string; key: string }[];
  labs: { id: string; name: string; key: string }[];
};

/** What went wrong on a page: console errors, uncaught exceptions, CSP violations, requests to other origins. */
export interface PageProblems {
  readonly errors: string[];
  readonly foreignRequests: string[];
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = { errors: [], foreignRequests: [] };
    const origin = new URL(baseURL!).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.errors.push(`exception: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
        problems.foreignRequests.push(url);
    });
    await use(problems);
  },
});

export { expect };

/** Waits until the islands on the page have hydrated: Astro removes the `ssr` attribute when one has. */
export async function waitForIslands(page: Page): Promise<void> {
  // Islands hydrate when they become visible, so read the page to the end as a reader would.
  // (astro-island is display: contents, so it cannot be scrolled into view itself.)
  const islands = page.locator('astro-island > *:first-child');
  for (let i = 0; i < (await islands.count()); i += 1) {
    await islands.nth(i).scrollIntoViewIfNeeded();
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** The reader's saved scorecard, straight from localStorage. */
export async function savedScorecard(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('labs-alignment.scorecard');
    return raw === null ? null : JSON.parse(raw);
  });
}
