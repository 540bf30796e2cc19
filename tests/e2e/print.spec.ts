import { expect, test, waitForIslands } from './fixtures';

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
