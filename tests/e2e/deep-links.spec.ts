import { expect, rubric, test } from './fixtures';

const SECTION_IDS = ['introduction', ...rubric.analogies.map((a) => a.id), 'disanalogies', 'conclusion'];

for (const width of [390, 1280]) {
  test.describe(`at ${width} px wide`, () => {
    test.use({ viewport: { width, height: width < 600 ? 800 : 900 } });

    for (const id of SECTION_IDS) {
      test(`/essay/#${id} lands with the heading in view, below the sticky header, and highlighted`, async ({
        page,
      }) => {
        await page.goto(`/essay/#${id}`);
        const section = page.locator(`section#${id}`);
        const heading = section.getByRole('heading', { level: 2 }).first();
        await expect(heading).toBeInViewport();
        const headerBottom = await page.locator('.site-header').evaluate((h) => {
          const style = getComputedStyle(h);
          return style.position === 'sticky' ? h.getBoundingClientRect().bottom : 0;
        });
        const top = await heading.evaluate((h) => h.getBoundingClientRect().top);
        expect(top).toBeGreaterThanOrEqual(headerBottom - 1);
        // Landed at once, near the top: not mid-way through a scroll animation.
        expect(top).toBeLessThan(page.viewportSize()!.height / 3);
        await expect(heading).toHaveCSS('background-color', /rgb\((255, 241, 184|74, 63, 16)\)/);
      });
    }

    test('an analogy page lands on a lab, and a lab page on an analogy', async ({ page }) => {
      await page.goto('/analogies/power-seeking/#meta');
      await expect(page.locator('section#meta').getByRole('heading', { name: 'Meta' })).toBeInViewport();
      await page.goto('/labs/anthropic/#deception');
      await expect(page.locator('section#deception').getByRole('heading', { level: 2 })).toBeInViewport();
    });

    test('an essay citation leads to its evidence item in full on a lab page, and the item to its sources', async ({
      page,
    }) => {
      await page.goto('/essay/#opacity');
      const citation = page.locator('section#opacity .cite a').first();
      const href = await citation.getAttribute('href');
      expect(href).toMatch(/^\/labs\/[a-z-]+\/#evidence-/);
      await citation.click();
      const item = page.locator(`li${new URL(href!, 'http://x').hash}`);
      await expect(item).toBeInViewport();
      await expect(item.locator('.sources a').first()).toHaveAttribute('href', /^https:\/\//);
    });
  });
}

test('on a phone the table of contents is collapsed at the top and opens on demand', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/essay/');
  const toc = page.getByRole('navigation', { name: 'Table of contents' });
  const link = toc.getByRole('link', { name: rubric.analogies[2]!.title });
  await expect(link).toBeHidden();
  await toc.getByText('Contents').click();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/#opacity$/);
});

test('on a wide screen the table of contents stays beside the text and marks the section being read', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/essay/');
  const toc = page.getByRole('navigation', { name: 'Table of contents' });
  await expect(toc.getByRole('link', { name: 'Conclusion' })).toBeVisible();
  await page.locator('section#deception h2').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 200);
  await expect(toc.getByRole('link', { name: 'Deception' })).toHaveAttribute('aria-current', 'true');
  await expect(toc).toBeInViewport();
});

test('each essay heading links to itself and offers to copy that link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/essay/');
  const section = page.locator('section#incorrigibility');
  await expect(section.getByRole('link', { name: 'Link to this section' })).toHaveAttribute(
    'href',
    '#incorrigibility',
  );
  await section.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/essay\/#incorrigibility$/);
});

test('an evidence anchor published before items were merged still lands on its analogy page, and leads to the item', async ({
  page,
}) => {
  // openai-recapitalization-conditions-2025 was merged into openai-recapitalization-2025; its address must keep working.
  await page.goto('/analogies/incorrigibility/#evidence-openai-recapitalization-conditions-2025');
  const line = page.locator('li#evidence-openai-recapitalization-2025');
  await expect(line).toBeInViewport();
  await line.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/evidence\/#openai-recapitalization-2025$/);
  await expect(page.locator('li#openai-recapitalization-2025 .sources a').first()).toHaveAttribute(
    'href',
    /^https:\/\//,
  );
});
