/**
 * The scorecard as readers use it (issue 9): on a phone and a laptop, light and dark, in the
 * states they put it in, not only at rest.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  axeViolations,
  detailsOf,
  expect,
  levelOn,
  noteOf,
  openScorecard,
  rubric,
  savedScorecard,
  scoreControl,
  shareLinkHolding,
  test,
  title,
  waitForIslands,
} from './fixtures';

const v1Fixture = JSON.parse(readFileSync('tests/unit/fixtures/share-link-v1.json', 'utf8')) as {
  link: string;
};

async function scoreRow(page: Page, lab: string, level: string) {
  for (const analogy of rubric.analogies) await scoreControl(page, analogy.id, lab).selectOption(level);
}

/** The WCAG contrast ratio between an element's text colour and the colour behind it. */
async function textContrast(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
        [r, g, b]
          .map((c) => c / 255)
          .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
          .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
      let node: Element | null = element;
      let background = 'rgba(0, 0, 0, 0)';
      while (node && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent')) {
        background = getComputedStyle(node).backgroundColor;
        node = node.parentElement;
      }
      const a = luminance(rgb(getComputedStyle(element).color));
      const b = luminance(rgb(background));
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
}

for (const width of [375, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 375 ? 740 : 900 } });

    for (const colorScheme of ['light', 'dark'] as const) {
      test.describe(`${colorScheme}`, () => {
        test.use({ colorScheme });

        test('notes, details and levels 0-4 keep their contrast in every cell (defect 1), axe-clean', async ({
          page,
        }) => {
          test.setTimeout(120_000);
          await openScorecard(page);
          const labs = rubric.labs.map((l) => l.id);
          for (const [index, level] of ['0', '1', '2', '3', '4'].entries()) {
            await scoreControl(page, 'opacity', labs[index % labs.length]!).selectOption(level);
          }
          for (const [index] of ['0', '1', '2', '3', '4'].entries()) {
            const lab = labs[index % labs.length]!;
            await detailsOf(page, 'opacity', lab).click();
            await noteOf(page, 'opacity', lab).fill(`Note at level ${index}`);
          }
          for (const level of [0, 1, 2, 3, 4]) {
            const cell = `.matrix td.level-${level}`;
            expect(
              await textContrast(page, `${cell} textarea`),
              `note, level ${level}`,
            ).toBeGreaterThanOrEqual(4.5);
            expect(
              await textContrast(page, `${cell} .level-select`),
              `select, level ${level}`,
            ).toBeGreaterThanOrEqual(4.5);
            expect(
              await textContrast(page, `${cell} summary`),
              `details, level ${level}`,
            ).toBeGreaterThanOrEqual(4.5);
          }
          expect(await axeViolations(page)).toEqual([]);
        });

        test('the shared view, Compare, the import preview and every message are axe-clean', async ({
          page,
        }) => {
          // Six axe runs; a machine shared with other work needs the room.
          test.setTimeout(240_000);
          await openScorecard(page);
          await scoreRow(page, 'meta', '3');
          // Import preview.
          await page.getByLabel('Import scores').setInputFiles({
            name: 'one-row.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(
              'lab_id,lab,analogy_id,analogy,weight,level,confidence,note\nmeta,Meta,opacity,Opacity,1,4,,\n',
            ),
          });
          await expect(page.getByRole('region', { name: /Import one-row\.csv/ })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
          // An import error.
          await page.getByLabel('Import scores').setInputFiles({
            name: 'photo.png',
            mimeType: 'image/png',
            buffer: Buffer.from('\u0089PNG\r\n'),
          });
          await expect(page.getByRole('alert').filter({ hasText: 'photo.png' })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
          // Reset and its Undo.
          await page.getByRole('button', { name: 'Reset scores' }).click();
          await expect(page.getByRole('button', { name: 'Undo reset' })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
          // Undone, so that the reader has scores of their own to compare with.
          await page.getByRole('button', { name: 'Undo reset' }).click();
          await expect(scoreControl(page, 'opacity', 'meta')).toHaveValue('3');
          // The shared view with notes, then Compare.
          await openScorecard(page, new URL(v1Fixture.link).hash);
          await expect(page.getByRole('region', { name: 'A shared scorecard' })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
          await page.getByRole('button', { name: 'Compare with mine' }).click();
          await expect(page.getByRole('table', { name: /side by side/ })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
          // A broken share link's message.
          await openScorecard(page, '#share=v2.oami3');
          await page.reload();
          await waitForIslands(page);
          await expect(
            page.getByRole('alert').filter({ hasText: 'Your own scores are unchanged' }),
          ).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
        });

        test('unreadable saved data is reported with its actions, axe-clean (defect 13)', async ({
          page,
        }) => {
          await openScorecard(page);
          await page.evaluate(() => localStorage.setItem('labs-alignment.scorecard', '{"broken":'));
          await page.reload();
          await waitForIslands(page);
          await expect(page.getByRole('button', { name: 'Download the unreadable copy' })).toBeVisible();
          expect(await axeViolations(page)).toEqual([]);
        });
      });
    }

    test('a note is saved as it is typed and survives a reload without leaving the field (defect 2)', async ({
      page,
    }) => {
      await openScorecard(page);
      await detailsOf(page, 'deception', 'openai').click();
      const note = noteOf(page, 'deception', 'openai');
      await note.pressSequentially('Typed, never blurred');
      await expect(page.getByText('Saved', { exact: true })).toBeVisible();
      await page.reload();
      await waitForIslands(page);
      await detailsOf(page, 'deception', 'openai').click();
      await expect(noteOf(page, 'deception', 'openai')).toHaveValue('Typed, never blurred');
    });

    test('a note being typed survives another tab’s edit, and closing the tab mid-word keeps it (defect 2)', async ({
      context,
    }) => {
      const first = await context.newPage();
      const second = await context.newPage();
      await openScorecard(first);
      await openScorecard(second);
      await detailsOf(first, 'opacity', 'meta').click();
      const note = noteOf(first, 'opacity', 'meta');
      await note.pressSequentially('half a thou');
      await scoreControl(second, 'power-seeking', 'anthropic').selectOption('2');
      await expect(scoreControl(first, 'power-seeking', 'anthropic')).toHaveValue('2');
      await expect(note).toHaveValue('half a thou');
      await note.pressSequentially('ght');
      await first.close({ runBeforeUnload: true });
      await second.reload();
      await waitForIslands(second);
      await detailsOf(second, 'opacity', 'meta').click();
      await expect(noteOf(second, 'opacity', 'meta')).toHaveValue('half a thought');
      await expect(scoreControl(second, 'power-seeking', 'anthropic')).toHaveValue('2');
    });

    test('each aggregate is a meter on one shared scale; ties are marked, unscored labs not ranked (defect 3)', async ({
      page,
    }) => {
      await openScorecard(page);
      await scoreRow(page, 'openai', '4');
      await scoreRow(page, 'anthropic', '3');
      await scoreRow(page, 'meta', '2');
      for (const analogy of ['opacity', 'deception', 'power-seeking'])
        await scoreControl(page, analogy, 'microsoft').selectOption('2');
      const meters = ['OpenAI', 'Anthropic', 'Meta', 'Microsoft'].map((name) =>
        page.getByRole('meter', { name: `${name} aggregate` }),
      );
      await expect(meters[0]!).toHaveAttribute('value', '4');
      await expect(meters[1]!).toHaveAttribute('value', '3');
      await expect(meters[2]!).toHaveAttribute('value', '2');
      for (const meter of meters) await expect(meter).toHaveAttribute('max', '4');
      const boxes = await Promise.all(meters.map((m) => m.boundingBox()));
      for (const box of boxes) {
        expect(box!.x).toBeCloseTo(boxes[0]!.x, 0);
        expect(box!.width).toBeCloseTo(boxes[0]!.width, 0);
      }
      const ranking = page.locator('.ranking');
      await expect(ranking.locator('li', { hasText: 'Meta' })).toContainText('=3');
      await expect(ranking.locator('li', { hasText: 'Meta' })).toContainText('tied');
      await expect(ranking.locator('li', { hasText: 'Microsoft' })).toContainText('tied');
      await expect(ranking.locator('li', { hasText: 'OpenAI' })).not.toContainText('tied');
      const unscored = ranking.locator('li', { hasText: 'Google DeepMind' });
      await expect(unscored).toContainText('no score yet');
      await expect(unscored.locator('.rank')).toHaveText('');
      await expect(page.getByRole('meter', { name: 'Google DeepMind aggregate' })).toHaveCount(0);
      // A weight of 0 drops the cell from the count.
      await page.getByRole('combobox', { name: `Weight of ${title('deception')}` }).selectOption('0');
      await expect(ranking.locator('li', { hasText: 'Microsoft' })).toContainText('on only 2 of 5 cells');
      // A lab scored only where the weight is 0 has scores, just none that count (issue 9, review 5).
      await scoreControl(page, 'deception', 'google-deepmind').selectOption('3');
      await expect(unscored).toContainText('scored only on analogies weighted × 0');
      await expect(ranking.locator('li', { hasText: 'xAI' })).toContainText('no score yet');
    });

    test('a lab scored on one cell of six is not ranked first with a full bar, and says why (issue 9, review 3)', async ({
      page,
    }) => {
      await openScorecard(page);
      await scoreRow(page, 'meta', '2');
      await scoreControl(page, 'opacity', 'xai').selectOption('4');
      await scoreControl(page, 'opacity', 'openai').selectOption('4');
      await scoreControl(page, 'deception', 'openai').selectOption('3');
      await scoreControl(page, 'power-seeking', 'openai').selectOption('3');
      const row = (name: string) => page.locator('.ranking li', { hasText: name });
      // Meta (six cells) and OpenAI (three) are ranked; xAI's one cell is shown, unnumbered, below them.
      await expect(row('OpenAI').locator('.rank')).toHaveText('1.');
      await expect(row('Meta').locator('.rank')).toHaveText('2.');
      await expect(row('xAI').locator('.rank')).toHaveText('');
      await expect(row('xAI')).toContainText('4.00 of 4, on only 1 of 6 cells');
      await expect(row('xAI')).not.toContainText('tied');
      await expect(
        page.getByText('Not ranked: a lab is ranked once at least half of its cells are scored.'),
      ).toBeVisible();
      // Its mean is still a meter on the same scale, below every ranked lab.
      const xai = page.getByRole('meter', { name: 'xAI aggregate' });
      await expect(xai).toHaveAttribute('value', '4');
      const [meta, thin] = await Promise.all([
        page.getByRole('meter', { name: 'Meta aggregate' }).boundingBox(),
        xai.boundingBox(),
      ]);
      expect(thin!.y).toBeGreaterThan(meta!.y);
      expect(thin!.x).toBeCloseTo(meta!.x, 0);
      expect(thin!.width).toBeCloseTo(meta!.width, 0);
      // And it takes no part in the "what would change the ranking" sentences.
      await expect(page.locator('.sensitivity li', { hasText: 'xAI' })).toHaveCount(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    test('tied labs are not said to "overtake": the sentence names the tie and groups the weights', async ({
      page,
    }) => {
      await openScorecard(page);
      await scoreRow(page, 'openai', '2');
      await scoreRow(page, 'anthropic', '2');
      await scoreControl(page, 'misaligned-incentives', 'anthropic').selectOption('4');
      await scoreControl(page, 'power-seeking', 'anthropic').selectOption('0');
      const sentence = page.locator('.sensitivity li', { hasText: 'Anthropic' });
      await expect(sentence).toHaveText(
        `Anthropic would move ahead of OpenAI (now tied) if ${title('misaligned-incentives')} weighed × 2 or × 3, or ${title('power-seeking')} weighed × 0.`,
      );
      await expect(page.locator('.sensitivity')).not.toContainText('overtake');
    });

    test('messages and Undo appear next to the control that caused them, in view (defect 4)', async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('3');
      const copy = page.getByRole('button', { name: 'Copy share link' });
      await copy.click();
      const copied = page.getByRole('status').filter({ hasText: 'Share link copied.' });
      await expect(copied).toBeInViewport();
      const near = async (a: typeof copy, b: typeof copy) => {
        const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
        return Math.abs(x!.y - y!.y);
      };
      expect(await near(copied, copy)).toBeLessThan(200);
      const reset = page.getByRole('button', { name: 'Reset scores' });
      await reset.click();
      const undo = page.getByRole('button', { name: 'Undo reset' });
      await expect(undo).toBeInViewport();
      await expect(page.getByRole('status').filter({ hasText: 'reset' })).toBeInViewport();
      await expect(page.getByRole('status').filter({ hasText: 'reset' })).toContainText(
        'until you leave or reload',
      );
      expect(await near(undo, reset)).toBeLessThan(250);
      await undo.click();
      await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('3');
      await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toBeInViewport();
    });

    test('every score control is reachable, labelled by its lab, and nothing scrolls sideways (defect 5)', async ({
      page,
    }) => {
      await openScorecard(page);
      const noSideways = () =>
        page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      expect(await noSideways()).toBe(true);
      const wrap = page.locator('.matrix-wrap');
      expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      const control = scoreControl(page, 'constraint-subversion', 'microsoft');
      await control.scrollIntoViewIfNeeded();
      const lab = page.locator('.matrix tbody tr', { hasText: 'Microsoft' }).getByRole('rowheader');
      await expect(lab).toBeInViewport();
      await expect(page.locator('.matrix tbody td.aggregate').last()).toBeVisible();
      if (width === 375) {
        for (const select of await page.locator('.matrix .level-select').all()) {
          const box = (await select.boundingBox())!;
          expect(box.width).toBeGreaterThanOrEqual(44);
          expect(box.height).toBeGreaterThanOrEqual(44);
        }
        // The lab's name stays in view while the reader scrolls down its card.
        await page.mouse.wheel(0, 150);
        const [labBox, controlBox] = await Promise.all([lab.boundingBox(), control.boundingBox()]);
        expect(labBox!.y).toBeGreaterThanOrEqual(-1);
        expect(labBox!.y).toBeLessThan(controlBox!.y);
      }
      await detailsOf(page, 'constraint-subversion', 'microsoft').click();
      await expect(noteOf(page, 'constraint-subversion', 'microsoft')).toBeVisible();
      expect(await noSideways()).toBe(true);
    });

    test('the shared view shows the sharer’s weights, notes and totals, and Compare the differences (defect 7)', async ({
      page,
    }) => {
      await openScorecard(page);
      await scoreControl(page, 'power-seeking', 'openai').selectOption('1');
      await page.goto('/scorecard/#share=v2.oami3');
      await waitForIslands(page);
      await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toBeVisible();
      // A valid link opened afterwards clears the earlier error.
      await page.evaluate((hash) => (location.hash = hash), new URL(v1Fixture.link).hash);
      const shared = page.getByRole('region', { name: 'A shared scorecard' });
      await expect(shared).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toHaveCount(0);
      await expect(shared).toContainText('Opacity × 3');
      await expect(shared).toContainText('Incorrigibility × 0');
      await expect(shared).toContainText('Ad revenue first');
      // OpenAI under their weights: (4 x 1 + 3 x 3) / 4.
      await expect(shared.getByRole('table')).toContainText('3.25');
      await shared.getByRole('button', { name: 'Compare with mine' }).click();
      const compare = page.getByRole('table', { name: /side by side/ });
      await expect(compare.locator('th', { hasText: 'Difference (theirs − yours)' })).toBeAttached();
      // OpenAI: theirs (4 x 1 + 3 x 3) / 4 = 3.25 on 2 of the 5 cells their weights count; mine
      // 1.00 on 1 of 6. Each says how few cells it rests on, and no difference is drawn from them.
      const openai = compare.locator('tr', { hasText: 'OpenAI' });
      await expect(openai).toContainText('3.25 (on 2 of 5 cells) / 1.00 (on 1 of 6 cells)');
      await expect(openai.locator('td').last()).toHaveText('–');
      await expect(compare).toContainText("Each aggregate uses its own card's weights");
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
    });

    test('a link with no scores does not offer to replace mine (defect 7)', async ({ page }) => {
      await openScorecard(page);
      await scoreControl(page, 'power-seeking', 'openai').selectOption('1');
      await page.goto('/scorecard/#share=v1');
      await waitForIslands(page);
      await expect(page.getByRole('region', { name: 'A shared scorecard' })).toContainText('holds no scores');
      await expect(page.getByRole('button', { name: 'Replace mine' })).toHaveCount(0);
    });

    test('“Start from the site’s reading” fills the unscored cells, undoably (defect 8)', async ({
      page,
    }) => {
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('0');
      await page.getByRole('button', { name: 'Start from the site’s reading' }).click();
      await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('0');
      await expect(scoreControl(page, 'deception', 'meta')).not.toHaveValue('');
      const undo = page.getByRole('button', { name: 'Undo', exact: true });
      await expect(undo).toBeInViewport();
      await undo.click();
      await expect(scoreControl(page, 'deception', 'meta')).toHaveValue('');
      await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('0');
    });

    test('import previews its changes, merges by default, and can replace; both undoable (defect 10)', async ({
      page,
    }) => {
      await openScorecard(page);
      for (const lab of rubric.labs) await scoreRow(page, lab.id, '2');
      const before = await savedScorecard(page);
      await page.getByLabel('Import scores').setInputFiles({
        name: 'one-row.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'lab_id,lab,analogy_id,analogy,weight,level,confidence,note\nopenai,OpenAI,opacity,Opacity,1,4,,\nacme,Acme AI,opacity,Opacity,1,3,,\n',
        ),
      });
      const preview = page.getByRole('region', { name: /Import one-row\.csv/ });
      await expect(preview).toBeInViewport();
      await expect(preview).toContainText('changes 1 cell: OpenAI on Opacity');
      await expect(preview).toContainText(`clears ${rubric.labs.length * rubric.analogies.length - 1} cells`);
      await expect(preview).toContainText('a lab this site does not list (acme)');
      expect(await savedScorecard(page)).toEqual(before);
      await preview.getByRole('button', { name: 'Merge into mine' }).click();
      await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('4');
      await expect(scoreControl(page, 'deception', 'meta')).toHaveValue('2');
      await page.getByRole('button', { name: 'Undo import' }).click();
      await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('2');
      await page.getByLabel('Import scores').setInputFiles({
        name: 'one-row.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'lab_id,lab,analogy_id,analogy,weight,level,confidence,note\nopenai,OpenAI,opacity,Opacity,1,4,,\n',
        ),
      });
      await page.getByRole('button', { name: 'Replace mine' }).click();
      await expect(scoreControl(page, 'deception', 'meta')).toHaveValue('');
      await page.getByRole('button', { name: 'Undo import' }).click();
      await expect(scoreControl(page, 'deception', 'meta')).toHaveValue('2');
    });

    test("a file holding exactly the reader's card says it would change nothing, and offers no choice (issue 9, review 9)", async ({
      page,
    }) => {
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('3');
      await detailsOf(page, 'opacity', 'openai').click();
      await noteOf(page, 'opacity', 'openai').fill('Their own words');
      await expect(page.getByText('Saved', { exact: true })).toBeVisible();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export JSON' }).click();
      const exported = await (await download).path();
      await page.getByLabel('Import scores').setInputFiles(exported);
      const preview = page.getByRole('region', { name: /Nothing to import from/ });
      await expect(preview).toContainText('importing it would change nothing');
      await expect(preview.getByRole('button', { name: 'Merge into mine' })).toHaveCount(0);
      await expect(preview.getByRole('button', { name: 'Replace mine' })).toHaveCount(0);
      await preview.getByRole('button', { name: 'Close' }).click();
      await expect(preview).toHaveCount(0);
      // A note that differs is a change, and the preview says what counts as one.
      await noteOf(page, 'opacity', 'openai').fill('Other words');
      await page.getByLabel('Import scores').setInputFiles(exported);
      const changes = page.getByRole('region', { name: /Import / });
      await expect(changes).toContainText('changes 1 cell: OpenAI on Opacity');
      await expect(changes).toContainText('when its level, confidence or note does');
    });

    // How fast such a file is read is a budget, measured by the benchmark (scripts/bench-import.ts),
    // not here: a timing inside a browser test fails whenever the machine is busy.
    test('a 1 MB file naming 20,000 unknown labs is read, and the preview counts them instead of listing them (defect 10)', async ({
      page,
    }) => {
      await openScorecard(page);
      const cells: Record<string, unknown> = {};
      for (let i = 0; i < 20_000; i += 1) cells[`lab-${i}`] = { opacity: { level: 2, at: 1 } };
      const json = JSON.stringify({
        format: 'labs-alignment-scorecard',
        schemaVersion: 1,
        exportedAt: 'x',
        card: { cells, weights: {} },
      });
      expect(json.length).toBeLessThan(1_000_000);
      await page
        .getByLabel('Import scores')
        .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(json) });
      // Every lab in it is unknown here, so it would change nothing: the preview says why, and offers no choice.
      const preview = page.getByRole('region', { name: 'Nothing to import from big.json' });
      await expect(preview).toContainText(
        'labs this site does not list (lab-0, lab-1, lab-2, lab-3, lab-4 and 19,995 more)',
      );
      await expect(preview).toContainText('importing it would change nothing');
      await expect(preview.getByRole('button', { name: 'Close' })).toBeVisible();
    });

    test('share links survive what chat apps add, and a cut link is refused (defect 11)', async ({
      page,
    }) => {
      // Seven scorecard pages opened and hydrated in turn: with both cores kept busy by other
      // work this has taken 2.3 minutes (issue 14). The limit only stops a test that hangs.
      test.setTimeout(300_000);
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('3');
      await scoreControl(page, 'deception', 'meta').selectOption('1');
      const link = await shareLinkHolding(
        page,
        (card) => levelOn(card, 'openai', 'opacity') === 3 && levelOn(card, 'meta', 'deception') === 1,
      );
      const reader = await page.context().browser()!.newContext();
      const other = await reader.newPage();
      for (const decorated of [
        `${link}.`,
        `${link})`,
        `${link}&utm_source=chat`,
        v1Fixture.link.replace(/^http:\/\/127\.0\.0\.1:4321/, ''),
      ]) {
        await other.goto(decorated.startsWith('/') ? decorated : decorated.replace(/^https?:\/\/[^/]+/, ''));
        await waitForIslands(other);
        await expect(other.getByRole('region', { name: 'A shared scorecard' }), decorated).toBeVisible();
        await other.goto('about:blank');
      }
      // Cut right after the first complete lab row.
      const hash = new URL(link).hash;
      const cut = hash.slice(0, hash.indexOf('.', '#share=v2.'.length));
      await other.goto(`/scorecard/${cut}`);
      await waitForIslands(other);
      await expect(other.getByRole('alert').filter({ hasText: 'incomplete' })).toBeVisible();
      await expect(other.getByRole('region', { name: 'A shared scorecard' })).toHaveCount(0);
      // Unknown labs are named in words, not by internal keys.
      await other.goto('/scorecard/#share=v1.zzop3.oaop2');
      await waitForIslands(other);
      const shared = other.getByRole('region', { name: 'A shared scorecard' });
      await expect(shared).toContainText('one lab that this site does not list');
      await expect(shared).not.toContainText('lab:zz');
      await reader.close();
    });

    test('notes stay out of the share link unless the reader includes them (defect 12)', async ({ page }) => {
      await openScorecard(page);
      await scoreControl(page, 'opacity', 'openai').selectOption('3');
      await detailsOf(page, 'opacity', 'openai').click();
      await noteOf(page, 'opacity', 'openai').fill('private');
      await noteOf(page, 'opacity', 'openai').blur();
      const box = page.getByRole('checkbox', { name: 'Include notes in the link' });
      await expect(box).not.toBeChecked();
      const linkField = page.getByRole('textbox', { name: 'Share link' });
      const without = await shareLinkHolding(page, (card) => levelOn(card, 'openai', 'opacity') === 3);
      expect(without).not.toContain('.-oaop');
      await box.check();
      await expect(linkField).not.toHaveValue(without);
      expect(await linkField.inputValue()).toContain('.-oaop');
      await box.uncheck();
      await expect(linkField).toHaveValue(without);
    });
  });
}

test.describe('unreadable saved data on a page other than the scorecard (defect 13)', () => {
  for (const path of ['/', '/analogies/opacity/']) {
    test(`${path} says so once, sets it aside once, and offers download and discard`, async ({ page }) => {
      await page.goto(path);
      await waitForIslands(page);
      await page.evaluate(() => localStorage.setItem('labs-alignment.scorecard', '{"broken":'));
      for (let visit = 0; visit < 3; visit += 1) {
        await page.reload();
        await waitForIslands(page);
        await expect(page.getByRole('alert').filter({ hasText: 'A copy is kept' })).toHaveCount(1);
      }
      const copies = () =>
        page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.set-aside.')).length);
      expect(await copies()).toBe(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the unreadable copy' }).click(),
      ]);
      expect(readFileSync((await download.path())!, 'utf8')).toBe('{"broken":');
      await page.getByRole('button', { name: 'Discard it' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'A copy is kept' })).toHaveCount(0);
      expect(await copies()).toBe(0);
      await page.reload();
      await waitForIslands(page);
      await expect(page.getByRole('alert').filter({ hasText: 'A copy is kept' })).toHaveCount(0);
    });
  }
});

test('a share link arriving in a tab scrolled far down the scorecard brings the shared panel into view', async ({
  page,
}) => {
  await openScorecard(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.evaluate(() => (window.location.hash = '#share=v1.oaop4de3'));
  const heading = page.getByRole('heading', { name: 'A shared scorecard' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});

test('a failed import after an earlier one shows its error without that import’s Undo', async ({ page }) => {
  await openScorecard(page);
  const importFile = (name: string, text: string) =>
    page.getByLabel('Import scores').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await importFile(
    'one-row.csv',
    'lab_id,lab,analogy_id,analogy,weight,level,confidence,note\nopenai,OpenAI,opacity,Opacity,1,4,,\n',
  );
  await page.getByRole('button', { name: 'Merge into mine' }).click();
  await expect(page.getByRole('button', { name: 'Undo import' })).toBeVisible();
  await importFile('broken.csv', 'lab_id,lab,analogy_id,analogy,weight,level,confidence,note\nopenai\n');
  await expect(page.getByRole('alert').filter({ hasText: 'Row 2 has 1 column;' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo import' })).toHaveCount(0);
});

test('an export says which file it wrote, in place of an earlier message', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openScorecard(page);
  await scoreControl(page, 'deception', 'microsoft').selectOption('2');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Share link copied.' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const name = (await download).suggestedFilename();
  await expect(page.getByRole('status').filter({ hasText: `Exported ${name}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Share link copied.' })).toHaveCount(0);
});

test('what including notes means sits on its own line under the checkbox’s words, aligned with them', async ({
  page,
}) => {
  await openScorecard(page);
  const box = page.getByRole('checkbox', { name: 'Include notes in the link' });
  await box.check();
  const hint = page.getByText('Anyone with the link can read your notes.');
  const label = await page.locator('label.check', { has: box }).boundingBox();
  const hinted = await hint.boundingBox();
  const words = await page.locator('label.check', { has: box }).evaluate((l) => {
    const range = document.createRange();
    range.selectNodeContents(l.lastChild!);
    return range.getBoundingClientRect().left;
  });
  expect(hinted!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
  expect(Math.abs(hinted!.x - words)).toBeLessThan(3);
});

test('the shared scorecard’s heading starts at the top of its card, with no empty band above', async ({
  page,
}) => {
  await openScorecard(page, '#share=v1.oaop4de3');
  const card = await page.getByRole('region', { name: 'A shared scorecard' }).boundingBox();
  const heading = await page.getByRole('heading', { name: 'A shared scorecard' }).boundingBox();
  expect(heading!.y - card!.y).toBeLessThan(24);
});
