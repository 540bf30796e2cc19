import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { pagePathsIn } from '../../src/integrations/built-site';
import { shareFragmentFromHash } from '../../src/rubric/codec';
import { decodeShare } from '../../src/rubric/share-decode';
import type { RubricFrame, Scorecard } from '../../src/rubric/types';

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

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 AA violations on the page as it is now, one line each: the rule and its nodes. */
export async function axeViolations(page: Page, options: { exclude?: string } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG_22_AA);
  if (options.exclude !== undefined) builder.exclude(options.exclude);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits until the islands on the page have hydrated: Astro removes the `ssr` attribute when one has. */
export async function waitForIslands(page: Page): Promise<void> {
  // Islands hydrate when they become visible, so read the page to the end as a reader would.
  // (astro-island is display: contents, so it cannot be scrolled into view itself.)
  // Each island is waited for while it is in view: one scrolled past within a frame may never be seen
  // as visible, as happens to the last lab card of an analogy page when the evidence list follows it.
  const islands = page.locator('astro-island');
  for (let i = 0; i < (await islands.count()); i += 1) {
    const view = islands.nth(i).locator('> *:first-child');
    // An island hidden on screen (what only print shows) hydrates when idle instead.
    if (await view.isVisible()) await view.scrollIntoViewIfNeeded();
    await expect(islands.nth(i)).not.toHaveAttribute('ssr');
  }
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** The reader's saved scorecard, straight from localStorage. */
export async function savedScorecard(page: Page): Promise<unknown> {
  // The page writes just after the frame that shows an edit: wait for that frame, then a task.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return page.evaluate(() => {
    const raw = localStorage.getItem('labs-alignment.scorecard');
    return raw === null ? null : JSON.parse(raw);
  });
}

/** The level of every cell in `everyCellScored`: each of 0-4 in use, in a pattern a test can recompute. */
export const levelOfCell = (labIndex: number, analogyIndex: number) => (labIndex + analogyIndex) % 5;

/** A saved card with every cell scored, as a reader who filled in the whole card has it in storage. */
export const everyCellScored = {
  schemaVersion: 1,
  savedAt: '2026-11-27T00:00:00.000Z',
  card: {
    cells: Object.fromEntries(
      rubric.labs.map((lab, l) => [
        lab.id,
        Object.fromEntries(rubric.analogies.map((a, i) => [a.id, { level: levelOfCell(l, i), at: 1 }])),
      ]),
    ),
    weights: {},
  },
};

/** Names as the rubric gives them, for finding controls by their accessible names. */
export const title = (analogy: string) => rubric.analogies.find((a) => a.id === analogy)!.title;
export const labName = (lab: string) => rubric.labs.find((l) => l.id === lab)!.name;

/** A cell's score select on the scorecard or an analogy or lab page. */
export const scoreControl = (page: Page, analogy: string, lab: string) =>
  page.getByRole('combobox', { name: `${title(analogy)} score for ${labName(lab)}`, exact: true });
/** The summary that opens a cell's note and confidence. */
export const detailsOf = (page: Page, analogy: string, lab: string) =>
  page.locator('summary', { hasText: `and confidence: ${title(analogy)}, ${labName(lab)}` });
export const noteOf = (page: Page, analogy: string, lab: string) =>
  page.getByRole('textbox', { name: `Note on ${title(analogy)} for ${labName(lab)}` });

/** /scorecard/ (with a share fragment, if given), once its islands have hydrated. */
export async function openScorecard(page: Page, hash = ''): Promise<void> {
  await page.goto(`/scorecard/${hash}`);
  await waitForIslands(page);
}

/**
 * The scorecard page's share link, once it holds what `holds` looks for. The page makes the link
 * just after the frame that shows an edit, so a link read straight after an edit can be one edit
 * behind: on a busy machine it was, and a test shared a card without its last weight (issue 14).
 */
export async function shareLinkHolding(page: Page, holds: (card: Scorecard) => boolean): Promise<string> {
  const field = page.getByRole('textbox', { name: 'Share link' });
  const holding = (link: string) => {
    const fragment = link === '' ? null : shareFragmentFromHash(new URL(link).hash);
    // rubric.json is the frame the site encodes links with; the type above names only what tests read.
    const result = fragment === null ? null : decodeShare(fragment, rubric as unknown as RubricFrame);
    return result !== null && result.ok && holds(result.card);
  };
  await expect
    .poll(async () => holding(await field.inputValue()), { message: 'the share link holds the card' })
    .toBe(true);
  return field.inputValue();
}

/** A cell's level on a card. */
export const levelOn = (card: Scorecard, lab: string, analogy: string) =>
  card.cells[lab]?.[analogy]?.level ?? null;
