import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { everyCellScored, expect, levelOfCell, rubric, test, waitForIslands } from './fixtures';

const expectedLevel = new Map<string, string>(
  rubric.labs.flatMap((lab, l) =>
    rubric.analogies.map((a, i) => [`${a.title} score for ${lab.name}`, String(levelOfCell(l, i))]),
  ),
);

/**
 * Hydrates the page's islands one by one, each only once the one before it has hydrated, so
 * the last ones start long after the saved card was read: the case in which islands used to
 * keep their server-rendered "Unscored".
 */
async function hydrateOneByOne(page: Page): Promise<void> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let i = 0; i < count; i += 1) {
    const island = islands.nth(i);
    // astro-island is display: contents, so scroll its first child into view.
    await island.locator('> *').first().scrollIntoViewIfNeeded();
    await expect(island).not.toHaveAttribute('ssr');
  }
}

/** Every score control on the page, by accessible name, with the level it shows. */
async function shownLevels(page: Page): Promise<[string, string][]> {
  return page
    .locator('select.level-select')
    .evaluateAll((selects) =>
      (selects as HTMLSelectElement[]).map((s) => [
        s.getAttribute('aria-label') ?? s.closest('label')?.querySelector('span')?.textContent ?? '?',
        s.value,
      ]),
    );
}

const pages = [
  ...rubric.labs.map((lab) => `/labs/${lab.id}/`),
  ...rubric.analogies.map((a) => `/analogies/${a.id}/`),
  '/essay/',
];

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const path of pages) {
      test(`every score control on ${path} shows the saved level, however late it hydrates`, async ({
        page,
      }) => {
        await page.addInitScript((value) => {
          if (sessionStorage.getItem('seeded') === null) {
            localStorage.setItem('labs-alignment.scorecard', value);
            sessionStorage.setItem('seeded', '1');
          }
        }, JSON.stringify(everyCellScored));
        await page.goto(path);
        await hydrateOneByOne(page);
        const shown = await shownLevels(page);
        expect(shown.length).toBeGreaterThan(0);
        for (const [name, value] of shown) expect(value, name).toBe(expectedLevel.get(name));
      });
    }
  });
}

/**
 * Saves `saved` before the first page opens (once: a reload keeps what the page saved since) and
 * holds the page's scripts back until the returned function is called, as a slow phone network
 * does, so that the reader acts on the server's controls before the islands take them over.
 */
async function holdScriptsWithSaved(page: Page, saved: object): Promise<() => void> {
  await page.addInitScript((value) => {
    if (sessionStorage.getItem('seeded') === null) {
      localStorage.setItem('labs-alignment.scorecard', value);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(saved));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('a pick made before its control hydrates is kept, and the rest of the saved card with it', async ({
  page,
}) => {
  const saved = {
    ...everyCellScored,
    card: { cells: { meta: { deception: { level: 3, at: 1 } } }, weights: {} },
  };
  const release = await holdScriptsWithSaved(page, saved);
  await page.goto('/analogies/opacity/');
  const control = page.getByRole('combobox', { name: 'Opacity score for OpenAI', exact: true });
  await control.selectOption('2');
  await expect(page.locator('astro-island[ssr]').first()).toBeAttached();
  release();
  await hydrateOneByOne(page);
  await expect(control).toHaveValue('2');
  await page.goto('/labs/meta/');
  await hydrateOneByOne(page);
  await expect(page.getByRole('combobox', { name: 'Deception score for Meta', exact: true })).toHaveValue(
    '3',
  );
  await page.goto('/labs/openai/');
  await hydrateOneByOne(page);
  await expect(page.getByRole('combobox', { name: 'Opacity score for OpenAI', exact: true })).toHaveValue(
    '2',
  );
});

test('a note typed before its control hydrates is kept and saved, with the saved level', async ({ page }) => {
  const saved = {
    ...everyCellScored,
    card: { cells: { openai: { opacity: { level: 3, at: 1 } } }, weights: {} },
  };
  const release = await holdScriptsWithSaved(page, saved);
  await page.goto('/analogies/opacity/');
  const note = page.getByRole('textbox', { name: 'Note on Opacity for OpenAI', exact: true });
  await note.fill('typed before the page was ready');
  await expect(page.locator('astro-island[ssr]').first()).toBeAttached();
  release();
  await hydrateOneByOne(page);
  await expect(page.getByRole('combobox', { name: 'Opacity score for OpenAI', exact: true })).toHaveValue(
    '3',
  );
  await expect(note).toHaveValue('typed before the page was ready');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('labs-alignment.scorecard')))
    .toContain('"note":"typed before the page was ready"');
  await page.reload();
  await hydrateOneByOne(page);
  await expect(note).toHaveValue('typed before the page was ready');
});

test('a saved value that is almost a scorecard is set aside and offered for download, not read as an empty card', async ({
  page,
}) => {
  // The first prototype's shape with "cells" of the wrong type: once silently migrated into an empty card.
  const almost = '{"cells":"none"}';
  await page.goto('/scorecard/');
  await waitForIslands(page);
  await page.evaluate((value) => localStorage.setItem('labs-alignment.scorecard', value), almost);
  await page.reload();
  await waitForIslands(page);
  await expect(page.getByRole('alert').filter({ hasText: 'A copy is kept' })).toContainText('"cells"');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the unreadable copy' }).click(),
  ]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(almost);
});

test('a pick made as its control scrolls into view and hydrates is saved', async ({ page }) => {
  await page.goto('/analogies/opacity/');
  const controls = page.locator('select.level-select');
  const count = await controls.count();
  // Slow the page's scripts as a mid-range phone would, so the pick lands while the island hydrates.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const picks: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const level = String(i % 5);
    await controls.nth(i).scrollIntoViewIfNeeded();
    await controls.nth(i).selectOption(level);
    picks.push(level);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await waitForIslands(page);
  await page.reload();
  await waitForIslands(page);
  expect(await controls.evaluateAll((s) => (s as HTMLSelectElement[]).map((x) => x.value))).toEqual(picks);
});
