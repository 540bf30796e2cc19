import type { Page } from '@playwright/test';
import { axeViolations, expect, rubric, test, waitForIslands } from './fixtures';

/** The reading path (issue 9: defects 6, 8, 9, 17) as readers use it, on a phone and a laptop, light and dark. */

const VIEWPORTS = [
  { width: 375, height: 740 },
  { width: 1280, height: 900 },
] as const;

async function expectNoAxeViolation(page: Page, state: string, exclude?: string) {
  const violations = await axeViolations(page, exclude === undefined ? {} : { exclude });
  expect(violations.map((v) => `${state} ${v}`)).toEqual([]);
}

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("without JavaScript the home page leads with the site's reading as a ranked table, then one primary action", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  const table = page.getByRole('table', { name: /^The site's reading/ });
  await expect(table).toBeVisible();
  // One row per lab, each with its rank, six levels and the mean they give.
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(rubric.labs.length);
  await expect(table.getByRole('columnheader')).toHaveCount(rubric.analogies.length + 3);
  await expect(rows.first().locator('td').first()).toHaveText(/^=?1$/);
  await expect(rows.first().locator('td.aggregate')).toHaveText(/^[0-4]\.\d\d$/);
  const means = await rows.locator('td.aggregate').allTextContents();
  expect(means.map(Number)).toEqual(means.map(Number).toSorted((a, b) => b - a));
  // One primary action, after the reading and before the reader's own card.
  const action = page.getByRole('link', { name: 'Score the labs yourself' });
  await expect(action).toHaveCount(1);
  const order = await page.evaluate(() => {
    const y = (el: Element | null) => el!.getBoundingClientRect().top;
    return [
      y(document.querySelector('table')),
      y([...document.querySelectorAll('a')].find((a) => a.textContent === 'Score the labs yourself')!),
      y(document.querySelector('#your-scorecard')),
    ];
  });
  expect(order).toEqual(order.toSorted((a, b) => a - b));
  await context.close();
});

for (const viewport of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`at ${viewport.width} px, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test('the home page shows the whole reading and a tappable primary action, with no sideways scroll or axe violation', async ({
        page,
      }) => {
        await page.goto('/');
        const table = page.getByRole('table', { name: /^The site's reading/ });
        const box = (await table.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        const action = (await page.getByRole('link', { name: 'Score the labs yourself' }).boundingBox())!;
        expect(action.height).toBeGreaterThanOrEqual(44);
        await waitForIslands(page);
        // The reader's card (.glance) is the scorecard island's, whose phone layout defect 5 of issue 9 rebuilds.
        await expectNoAxeViolation(
          page,
          `/ ${viewport.width} ${colorScheme}`,
          viewport.width < 400 ? '.glance' : undefined,
        );
      });
    });
  }
}

const ANALOGY = 'deception';
const analogyTitle = () => rubric.analogies.find((a) => a.id === ANALOGY)!.title;

test('an analogy page summarises its essay section and links to it instead of repeating it', async ({
  page,
}) => {
  await page.goto('/essay/');
  const paragraphs = await page.locator(`section#${ANALOGY} .prose > p:not(.meta)`).allTextContents();
  expect(paragraphs.length).toBeGreaterThan(2);
  await page.goto(`/analogies/${ANALOGY}/`);
  const text = await page.locator('main').innerText();
  for (const paragraph of paragraphs) expect(text).not.toContain(paragraph.trim().slice(0, 80));
  await page
    .getByRole('link', { name: `Read the essay's section on ${analogyTitle().toLowerCase()}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/essay/#${ANALOGY}$`));
});

for (const viewport of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`an analogy page at ${viewport.width} px, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test("keeps the site's reading folded above an unscored control until the reader opens it", async ({
        page,
      }) => {
        test.slow(); // six islands to hydrate and an axe run over a long page
        await page.goto(`/analogies/${ANALOGY}/`);
        await waitForIslands(page);
        for (const lab of rubric.labs) {
          const card = page.locator(`section#${lab.id}`);
          await expect(
            card.getByRole('combobox', { name: `${analogyTitle()} score for ${lab.name}`, exact: true }),
          ).toHaveValue('');
          await expect(card.locator('.site-reading p')).toBeHidden();
        }
        const openai = page.locator('section#openai');
        await openai.getByText("The site's reading").click();
        await expect(openai.locator('.site-reading p')).toBeVisible();
        await expect(openai.locator('.site-reading p')).toContainText(/^[0-4] /);
        await openai
          .getByRole('combobox', { name: `${analogyTitle()} score for OpenAI`, exact: true })
          .selectOption('4');
        await expectNoAxeViolation(page, `analogy ${viewport.width} ${colorScheme}, reading open, scored 4`);
        // The disclosure's state is what it shows: after scoring, the reading stays as the reader left
        // it, and an open one closes again when its summary is clicked (issue 9 review).
        const meta = page.locator('section#meta');
        await meta
          .getByRole('combobox', { name: `${analogyTitle()} score for Meta`, exact: true })
          .selectOption('1');
        await expect(meta.locator('.site-reading p')).toBeHidden();
        await expect(meta.locator('details.site-reading')).not.toHaveAttribute('open');
        await meta.getByText("The site's reading").click();
        await expect(meta.locator('.site-reading p')).toBeVisible();
        await meta.getByText("The site's reading").click();
        await expect(meta.locator('.site-reading p')).toBeHidden();
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      });

      test('has the level descriptors at hand for every score control', async ({ page }) => {
        await page.goto(`/analogies/${ANALOGY}/`);
        await waitForIslands(page);
        const levels = page.locator(`#levels-${ANALOGY} > li`);
        await expect(levels).toHaveCount(5);
        for (const lab of rubric.labs) {
          const control = page.getByRole('combobox', {
            name: `${analogyTitle()} score for ${lab.name}`,
            exact: true,
          });
          await control.scrollIntoViewIfNeeded();
          if (viewport.width >= 1024) {
            // Beside the control, all five levels in view at once.
            await expect(control).toBeInViewport();
            for (const level of await levels.all()) await expect(level).toBeInViewport();
          } else {
            // On a phone, one tap from the control to the levels, and the control is thumb-sized.
            const box = (await control.boundingBox())!;
            expect(box.height).toBeGreaterThanOrEqual(44);
            const link = page
              .locator(`section#${lab.id}`)
              .getByRole('link', { name: 'What each level means' });
            await expect(link).toHaveAttribute('href', `#levels-${ANALOGY}`);
          }
        }
        if (viewport.width < 1024) {
          await page.locator('section#meta').getByRole('link', { name: 'What each level means' }).click();
          await expect(levels.first()).toBeInViewport();
        }
      });
    });
  }
}

test('at 1280 px an analogy page leaves no large empty column beside the scoring', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/analogies/${ANALOGY}/`);
  const mainBox = (await page.locator('main').boundingBox())!;
  // Sample the whole two-column part of the page: both columns hold something at every height.
  const layout = (await page.locator('.analogy-layout').boundingBox())!;
  for (let y = layout.y + 50; y < layout.y + layout.height - 400; y += 300) {
    await page.evaluate((top) => window.scrollTo(0, top - 200), y);
    const filled = await page.evaluate(
      ({ left, right }) => {
        // Three heights 30 px apart: one may fall in the gap between two sections.
        const probe = (x: number) =>
          [200, 230, 260].some((y) => {
            const el = document.elementFromPoint(x, y);
            return el !== null && el.closest('.card, article, .analogy-main > section') !== null;
          });
        return [probe(left + 100), probe(right - 100)];
      },
      { left: mainBox.x, right: mainBox.x + mainBox.width },
    );
    expect(filled, `at y=${y}`).toEqual([true, true]);
  }
});

for (const viewport of VIEWPORTS) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`a lab page at ${viewport.width} px, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test('opens with a strip of its six readings that jump to each analogy', async ({ page }) => {
        await page.goto('/labs/openai/');
        const strip = page.getByRole('navigation', { name: /^The site's reading of OpenAI/ });
        const links = strip.getByRole('link');
        await expect(links).toHaveCount(rubric.analogies.length);
        for (const [i, analogy] of rubric.analogies.entries()) {
          await expect(links.nth(i)).toHaveAttribute('href', `#${analogy.id}`);
          await expect(links.nth(i)).toHaveText(new RegExp(`^[0-4]${analogy.title}: `));
        }
        await expect(strip).toBeInViewport();
        await links.nth(4).click();
        await expect(page.locator(`section#${rubric.analogies[4]!.id} h2`)).toBeInViewport();
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      });

      test("folds each analogy's reading, as the analogy pages do, until the reader opens it", async ({
        page,
      }) => {
        await page.goto('/labs/openai/');
        await waitForIslands(page);
        for (const analogy of rubric.analogies) {
          await expect(page.locator(`section#${analogy.id} .site-reading p`).first()).toBeHidden();
        }
        const first = page.locator(`section#${rubric.analogies[0]!.id}`);
        await first.getByText("The site's reading").click();
        await expect(first.locator('.site-reading p').first()).toContainText(/^[0-4] /);
        await first.getByText("The site's reading").click();
        await expect(first.locator('.site-reading p').first()).toBeHidden();
      });

      test("puts each analogy's level descriptors right by its score control, with no axe violation", async ({
        page,
      }) => {
        test.slow(); // six islands to hydrate and an axe run over a long page
        await page.goto('/labs/openai/');
        await waitForIslands(page);
        for (const analogy of rubric.analogies) {
          const section = page.locator(`section#${analogy.id}`);
          const levels = section.locator('ol.levels > li');
          await expect(levels).toHaveCount(5);
          const control = section.getByRole('combobox', {
            name: `${analogy.title} score for OpenAI`,
            exact: true,
          });
          const [list, box] = [
            (await section.locator('ol.levels').boundingBox())!,
            (await control.boundingBox())!,
          ];
          // Directly above the control, in the same column.
          expect(box.y - (list.y + list.height)).toBeLessThan(48);
          expect(Math.abs(box.x - list.x)).toBeLessThan(24);
          if (viewport.width >= 1024) {
            // Beside the text at 1280 px, so the text keeps a readable measure and no column sits empty.
            const prose = (await section.locator('.prose').boundingBox())!;
            expect(box.x).toBeGreaterThan(prose.x + prose.width);
            expect(prose.width).toBeLessThanOrEqual(720);
          }
        }
        await expectNoAxeViolation(page, `/labs/openai/ ${viewport.width} ${colorScheme}`);
      });
    });
  }
}

test.describe('the smaller things readers noticed', () => {
  test('a heading shows its "#" and "Copy link" on hover and on focus, not all the time', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/essay/');
    const heading = page.locator('section#incorrigibility .section-heading');
    const hash = heading.getByRole('link', { name: 'Link to this section' });
    const copy = heading.getByRole('button', { name: 'Copy link' });
    await expect(hash).toHaveCSS('opacity', '0');
    await expect(copy).toHaveCSS('opacity', '0');
    await heading.hover();
    await expect(hash).toHaveCSS('opacity', '1');
    await expect(copy).toHaveCSS('opacity', '1');
    await page.mouse.move(0, 0);
    await expect(hash).toHaveCSS('opacity', '0');
    await hash.focus();
    await expect(hash).toHaveCSS('opacity', '1');
    await expect(copy).toHaveCSS('opacity', '1');
  });

  test('the table of contents marks the section being read from the first moment', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/essay/');
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect(toc.getByRole('link', { name: 'Introduction' })).toHaveAttribute('aria-current', 'true');
    await expect(toc.locator('a[aria-current]')).toHaveCount(1);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`on a phone (${colorScheme}) the header is the site's name on one line and the links evenly on the next`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 375, height: 740 });
      for (const path of ['/', '/analogies/opacity/', '/labs/google-deepmind/']) {
        await page.goto(path);
        const nav = page.getByRole('navigation', { name: 'Site', exact: true });
        const brand = (await nav.getByRole('link', { name: "The Labs' Alignment Problem" }).boundingBox())!;
        const tops = await nav
          .locator('li a')
          .evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
        expect(tops.length).toBeGreaterThanOrEqual(5);
        expect(new Set(tops).size, `${path}: the links share one line`).toBe(1);
        expect(tops[0]!).toBeGreaterThanOrEqual(brand.y + brand.height);
      }
    });
  }

  test('the 404 page lists the labs as well as the analogies', async ({ page }) => {
    await page.goto('/no-such-page/');
    for (const lab of rubric.labs) {
      await expect(page.getByRole('link', { name: lab.name, exact: true })).toHaveAttribute(
        'href',
        `/labs/${lab.id}/`,
      );
    }
  });

  test('the footer links only to pages a person can read', async ({ page }) => {
    await page.goto('/');
    const hrefs = await page
      .getByRole('contentinfo')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => h!.endsWith('.xml'))).toEqual([]);
  });
});
