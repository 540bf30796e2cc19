import { builtPages, expect, test, waitForIslands } from './fixtures';

const pages = builtPages();

test.describe('every page', () => {
  for (const path of pages) {
    test(`${path} loads, hydrates and scrolls with no error, CSP violation or request to another origin`, async ({
      page,
      problems,
    }) => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await waitForIslands(page);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(problems.errors, `errors on ${path}`).toEqual([]);
      expect(problems.foreignRequests, `requests to other origins from ${path}`).toEqual([]);
    });
  }

  test('an unknown address gets the 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });
  for (const path of pages) {
    test(`${path} does not scroll sideways at 375 px`, async ({ page }) => {
      await page.goto(path);
      await waitForIslands(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test('an analogy page puts the essay and the rubric card side by side from 1024 px, stacked below', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/analogies/opacity/');
  const article = page.locator('main article');
  const aside = page.locator('main aside');
  const [a, b] = [await article.boundingBox(), await aside.boundingBox()];
  expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
  await page.setViewportSize({ width: 800, height: 900 });
  const [c, d] = [await article.boundingBox(), await aside.boundingBox()];
  expect(d!.y).toBeGreaterThanOrEqual(c!.y + c!.height - 1);
});

test('without JavaScript the rubric still reads and the page says scoring needs JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/analogies/deception/');
  await expect(page.getByRole('heading', { name: 'Scoring question' })).toBeVisible();
  // Playwright's text locators skip <noscript>, so the note is found by its class.
  await expect(page.locator('.noscript-note')).toContainText('Scoring needs JavaScript');
  await expect(page.locator('.noscript-note')).toBeVisible();
  await page.goto('/scorecard/');
  await expect(page.locator('.noscript-note')).toContainText('Scoring needs JavaScript');
  await expect(page.getByRole('table', { name: /scoring question/ })).toBeVisible();
  await context.close();
});
