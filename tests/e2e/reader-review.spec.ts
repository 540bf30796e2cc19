/**
 * What first-time readers tripped over on the scorecard and the reading path (issue 9, the
 * review of 2026-11-27), checked in the states they put the pages in, at 375 and 1280 px.
 */
import type { Page } from '@playwright/test';
import { encodeShare } from '../../src/rubric/codec';
import { emptyScorecard, setLevel, setNote } from '../../src/rubric/scorecard';
import type { Level, RubricFrame } from '../../src/rubric/types';
import {
  axeViolations,
  detailsOf,
  expect,
  labName,
  openScorecard,
  rubric,
  scoreControl,
  test,
  title,
  waitForIslands,
} from './fixtures';

/** How much of a select's chosen label is cut off, in px: its text's width beyond the room the select gives it. */
const clippedBy = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((selects) =>
    (selects as HTMLSelectElement[]).map((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      // Chromium draws its arrow in the last 20 px of the box, inside the padding.
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - Math.max(parseFloat(style.paddingRight), 20);
      return { text, over: Math.ceil(context.measureText(text).width - room) };
    }),
  );

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 375 ? 740 : 900 } });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${colorScheme}: every level's whole label fits its select, and level 0 has a colour of its own`, async ({
        page,
      }) => {
        await page.emulateMedia({ colorScheme });
        await openScorecard(page);
        for (const level of ['0', '1', '2', '3', '4'])
          await scoreControl(page, 'opacity', rubric.labs[Number(level)]!.id).selectOption(level);
        const cut = (await clippedBy(page, '.matrix .level-select')).filter((s) => s.over > 0);
        expect(cut).toEqual([]);
        const background = (selector: string) =>
          page
            .locator(selector)
            .first()
            .evaluate((el) => getComputedStyle(el).backgroundColor);
        const zero = await background('.matrix td.level-0');
        const unscored = await background('.matrix tbody td:not([class*="level-"]):not(.aggregate)');
        const page_ = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(zero).not.toBe(unscored);
        expect(zero).not.toBe(page_);
        expect(zero).not.toBe('rgba(0, 0, 0, 0)');
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test('the phone ranking puts name and bar on one line; "Aggregate" is one word on the laptop', async ({
      page,
    }) => {
      await openScorecard(page);
      for (const analogy of rubric.analogies) {
        await scoreControl(page, analogy.id, 'google-deepmind').selectOption('2');
        await scoreControl(page, analogy.id, 'openai').selectOption('3');
      }
      const row = page.locator('.ranking li', { hasText: 'OpenAI' });
      const [name, meter, figures] = await Promise.all(
        ['.rank-name', 'meter', '.rank-score'].map((s) => row.locator(s).boundingBox()),
      );
      // The bar sits beside the name, the figures below both, as wide as the two together.
      expect(Math.abs(meter!.y + meter!.height / 2 - (name!.y + name!.height / 2))).toBeLessThan(
        name!.height,
      );
      expect(figures!.y).toBeGreaterThanOrEqual(name!.y + name!.height - 1);
      if (width === 375) expect(figures!.width).toBeGreaterThan(200);
      const header = page.locator('.matrix thead tr').first().locator('th').last();
      await expect(header).toHaveText('Aggregate');
      const lines = await header.evaluate((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      if (width === 1280) expect(lines).toBe(1);
    });

    test('targets: file input at least 24 px, phone Details 44 px, the open note box comfortable; labels in one family', async ({
      page,
    }) => {
      await openScorecard(page);
      const file = await page.getByLabel('Import scores').boundingBox();
      expect(file!.height).toBeGreaterThanOrEqual(24);
      const details = detailsOf(page, 'opacity', 'meta');
      const summary = await details.boundingBox();
      expect(summary!.height).toBeGreaterThanOrEqual(width === 375 ? 44 : 24);
      await details.click();
      const note = page.getByRole('textbox', { name: `Note on ${title('opacity')} for ${labName('meta')}` });
      const [box, card] = await Promise.all([
        note.boundingBox(),
        page.locator('.matrix tbody tr', { hasText: 'Meta' }).boundingBox(),
      ]);
      if (width === 375) {
        // The open cell takes the card's whole width, and the box holds several lines.
        expect(box!.width).toBeGreaterThan(card!.width * 0.8);
        expect(box!.height).toBeGreaterThanOrEqual(100);
      }
      const families = await page
        .locator('.share-export label, .matrix label')
        .evaluateAll((labels) => [...new Set(labels.map((l) => getComputedStyle(l).fontFamily))]);
      expect(families).toHaveLength(1);
      expect(families[0]).toBe(
        await page
          .getByRole('button', { name: 'Export CSV' })
          .evaluate((b) => getComputedStyle(b).fontFamily),
      );
    });

    test('a shared card offers Compare only to a reader with scores of their own', async ({ page }) => {
      await openScorecard(page, '#share=v1.oaop4de3');
      const shared = page.getByRole('region', { name: 'A shared scorecard' });
      await expect(shared).toContainText(
        'You have no scores of your own yet, so there is nothing to compare them with.',
      );
      await expect(shared.getByRole('button', { name: 'Compare with mine' })).toHaveCount(0);
      await shared.getByRole('button', { name: 'Close shared scorecard' }).click();
      // Not back to the start of the page: on to the reader's own scores, which take the panel's place.
      await expect(page.getByRole('heading', { name: 'Your scores', exact: true })).toBeFocused();
      await expect(page.getByRole('heading', { name: 'Your scores', exact: true })).toBeInViewport();
      await scoreControl(page, 'opacity', 'openai').selectOption('1');
      await openScorecard(page, '#share=v1.oaop4de3');
      await page.reload();
      await waitForIslands(page);
      await page.getByRole('button', { name: 'Compare with mine' }).click();
      await expect(page.getByRole('table', { name: /side by side/ })).toContainText('2 cells differ');
    });

    test("a shared card's buttons come before its heatmap and notes, the comparison just below them", async ({
      page,
    }) => {
      const frame: RubricFrame = {
        labs: rubric.labs.map(({ id, key, name }) => ({ id, key, name })),
        analogies: rubric.analogies.map(({ id, key, title: name }) => ({ id, key, name })),
      };
      // A whole card with a note in every cell: on a phone, several screens of heatmap and notes.
      let card = emptyScorecard();
      for (const [l, lab] of frame.labs.entries())
        for (const [a, analogy] of frame.analogies.entries()) {
          card = setLevel(card, lab.id, analogy.id, ((l + a) % 5) as Level);
          card = setNote(
            card,
            lab.id,
            analogy.id,
            `Why ${lab.name} gets this on ${analogy.name}, in a sentence or two.`,
          );
        }
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('1');
      await page.goto(`/scorecard/#${encodeShare(card, frame)}`);
      await page.reload();
      await waitForIslands(page);
      const shared = page.getByRole('region', { name: 'A shared scorecard' });
      const compare = shared.getByRole('button', { name: 'Compare with mine' });
      const top = (await shared.getByRole('heading', { name: 'A shared scorecard' }).boundingBox())!.y;
      expect((await compare.boundingBox())!.y - top).toBeLessThan(page.viewportSize()!.height);
      await compare.click();
      const table = page.getByRole('table', { name: /side by side/ });
      const below = (await table.boundingBox())!.y - (await compare.boundingBox())!.y;
      expect(below).toBeGreaterThan(0);
      expect(below).toBeLessThan(page.viewportSize()!.height);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('exports are named for the site and dated', async ({ page }) => {
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('1');
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      for (const format of ['CSV', 'JSON']) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `Export ${format}` }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(
          `labs-alignment-scorecard-${today}.${format.toLowerCase()}`,
        );
      }
    });

    test('the essay’s score tables and the home glance fit the page without scrolling sideways', async ({
      page,
    }) => {
      await openScorecard(page);
      for (const analogy of rubric.analogies) await scoreControl(page, analogy.id, 'meta').selectOption('2');
      await scoreControl(page, 'opacity', 'xai').selectOption('4');
      await page.goto('/');
      await waitForIslands(page);
      const glance = page.locator('.glance .table-wrap');
      expect(await glance.evaluate((box) => box.scrollWidth <= box.clientWidth + 1)).toBe(true);
      // A lab scored on one cell comes after the ranked ones and says so.
      await expect(page.locator('.glance tbody tr').last()).not.toContainText('xAI');
      await expect(page.locator('.glance tr', { hasText: 'xAI' })).toContainText(
        'on only 1 of 6 cells, not ranked',
      );
      await page.goto('/essay/');
      await waitForIslands(page);
      const overflowing = await page
        .locator('.analogy-scores')
        .evaluateAll((boxes) => boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).length);
      expect(overflowing).toBe(0);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      const cut = (await clippedBy(page, '.analogy-scores .level-select')).filter((s) => s.over > 0);
      expect(cut).toEqual([]);
    });
  });
}

test('the home page shows the saved scorecard at a glance without being scrolled to', async ({ page }) => {
  await openScorecard(page);
  await scoreControl(page, 'opacity', 'openai').selectOption('3');
  await scoreControl(page, 'deception', 'meta').selectOption('1');
  await page.goto('/');
  // No scrolling: the glance must be right by the time the reader gets to it.
  const status = page.locator('.glance [role="status"]');
  await expect(status).toHaveText(
    'You have scored 2 of 42 cells. Open your scorecard'.replace(
      '42',
      String(rubric.labs.length * rubric.analogies.length),
    ),
  );
  await expect(page.locator('.glance td.level-3')).toHaveText('3');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

/** The contrast ratio between a select's text and the first opaque background behind it. */
const selectContrast = (page: Page, analogy: string, lab: string) =>
  scoreControl(page, analogy, lab).evaluate((select) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const linear = [r!, g!, b!].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
    };
    let behind: Element | null = select;
    let background = '';
    while (behind !== null) {
      background = getComputedStyle(behind).backgroundColor;
      const parts = rgb(background);
      if (parts.length === 3 || parts[3] === 1) break;
      behind = behind.parentElement;
    }
    const a = luminance(rgb(getComputedStyle(select).color));
    const b = luminance(rgb(background));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme}: every level's score box keeps 4.5:1 contrast on a lab page and the scorecard`, async ({
    page,
  }) => {
    test.slow(); // axe over three whole pages
    await page.emulateMedia({ colorScheme });
    for (const path of ['/labs/openai/', '/scorecard/', '/analogies/opacity/']) {
      await page.goto(path);
      await waitForIslands(page);
      for (const level of ['0', '1', '2', '3', '4']) {
        await scoreControl(page, 'opacity', 'openai').selectOption(level);
        expect(
          await selectContrast(page, 'opacity', 'openai'),
          `${path} level ${level}`,
        ).toBeGreaterThanOrEqual(4.5);
      }
      await scoreControl(page, 'opacity', 'openai').selectOption('3');
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}

test('the home glance marks a column weighted 0 as not counting, and unscored cells with a visible dash', async ({
  page,
}) => {
  await openScorecard(page);
  await scoreControl(page, 'opacity', 'openai').selectOption('3');
  await page.getByRole('combobox', { name: `Weight of ${title('deception')}` }).selectOption('0');
  await page.goto('/');
  await waitForIslands(page);
  const glance = page.locator('.glance table');
  await expect(
    glance.locator('thead th', { hasText: `${rubric.analogies.find((a) => a.id === 'deception')!.title}` }),
  ).toContainText('×0');
  await expect(glance.locator('caption')).toContainText('does not count');
  await expect(glance.locator('td.unscored').first()).toContainText('–');
});
