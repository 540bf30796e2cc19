import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, rubric, test, waitForIslands } from './fixtures';
import { encodeShare } from '../../src/rubric/codec';
import { toJson } from '../../src/rubric/exchange';
import { emptyScorecard, setLevel } from '../../src/rubric/scorecard';
import { recordScorecard } from '../../src/rubric/stored-merge';
import { LEVELS, type RubricFrame, type Scorecard } from '../../src/rubric/types';
import { workedExampleCards } from '../fixtures/krippendorff-2011';

const frame: RubricFrame = {
  labs: rubric.labs.map(({ id, key, name }) => ({ id, key, name })),
  analogies: rubric.analogies.map(({ id, key, title }) => ({ id, key, name: title })),
};
const shareLink = (card: Scorecard) => `http://127.0.0.1/scorecard/#${encodeShare(card, frame)}`;
const WORKED = workedExampleCards(frame);
const WORKED_LINES = WORKED.map((card, i) => `${['Ana', 'Ben', 'Cleo', 'Dev'][i]}: ${shareLink(card)}`).join(
  '\n',
);

/**
 * Every cell scored, so each card takes about 110 characters of a panel link. The first three
 * cells spell the seed in base 5, so up to 125 seeds give different cards (a panel counts a
 * repeated card once).
 */
const fullCard = (seed: number) =>
  frame.labs.reduce(
    (card, lab, l) =>
      frame.analogies.reduce((c, a, i) => {
        const k = l * frame.analogies.length + i;
        const level = k < 3 ? Math.floor(seed / 5 ** k) % 5 : (seed * 7 + l + i) % 5;
        return setLevel(c, lab.id, a.id, LEVELS[level]!);
      }, card),
    emptyScorecard(),
  );

const links = (page: Page) => page.getByRole('textbox', { name: 'Scorecard links' });
const build = (page: Page) => page.getByRole('button', { name: 'Build panel' }).click();

async function openPanel(page: Page, hash = '') {
  await page.goto(`/panel/${hash}`);
  await waitForIslands(page);
}

async function buildWith(page: Page, text: string) {
  await openPanel(page);
  await links(page).fill(text);
  await build(page);
}

test('the worked example of Krippendorff (2011): four share links in, ordinal alpha 0.815 out', async ({
  page,
  problems,
}) => {
  await buildWith(page, WORKED_LINES);
  await expect(page.getByText("Krippendorff's alpha (ordinal): 0.815", { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Panel built from 4 scorecards.' })).toBeVisible();
  await expect(page.getByText(/rests on 4 raters and 40 scores in the 11 cells/)).toBeVisible();
  await expect(page.getByText('Raters: Ana, Ben, Cleo, Dev.')).toBeVisible();
  // The dot strips are pictures with a text alternative, and a table of the counts under each.
  await expect(
    page.getByRole('img', { name: new RegExp(`^Levels given for ${frame.analogies[0]!.name}`) }),
  ).toBeVisible();
  await expect(
    page.getByRole('table', { name: `${frame.analogies[0]!.name}: how many raters gave each level` }),
  ).toBeVisible();
  expect(problems).toEqual({ errors: [], foreignRequests: [] });
});

test('bad lines are named by number with the reason, the good lines still count, and nothing leaves the textbox', async ({
  page,
}) => {
  const [a, b] = WORKED as [Scorecard, Scorecard];
  const text = [
    shareLink(a),
    'see you on Thursday',
    'http://127.0.0.1/scorecard/#share=v1.zz',
    'http://127.0.0.1/scorecard/#share=v9.oami3',
    shareLink(a),
    shareLink(b),
  ].join('\n');
  await buildWith(page, text);
  const messages = page.locator('#panel-line-problems li');
  await expect(messages).toHaveText([
    /^Line 2: this is not a scorecard link/,
    /^Line 3: This share link is damaged or incomplete/,
    /^Line 4: This scorecard was shared from a different version of this site/,
    /^Line 5: the same scores as line 1 \(Rater 1\), most likely the same link pasted twice/,
  ]);
  await expect(links(page)).toHaveValue(text);
  await expect(links(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(
    page.getByRole('status').filter({
      hasText:
        'Panel built from 2 scorecards. 3 lines or files could not be used, and 1 repeated card was counted once',
    }),
  ).toBeVisible();
  await expect(page.getByText('Raters: Rater 1, Rater 2.')).toBeVisible();
});

test('the same card pasted twice under two names counts once, with a message next to the textbox', async ({
  page,
}) => {
  const [a, b] = WORKED as [Scorecard, Scorecard];
  await buildWith(page, `Alice: ${shareLink(a)}\nBob: ${shareLink(b)}\nAlice again: ${shareLink(a)}`);
  await expect(page.locator('#panel-line-problems li')).toHaveText([
    'Line 3 (Alice again): the same scores as line 1 (Alice), most likely the same link pasted twice, so it was counted once, as Alice.',
  ]);
  await expect(page.getByText('Raters: Alice, Bob.')).toBeVisible();
  await expect(page.getByText(/rests on 2 raters/)).toBeVisible();
});

test('a file from a newer version of the site, and a broken file, are named with the reason; good files count', async ({
  page,
}) => {
  await openPanel(page);
  const newer = toJson(WORKED[0]!, frame).replace('"schemaVersion": 1', '"schemaVersion": 2');
  await page.getByLabel('Add scorecard files').setInputFiles([
    { name: 'ana.json', mimeType: 'application/json', buffer: Buffer.from(toJson(WORKED[0]!, frame)) },
    { name: 'ben.json', mimeType: 'application/json', buffer: Buffer.from(toJson(WORKED[1]!, frame)) },
    { name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(newer) },
    { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('hello,world\n') },
  ]);
  await build(page);
  await expect(page.locator('#panel-other-problems li')).toHaveText([
    /^future\.json: This scorecard was exported from a newer version of this site/,
    /^notes\.csv: This file is not a scorecard CSV from this site/,
  ]);
  await expect(page.getByText('Raters: ana, ben.')).toBeVisible();
});

test('the panel link reopens the same panel, names and the site reading included', async ({
  page,
  context,
}) => {
  await buildWith(page, WORKED_LINES);
  await page.getByRole('checkbox', { name: "Include the site's reading" }).check();
  await build(page);
  await expect(page.getByText("Raters: Ana, Ben, Cleo, Dev, The site's reading.")).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Panel link' }).inputValue();
  expect(link).toMatch(/\/panel\/#panel=p1~s~Ana~v2\./);
  const alpha = await page.locator('.alpha-headline').textContent();

  const other = await context.newPage();
  await other.goto(link);
  await waitForIslands(other);
  await expect(other.getByText("Raters: Ana, Ben, Cleo, Dev, The site's reading.")).toBeVisible();
  await expect(other.locator('.alpha-headline')).toHaveText(alpha!);
  await expect(other.getByRole('checkbox', { name: "Include the site's reading" })).toBeChecked();
  const lines = (await links(other).inputValue()).split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^Ana: http:\/\/127\.0\.0\.1:\d+\/scorecard\/#share=v2\.[^~]+\.~[0-9a-z]+$/);
});

test('a panel link opened on a phone brings the panel into view, with the maker named as when it was built', async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/panel/');
  await page.evaluate(
    (doc) => localStorage.setItem('labs-alignment.scorecard', doc),
    JSON.stringify(recordScorecard(null, setLevel(emptyScorecard(), frame.labs[0]!.id, 'deception', 4), 1)),
  );
  await buildWith(page, WORKED_LINES);
  await page.getByRole('checkbox', { name: /Include mine/ }).check();
  await page.getByRole('checkbox', { name: "Include the site's reading" }).check();
  await build(page);
  await expect(
    page.getByText("Raters: Ana, Ben, Cleo, Dev, Panel maker (your card), The site's reading."),
  ).toBeVisible();
  const link = await page.getByRole('textbox', { name: 'Panel link' }).inputValue();

  const other = await context.newPage();
  await other.setViewportSize({ width: 375, height: 812 });
  await other.goto(link);
  const raters = other.locator('#panel-results');
  await expect(raters).toHaveText("Raters: Ana, Ben, Cleo, Dev, Panel maker, The site's reading.");
  await expect(raters).toBeFocused();
  await expect(raters).toBeInViewport();
});

test('a panel link cut off partway says so at the top and still shows the cards that arrived whole', async ({
  page,
}) => {
  await buildWith(page, WORKED_LINES);
  const link = await page.getByRole('textbox', { name: 'Panel link' }).inputValue();
  // Cut inside the fourth card (Dev's): the first three arrived whole.
  const cut = link.slice(0, link.lastIndexOf('~Dev~') + 12);
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 375, height: 812 });
  await other.goto(cut);
  const alert = other.getByRole('alert');
  await expect(alert).toHaveText(
    /^This panel link is damaged or incomplete; .* The first 3 cards could still be read: they are in the box below/,
  );
  await expect(alert).toBeFocused();
  await expect(alert).toBeInViewport();
  await expect(other.getByText('Raters: Ana, Ben, Cleo.')).toBeVisible();
  expect((await links(other).inputValue()).split('\n')).toHaveLength(3);
});

test("a pasted card with the site's reading's scores is named as both, and the summary points under the boxes", async ({
  page,
}) => {
  const reference = (
    JSON.parse(readFileSync(`${process.env['OUT_DIR'] ?? 'dist'}/rubric.json`, 'utf8')) as {
      reference: { lab: string; analogy: string; level: (typeof LEVELS)[number] | null }[];
    }
  ).reference;
  const site = reference.reduce(
    (card, { lab, analogy, level }) => setLevel(card, lab, analogy, level),
    emptyScorecard(),
  );
  await openPanel(page);
  await links(page).fill(`Alice: ${shareLink(site)}`);
  await page.getByRole('checkbox', { name: "Include the site's reading" }).check();
  await build(page);
  await expect(page.getByText("Raters: Alice (the same scores as the site's reading).")).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Panel built from 1 scorecard.' })).toHaveText(
    /1 repeated card was counted once: see the message under the "Also include" boxes\.$/,
  );
  // One rater: no cell has two raters, so the page cannot say raters were close.
  await expect(
    page.getByText('No cell was scored by two or more raters, so disagreement cannot be judged yet.'),
  ).toBeVisible();
});

test('an alpha below 0 is explained where it is shown', async ({ page }) => {
  const a = setLevel(
    setLevel(emptyScorecard(), 'openai', frame.analogies[0]!.id, 0),
    'meta',
    frame.analogies[0]!.id,
    4,
  );
  const b = setLevel(
    setLevel(emptyScorecard(), 'openai', frame.analogies[0]!.id, 4),
    'meta',
    frame.analogies[0]!.id,
    0,
  );
  await buildWith(page, `${shareLink(a)}\n${shareLink(b)}`);
  await expect(page.getByText(/^Krippendorff's alpha \(ordinal\): -\d/)).toBeVisible();
  await expect(page.getByText(/and below 0 they disagree more than chance would\./)).toBeVisible();
});

test('an analogy with one cell to compare shows a dash, not an alpha of 0 (issue 9, review 13)', async ({
  page,
}) => {
  // Two analogies with two labs each, and one with OpenAI alone: its formula would give exactly 0.
  const [first, second, third] = frame.analogies.map((a) => a.id);
  const card = (levels: [number, number, number, number, number]) =>
    [
      ['openai', first, levels[0]],
      ['meta', first, levels[1]],
      ['openai', second, levels[2]],
      ['meta', second, levels[3]],
      ['openai', third, levels[4]],
    ].reduce(
      (c, [lab, analogy, level]) => setLevel(c, lab as string, analogy as string, level as 0),
      emptyScorecard(),
    );
  await buildWith(page, `${shareLink(card([1, 3, 2, 4, 1]))}\n${shareLink(card([1, 4, 2, 3, 3]))}`);
  const row = page
    .getByRole('region', { name: "Krippendorff's alpha (ordinal), analogy by analogy" })
    .getByRole('row', { name: new RegExp(`^${frame.analogies[2]!.name}`) });
  await expect(row.getByRole('cell').first()).toHaveText('–cannot be computed');
  await expect(row).not.toContainText('0.000');
  await expect(
    page.getByText(/A dash means it cannot be computed: fewer than two of its cells/),
  ).toBeVisible();
});

test('a panel too large for a link says so, with the limit, and export still works', async ({ page }) => {
  // Eighty raters: the largest panel the tests build.
  test.slow();
  const text = Array.from({ length: 80 }, (_, i) => `Reader ${i + 1}: ${shareLink(fullCard(i))}`).join('\n');
  await buildWith(page, text);
  await expect(page.getByText('Panel built from 80 scorecards.')).toBeVisible();
  const note = page.locator('#panel-link-note');
  await expect(note).toHaveText(
    /^This panel is too large for one link: it would take [\d,]+ characters, and links longer than 8,000/,
  );
  await expect(page.getByRole('textbox', { name: 'Panel link' })).toHaveValue('');
  const copy = page.getByRole('button', { name: 'Copy panel link' });
  await expect(copy).toBeDisabled();
  // Disabled must also look it, beside the enabled "Export panel CSV".
  await expect(copy).toHaveCSS('border-top-style', 'dashed');
  await expect(copy).toHaveCSS('cursor', 'not-allowed');
  expect(Number(await copy.evaluate((button) => getComputedStyle(button).opacity))).toBeLessThan(0.7);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export panel CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 80 * frame.labs.length * frame.analogies.length);
});

for (const [what, hash, message] of [
  ['from a newer version', '#panel=p2~~~v1.oami3', /made by a different version of this site/],
  ['damaged', '#panel=p1~x~~', /damaged or incomplete/],
  [
    'too long',
    `#panel=p1~~~v1.${'oami3'.repeat(1700)}`,
    /too long to be one from this site \(the limit is 8,000 characters\)/,
  ],
] as const) {
  test(`a panel link ${what} gives a message at the top of the page and leaves the form usable`, async ({
    page,
  }) => {
    await openPanel(page, hash);
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.getByRole('alert')).toContainText('Paste the scorecard links below instead.');
    await links(page).fill(WORKED_LINES);
    await build(page);
    await expect(page.getByText("Krippendorff's alpha (ordinal): 0.815")).toBeVisible();
  });
}

test('the panel CSV has one row per rater, lab and analogy, and neutralises formulas in names', async ({
  page,
}) => {
  await buildWith(page, `=SUM(A1:A9): ${shareLink(WORKED[0]!)}\nBen: ${shareLink(WORKED[1]!)}`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export panel CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('panel.csv');
  const rows = readFileSync((await file.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(rows[0]).toBe('rater,lab,analogy,level,weight,confidence,lab_name,analogy_name');
  expect(rows).toHaveLength(1 + 2 * frame.labs.length * frame.analogies.length);
  const [lab, analogy] = [frame.labs[0]!, frame.analogies[0]!];
  expect(rows[1]).toBe(`'=SUM(A1:A9),${lab.id},${analogy.id},0,1,,${lab.name},${analogy.name}`);
  // Ana's card leaves most cells unscored: those rows carry neither a level nor a weight.
  expect(rows.filter((row) => /^'=SUM\(A1:A9\),[^,]+,[^,]+,,,,/.test(row))).toHaveLength(
    frame.labs.length * frame.analogies.length - 9,
  );
  expect(rows.filter((row) => row.startsWith('=') || row.startsWith('+') || row.startsWith('-'))).toEqual([]);
});

test('"Include mine" adds the saved scorecard and shows where it differs most from the panel', async ({
  page,
}) => {
  await page.goto('/panel/');
  const lab = frame.labs[0]!.id;
  const analogy = frame.analogies[0]!.id;
  const mine = setLevel(emptyScorecard(), lab, analogy, 4);
  await page.evaluate(
    (doc) => localStorage.setItem('labs-alignment.scorecard', doc),
    JSON.stringify(recordScorecard(null, mine, Date.now())),
  );
  await buildWith(page, WORKED_LINES);
  await page.getByRole('checkbox', { name: /Include mine/ }).check();
  await build(page);
  await expect(page.getByText('Raters: Ana, Ben, Cleo, Dev, Panel maker (your card).')).toBeVisible();
  const section = page.getByRole('region', { name: 'Where yours differs most from the panel' });
  await expect(section.getByRole('listitem').first()).toHaveText(
    `${frame.labs[0]!.name}, ${frame.analogies[0]!.name}: yours 4, panel median 0 (you are higher by 4).`,
  );
});

test('the panel page is linked from the scorecard, next to the share area', async ({ page }) => {
  await page.goto('/scorecard/');
  await page.getByRole('link', { name: 'Pool scorecards in a panel' }).click();
  await expect(page).toHaveURL(/\/panel\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Reader panels' })).toBeVisible();
});

const STATES: Record<string, (page: Page) => Promise<void>> = {
  empty: (page) => openPanel(page),
  built: async (page) => {
    await buildWith(page, WORKED_LINES);
    await page.getByRole('checkbox', { name: /Include mine/ }).check();
    await page.getByRole('checkbox', { name: "Include the site's reading" }).check();
    await build(page);
    await expect(page.getByText("Krippendorff's alpha (ordinal):", { exact: false }).first()).toBeVisible();
  },
  reopened: async (page) => {
    await buildWith(page, WORKED_LINES);
    await page.getByRole('checkbox', { name: "Include the site's reading" }).check();
    await build(page);
    const link = await page.getByRole('textbox', { name: 'Panel link' }).inputValue();
    await page.goto('about:blank');
    await openPanel(page, link.slice(link.indexOf('#')));
    await expect(page.locator('#panel-results')).toBeFocused();
  },
  'too long': async (page) => {
    await buildWith(
      page,
      Array.from({ length: 80 }, (_, i) => `Reader ${i + 1}: ${shareLink(fullCard(i))}`).join('\n'),
    );
    await expect(page.locator('#panel-link-note')).toHaveText(/too large for one link/);
  },
  'cut link': async (page) => {
    await buildWith(page, WORKED_LINES);
    const link = await page.getByRole('textbox', { name: 'Panel link' }).inputValue();
    await page.goto('about:blank');
    await openPanel(page, link.slice(link.indexOf('#'), link.lastIndexOf('~Dev~') + 12));
    await expect(page.getByRole('alert')).toHaveText(/first 3 cards could still be read/);
  },
  errors: async (page) => {
    await openPanel(page, '#panel=p2~~~v1');
    await links(page).fill(`${shareLink(WORKED[0]!)}\nnot a link\n${shareLink(WORKED[0]!)}`);
    await page.getByRole('checkbox', { name: /Include mine/ }).check();
    await build(page);
    await expect(page.locator('#panel-line-problems li')).toHaveCount(2);
  },
};

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    test.describe(`/panel/ at ${width} px, ${colorScheme}`, () => {
      test.use({ colorScheme, viewport: { width, height: 900 } });
      for (const [state, reach] of Object.entries(STATES)) {
        test(`${state}: no axe violation and no sideways scroll`, async ({ page }) => {
          // axe over the built panel's tables takes several seconds on a busy machine.
          test.slow();
          await reach(page);
          // Sections far below the screen are laid out only as they near it (panel.css); axe
          // judges colours by what is drawn, so every section is drawn for it.
          await page.evaluate(() =>
            document
              .querySelectorAll<HTMLElement>('.panel-results > section, .dot-strip')
              .forEach((element) => {
                element.style.contentVisibility = 'visible';
              }),
          );
          expect(await axeViolations(page)).toEqual([]);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
        });
      }
    });
  }
}
