import { expect, rubric, test, waitForIslands } from './fixtures';

const SCORING_PAGES = [
  '/scorecard/',
  `/analogies/${rubric.analogies[0]!.id}/`,
  `/labs/${rubric.labs[0]!.id}/`,
  '/essay/',
];

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 800 } });

  for (const path of SCORING_PAGES) {
    test(`every form control on ${path} is at least 16 px, so iPhone Safari does not zoom on a tap`, async ({
      page,
    }) => {
      await page.goto(path);
      await waitForIslands(page);
      // The scorecard renders a cell's confidence and note only while its details are open.
      const details = page.locator('.matrix details summary').first();
      if ((await details.count()) > 0) await details.click();
      const sizes = await page
        .locator('select, input, textarea')
        .evaluateAll((controls) =>
          controls.map((c) => [
            c.getAttribute('aria-label') ?? c.id ?? c.tagName,
            parseFloat(getComputedStyle(c).fontSize),
          ]),
        );
      expect(sizes.length).toBeGreaterThan(0);
      for (const [name, size] of sizes) expect(size, String(name)).toBeGreaterThanOrEqual(16);
    });
  }
});

for (const path of SCORING_PAGES) {
  test(`${path} says plainly that scores live only in this browser, and where to keep them (on the scorecard: down the page)`, async ({
    page,
  }) => {
    await page.goto(path);
    const note = page.locator('.where-scores-live');
    await expect(note).toContainText('only in this browser');
    await expect(note).toContainText('share link');
    await expect(note).toContainText('export');
    if (path === '/scorecard/') {
      // On the scorecard the notice points down the page to export, not at the page itself.
      const link = note.getByRole('link', { name: 'Share, export, import' });
      await expect(link).toHaveAttribute('href', '#share');
      await expect(note.getByRole('link', { name: 'your scorecard' })).toHaveCount(0);
      await link.click();
      await expect(page.getByRole('heading', { name: 'Share, export, import' })).toBeInViewport();
    } else {
      await expect(note).toContainText('from your scorecard.');
    }
  });
}

test('the first score asks the browser to keep the site storage, once', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { persistCalls: string[] }).persistCalls = calls;
    navigator.storage.persist = async () => {
      calls.push('persist');
      return true;
    };
  });
  await page.goto('/scorecard/');
  await waitForIslands(page);
  const calls = () =>
    page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);
  expect(await calls()).toBe(0);
  const labName = rubric.labs[0]!.name;
  const analogy = rubric.analogies[0]!.title;
  await page
    .getByRole('combobox', { name: `${analogy} score for ${labName}`, exact: true })
    .selectOption('2');
  await expect.poll(calls).toBe(1);
  await page
    .getByRole('combobox', { name: `${analogy} score for ${labName}`, exact: true })
    .selectOption('3');
  await page.getByRole('combobox', { name: `Weight of ${analogy}` }).selectOption('2');
  await expect(page.getByRole('combobox', { name: `Weight of ${analogy}` })).toHaveValue('2');
  expect(await calls()).toBe(1);
});

test('an export stays downloadable for as long as the download sheet is open', async ({ page }) => {
  await page.clock.install();
  await page.addInitScript(() => {
    const revoked: string[] = [];
    (window as unknown as { revoked: string[] }).revoked = revoked;
    const revoke = URL.revokeObjectURL.bind(URL);
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
  });
  await page.goto('/scorecard/');
  await waitForIslands(page);
  for (const format of ['CSV', 'JSON']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Export ${format}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.(csv|json)$/);
  }
  // A reader on an iPhone may leave the sheet open for minutes before saving the file.
  await page.clock.runFor(10 * 60_000);
  expect(await page.evaluate(() => (window as unknown as { revoked: string[] }).revoked)).toEqual([]);
});

test.describe('the essay contents on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('are open beside the text, can be closed and opened with a click, and show their numbers', async ({
    page,
  }) => {
    await page.goto('/essay/');
    const contents = page.locator('.toc details');
    await expect(contents).toHaveAttribute('open', '');
    await expect(page.locator('.toc').getByRole('link').first()).toBeVisible();
    // Where ::details-content is not supported, the summary is what opens the list: it must take clicks.
    await expect(page.locator('.toc summary')).not.toHaveCSS('pointer-events', 'none');
    // List numbers sit inside the scrolling box: WebKit clips any that fall outside it.
    const room = await page.locator('.toc ol').evaluate((ol) => {
      const nav = ol.closest('nav')!.getBoundingClientRect();
      const first = ol.querySelector('li')!.getBoundingClientRect();
      return first.left - nav.left;
    });
    // "9." at the list's font size needs about 1.2em; 1.5em leaves room for "10.".
    const fontSize = await page
      .locator('.toc ol')
      .evaluate((ol) => parseFloat(getComputedStyle(ol).fontSize));
    expect(room).toBeGreaterThanOrEqual(1.5 * fontSize);
  });
});
