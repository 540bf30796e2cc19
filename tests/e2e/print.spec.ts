import { expect, test, waitForIslands } from './fixtures';

/** A4 is 210 mm wide: 794 CSS px, of which Chromium's default margins leave about 718 for the page's content. */
const A4_CONTENT_WIDTH = 718;

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('the essay prints as a clean article, its citations showing their source addresses', async ({
  page,
}) => {
  await page.goto('/essay/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.toc')).toBeVisible();
  await expect(page.locator('.analogy-scores').first()).toBeHidden();
  const printedSource = page.locator('section#incorrigibility .cite .print-only').first();
  await expect(printedSource).toBeVisible();
  await expect(printedSource).toContainText('https://');
});

test('the scorecard prints as a one-page table', async ({ page }) => {
  await page.goto('/scorecard/');
  await waitForIslands(page);
  await page
    .getByRole('combobox', { name: /score for OpenAI$/ })
    .first()
    .selectOption('3');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pageCount(pdf)).toBe(1);
});

test.describe('at A4 width', () => {
  test.use({ viewport: { width: A4_CONTENT_WIDTH, height: 1000 } });

  for (const path of ['/essay/', '/analogies/opacity/', '/labs/openai/', '/method/', '/scorecard/']) {
    test(`${path} prints within the page: long source addresses wrap instead of running off it`, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      await page.goto(path);
      const overflowing = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 60)}`);
      });
      expect(overflowing).toEqual([]);
    });
  }

  test('the essay prints its contents as an open list and no copy-link button', async ({ page }) => {
    await page.goto('/essay/');
    await page.emulateMedia({ media: 'print' });
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc.getByRole('link', { name: 'Conclusion' })).toBeVisible();
    for (const button of await page.locator('.copy-link').all()) await expect(button).toBeHidden();
  });
});
