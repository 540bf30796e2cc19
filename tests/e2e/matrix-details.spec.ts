/**
 * The matrix's Details and the phone cards as a first-time reader met them (issue 9, the review
 * on a 375 px phone and a 1280 px laptop): the note box, holes beside an opened cell, the Weight
 * bar, and score controls that said "Unscored" for a scored cell until their island hydrated.
 */
import type { Locator, Page } from '@playwright/test';
import {
  detailsOf,
  everyCellScored,
  expect,
  labName,
  noteOf,
  openScorecard,
  rubric,
  test,
  title,
} from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

/** Every box of one lab's card (its row): the lab's name, each analogy's cell, the aggregate. */
const cardBoxes = (page: Page, labName: string) =>
  page
    .locator('.matrix tbody tr', { hasText: labName })
    .locator(':scope > *')
    .evaluateAll((cells) =>
      cells.map((cell) => {
        const r = cell.getBoundingClientRect();
        // In the page's coordinates: opening Details may scroll the page.
        return {
          x: r.x + scrollX,
          y: r.y + scrollY,
          width: r.width,
          height: r.height,
          open: !!cell.querySelector('details[open]'),
        };
      }),
    );

/** A locator's box in the page's coordinates, which scrolling does not change. */
const pageBox = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  });

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  for (const analogy of ['misaligned-incentives', 'deception', 'constraint-subversion']) {
    test(`opening Details on ${analogy} gives the note a usable box, beside the confidence, without moving the other cells`, async ({
      page,
    }) => {
      await openScorecard(page);
      const row = page.locator('.matrix tbody tr', { hasText: 'OpenAI' });
      const before = await cardBoxes(page, 'OpenAI');
      const below = await pageBox(page.locator('.matrix tbody tr', { hasText: 'Anthropic' }));
      await detailsOf(page, analogy, 'openai').click();
      const note = noteOf(page, analogy, 'openai');
      await expect(note).toBeVisible();
      const box = await pageBox(note);
      const lineHeight = await note.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(box.width).toBeGreaterThanOrEqual(280);
      expect(box.height).toBeGreaterThanOrEqual(3 * lineHeight);
      // The panel is the row's, below it: every cell keeps its place and width; the rows below move down.
      const after = await cardBoxes(page, 'OpenAI');
      for (const [i, cell] of before.entries()) {
        expect(after[i]!.x).toBeCloseTo(cell.x, 0);
        expect(after[i]!.y).toBeCloseTo(cell.y, 0);
        expect(after[i]!.width).toBeCloseTo(cell.width, 0);
      }
      const rowBox = await pageBox(row);
      expect(box.y).toBeGreaterThan(before[0]!.y + 30);
      expect(box.y + box.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
      expect((await pageBox(page.locator('.matrix tbody tr', { hasText: 'Anthropic' }))).y).toBeGreaterThan(
        below.y,
      );
      // Nothing scrolls sideways: not the page, not the matrix.
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      expect(await page.locator('.matrix-wrap').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(
        true,
      );
      // The confidence stays a clear control of its own, and the note says when it is saved.
      const confidenceBox = await pageBox(row.getByRole('combobox', { name: /^Confidence in / }));
      expect(confidenceBox.width).toBeGreaterThanOrEqual(120);
      expect(confidenceBox.y + confidenceBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height);
      await note.fill('Board overruled twice in 2023; see the evidence list.');
      await note.blur();
      const saved = row.getByText('Saved', { exact: true });
      await expect(saved).toBeVisible();
      const savedBox = await pageBox(saved);
      expect(savedBox.y + savedBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height + 1);
    });
  }
});

test.describe('at 1280 px, two Details in one row', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('opening a second Details in a row closes the first, so one panel shows, never two on top of each other', async ({
    page,
  }) => {
    await openScorecard(page);
    await detailsOf(page, 'deception', 'openai').click();
    await noteOf(page, 'deception', 'openai').fill('First note');
    await detailsOf(page, 'opacity', 'openai').click();
    await expect(noteOf(page, 'opacity', 'openai')).toBeVisible();
    await expect(noteOf(page, 'deception', 'openai')).toHaveCount(0);
    await expect(
      page.locator('.matrix tbody tr', { hasText: 'OpenAI' }).locator('details[open]'),
    ).toHaveCount(1);
    // The first note was saved as the reader left it.
    await detailsOf(page, 'deception', 'openai').click();
    await expect(noteOf(page, 'deception', 'openai')).toHaveValue('First note');
  });
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const analogy of rubric.analogies.map((a) => a.id)) {
    test(`opening Details on ${analogy} leaves no hole in the card, and the panel sits in its own cell`, async ({
      page,
    }) => {
      await openScorecard(page);
      await detailsOf(page, analogy, 'anthropic').click();
      const note = noteOf(page, analogy, 'anthropic');
      await expect(note).toBeVisible();
      const cells = await cardBoxes(page, 'Anthropic');
      const card = await pageBox(page.locator('.matrix tbody tr', { hasText: 'Anthropic' }));
      const full = (c: Box) => c.width > card.width * 0.8;
      // A half-width cell always has a partner beside it, of its own height: no hole, nothing stretched.
      const analogyCells = cells.slice(1, 1 + rubric.analogies.length);
      for (const [i, cell] of analogyCells.entries()) {
        if (full(cell)) continue;
        const partner = analogyCells.find(
          (other, j) => j !== i && !full(other) && Math.abs(other.y - cell.y) < 1,
        );
        expect(partner, `cell ${i + 1} has a cell beside it`).toBeDefined();
        expect(
          Math.abs(partner!.height - cell.height),
          `cell ${i + 1} and its partner share a height`,
        ).toBeLessThan(2);
      }
      // The note lies inside the cell that was opened.
      const opened = cells.find((c) => c.open)!;
      const box = await pageBox(note);
      expect(box.x).toBeGreaterThanOrEqual(opened.x);
      expect(box.x + box.width).toBeLessThanOrEqual(opened.x + opened.width + 1);
      expect(box.y).toBeGreaterThan(opened.y);
      expect(box.y + box.height).toBeLessThanOrEqual(opened.y + opened.height + 1);
      expect(box.width).toBeGreaterThanOrEqual(280);
      // Every control of the open cell is a thumb-sized target.
      const small = await page
        .locator('.matrix td:has(> details[open])')
        .locator('select, textarea, summary')
        .evaluateAll((controls) =>
          controls
            .map((c) => c.getBoundingClientRect())
            .filter((r) => r.width < 44 || r.height < 44)
            .map((r) => `${r.width}x${r.height}`),
        );
      expect(small).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
    });
  }

  test('the Weight bar spans its card as the lab names below span theirs', async ({ page }) => {
    await openScorecard(page);
    const weight = (await page.locator('.matrix tr.weights th').boundingBox())!;
    const weightCard = (await page.locator('.matrix tr.weights').boundingBox())!;
    const lab = (await page.locator('.matrix tbody tr').first().getByRole('rowheader').boundingBox())!;
    const labCard = (await page.locator('.matrix tbody tr').first().boundingBox())!;
    // Both bars reach the same distance from their card's edges.
    expect(weight.x - weightCard.x).toBeCloseTo(lab.x - labCard.x, 0);
    expect(weightCard.x + weightCard.width - (weight.x + weight.width)).toBeCloseTo(
      labCard.x + labCard.width - (lab.x + lab.width),
      0,
    );
  });
});

/**
 * Records, frame by frame from the first one that paints the page, what each score control in the
 * viewport shows, and whether its island had hydrated then. A requestAnimationFrame callback runs
 * just before its frame is painted, so what it reads is what the reader sees.
 */
function recordShownLevels() {
  const seen: { name: string; shown: string; hydrated: boolean }[] = [];
  (window as unknown as { seenLevels: typeof seen }).seenLevels = seen;
  const frame = () => {
    for (const select of document.querySelectorAll<HTMLSelectElement>('select.level-select')) {
      const r = select.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight || r.height === 0) continue;
      seen.push({
        name:
          select.getAttribute('aria-label') ??
          select.closest('label')?.querySelector('span')?.textContent ??
          '?',
        shown: select.selectedOptions[0]?.textContent ?? '',
        hydrated: !select.closest('astro-island')?.hasAttribute('ssr'),
      });
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

// Every cell scored, so any "Unscored" a control shows is a claim about a cell that holds a score.
const scoredCard = JSON.stringify(everyCellScored);

const lastLab = rubric.labs.at(-1)!.id;
const lastAnalogy = rubric.analogies.at(-1)!.id;
const farControls: [string, string][] = [
  ['/analogies/opacity/', `${title('opacity')} score for ${labName(lastLab)}`],
  ['/labs/openai/', `${title(lastAnalogy)} score for ${labName('openai')}`],
  ['/essay/', `${title(lastAnalogy)} score for ${labName(lastLab)}`],
  ['/scorecard/', `${title(lastAnalogy)} score for ${labName(lastLab)}`],
];

test.describe('at 375 px, scrolled fast to a far control', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const [path, name] of farControls) {
    test(`${path}: a scored cell's control never shows "Unscored", before or after it hydrates`, async ({
      page,
    }) => {
      await page.addInitScript((card) => localStorage.setItem('labs-alignment.scorecard', card), scoredCard);
      await page.addInitScript(recordShownLevels);
      // The scripts are held back until the reader is at the far control, as on a slow phone network.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/_astro/*.js', async (route) => {
        await released;
        await route.continue();
      });
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      const control = page.getByRole('combobox', { name, exact: true });
      await control.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
      const seenOf = () =>
        page.evaluate(
          (n) =>
            (
              window as unknown as { seenLevels: { name: string; shown: string; hydrated: boolean }[] }
            ).seenLevels.filter((s) => s.name === n),
          name,
        );
      // The control has been painted before its island hydrated: the state the reader saw.
      await expect.poll(async () => (await seenOf()).filter((s) => !s.hydrated).length).toBeGreaterThan(0);
      release();
      await expect(control).not.toHaveValue('');
      await expect.poll(async () => (await seenOf()).filter((s) => s.hydrated).length).toBeGreaterThan(0);
      const shown = new Set((await seenOf()).map((s) => s.shown));
      expect([...shown]).not.toContain('Unscored');
    });
  }
});

test('before its island hydrates, a weight claims nothing: not the default × 1 for a reader who chose × 0 (issue 9, review)', async ({
  page,
}) => {
  const weighted = JSON.parse(scoredCard) as { card: { weights: Record<string, { w: number; at: number }> } };
  weighted.card.weights = { [rubric.analogies[0]!.id]: { w: 0, at: 1 } };
  await page.addInitScript(
    (card) => localStorage.setItem('labs-alignment.scorecard', card),
    JSON.stringify(weighted),
  );
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/scorecard/', { waitUntil: 'domcontentloaded' });
  const weight = page.getByRole('combobox', { name: `Weight of ${title(rubric.analogies[0]!.id)}` });
  const shown = () => weight.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
  expect(await shown()).toBe('…');
  release();
  await expect(weight).toHaveValue('0');
  expect(await shown()).toBe('0 (ignored)');
  // Hydration takes the server's placeholder away: the options are the weights alone.
  await expect(weight.locator('option')).toHaveText(['0 (ignored)', '× 1', '× 2', '× 3']);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });

  test('a score control claims no score either way', async ({ page }) => {
    await page.goto('/analogies/opacity/');
    const shown = await page
      .locator('select.level-select')
      .evaluateAll((s) => (s as HTMLSelectElement[]).map((x) => x.selectedOptions[0]?.textContent));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain('Unscored');
  });
});
