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

  test("the printed matrix shows each level whole, in its cell's colours, and leaves unscored cells blank", async ({
    page,
  }) => {
    await page.goto('/scorecard/');
    await waitForIslands(page);
    await page.getByRole('combobox', { name: 'Opacity score for OpenAI', exact: true }).selectOption('0');
    await page.getByRole('combobox', { name: 'Deception score for Meta', exact: true }).selectOption('4');
    await page.emulateMedia({ media: 'print' });
    const look = (name: string) =>
      page.getByRole('combobox', { name, exact: true }).evaluate((select: HTMLSelectElement) => {
        const style = getComputedStyle(select);
        // The option's text, measured as the select draws it: it must fit inside the select.
        const probe = document.createElement('span');
        probe.textContent = select.selectedOptions[0]!.textContent;
        probe.style.fontSize = style.fontSize;
        probe.style.fontFamily = style.fontFamily;
        probe.style.fontWeight = style.fontWeight;
        probe.style.whiteSpace = 'pre';
        document.body.append(probe);
        const textWidth = probe.getBoundingClientRect().width;
        probe.remove();
        return {
          fits: textWidth <= select.clientWidth,
          widths: [textWidth, select.clientWidth],
          color: style.color,
          cellColor: getComputedStyle(select.closest('td')!).color,
          background: style.backgroundColor,
          border: style.borderTopWidth,
        };
      });
    const zero = await look('Opacity score for OpenAI');
    expect(zero.fits, JSON.stringify(zero.widths)).toBe(true);
    expect(zero.border).toBe('0px');
    expect(zero.background).toBe('rgba(0, 0, 0, 0)');
    const full = await look('Deception score for Meta');
    expect(full.color).toBe(full.cellColor);
    expect((await look('Opacity score for Meta')).color).toBe('rgba(0, 0, 0, 0)');
    // Storage advice is for the screen: the section it points to is not printed.
    await expect(page.locator('.where-scores-live')).toBeHidden();
  });

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

test.describe('printed from a device in the dark scheme', () => {
  test.use({ colorScheme: 'dark' });

  for (const path of ['/scorecard/', '/analogies/opacity/', '/essay/']) {
    test(`${path} prints in the light scheme's colours, none of the dark panels left on the paper`, async ({
      page,
    }) => {
      await page.goto(path);
      await waitForIslands(page);
      // The dark scheme's page, panel and cell backgrounds (global.css), as the browser writes them.
      const darkBackgrounds = await page.evaluate(() =>
        ['--bg', '--panel', '--h0'].map((name) => {
          const probe = document.createElement('div');
          probe.style.backgroundColor = `var(${name})`;
          document.body.append(probe);
          const color = getComputedStyle(probe).backgroundColor;
          probe.remove();
          return color;
        }),
      );
      await page.emulateMedia({ media: 'print' });
      const dark = await page.evaluate(
        (colors) =>
          [document.body, ...document.querySelectorAll('main *')]
            .filter((el) => el.checkVisibility() && colors.includes(getComputedStyle(el).backgroundColor))
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        darkBackgrounds,
      );
      expect(dark).toEqual([]);
      // The text is dark on the white paper, not the dark scheme's light text.
      const text = await page.evaluate(() => getComputedStyle(document.body).color);
      for (const channel of text.match(/\d+/g)!.slice(0, 3)) expect(Number(channel), text).toBeLessThan(80);
    });
  }
});
