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
    test(`${path} prints within the page: long source addresses wrap instead of running off it`, async ({
      page,
    }) => {
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

test("the printed scorecard carries each cell's confidence and note, the date and the page address", async ({
  page,
}) => {
  // Scored where the controls are all in view (the scorecard folds confidence and notes away).
  await page.goto('/analogies/opacity/');
  await waitForIslands(page);
  await page.getByRole('combobox', { name: 'Opacity score for OpenAI', exact: true }).selectOption('3');
  await page.getByRole('combobox', { name: 'Confidence in Opacity score for OpenAI' }).selectOption('high');
  const note = page.getByRole('textbox', { name: 'Note on Opacity for OpenAI' });
  await note.fill('Model cards thin since 2023');
  await note.blur();
  await page.goto('/scorecard/');
  await waitForIslands(page);
  await page.emulateMedia({ media: 'print' });
  const record = page.locator('.print-record');
  await expect(record).toBeVisible();
  await expect(record).toContainText(
    'OpenAI, Opacity: 3 Strong, high confidence. Model cards thin since 2023',
  );
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  const [year, month, day] = today.split('-').map(Number);
  const monthName = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  await expect(record).toContainText(`Printed on ${day} ${monthName} ${year} from http`);
  await expect(record).toContainText(/from https?:\/\/[^ ]+\/scorecard\//);
  await page.emulateMedia({ media: 'screen' });
  await expect(record).toBeHidden();
});
