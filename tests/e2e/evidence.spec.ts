import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { matchesFilters, type FilterName, type Filters } from '../../src/data/evidence-filters';

interface Item {
  id: string;
  aliases?: string[];
  date: string;
  labs: string[];
  bears: { analogy: string; direction: 'supports' | 'weakens' }[];
}
const data = JSON.parse(readFileSync(`${process.env['OUT_DIR'] ?? 'dist'}/rubric.json`, 'utf8')) as {
  evidence: Item[];
  labs: { id: string; name: string }[];
  analogies: { id: string; title: string }[];
};
const total = data.evidence.length;
const LEGEND: Record<FilterName, string> = {
  lab: 'Lab',
  analogy: 'Analogy',
  direction: 'Direction',
  year: 'Year',
};

/** The radio button's visible label for a filter value. */
function labelOf(name: FilterName, value: string): string {
  if (name === 'lab') return data.labs.find((l) => l.id === value)!.name;
  if (name === 'analogy') return data.analogies.find((a) => a.id === value)!.title;
  if (name === 'direction') return value === 'supports' ? 'Supports' : 'Weakens';
  return value;
}

async function choose(page: Page, filters: Filters): Promise<void> {
  for (const [name, value] of Object.entries(filters) as [FilterName, string][]) {
    await page
      .getByRole('group', { name: LEGEND[name], exact: true })
      .getByRole('radio', { name: labelOf(name, value), exact: true })
      .check();
  }
}

/**
 * The count as assistive technology reads it, from Chromium's accessibility tree: without
 * JavaScript the number is CSS generated content (a counter), which the DOM does not hold.
 */
async function countText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { nodeId: string; role?: { value: string }; name?: { value: string }; childIds?: string[] }[];
  };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const status = nodes.find((n) => n.role?.value === 'status');
  const text = (id: string): string => {
    const node = byId.get(id);
    if (node === undefined) return '';
    return node.role?.value === 'StaticText'
      ? (node.name?.value ?? '')
      : (node.childIds ?? []).map(text).join('');
  };
  return status === undefined ? '' : text(status.nodeId).trim();
}

const shownIds = (page: Page) =>
  page.locator('.ev-item:visible').evaluateAll((items) => items.map((i) => i.id));
const expectedIds = (filters: Filters) =>
  data.evidence.filter((e) => matchesFilters(e, filters)).map((e) => e.id);

/** Each filter alone, every pair of filters, and all four at once, on values that leave something to see. */
const COMBINATIONS: Filters[] = [
  { lab: 'openai' },
  { analogy: 'power-seeking' },
  { direction: 'weakens' },
  { year: '2025' },
  { lab: 'meta', analogy: 'power-seeking' },
  { lab: 'anthropic', direction: 'weakens' },
  { lab: 'openai', year: '2024' },
  { analogy: 'opacity', direction: 'weakens' },
  { analogy: 'deception', year: '2025' },
  { direction: 'supports', year: '2026' },
  { lab: 'openai', analogy: 'power-seeking', direction: 'supports', year: '2025' },
];

for (const javaScriptEnabled of [true, false]) {
  test.describe(`/evidence/ ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test('shows every item, newest first, and says how many', async ({ page }) => {
      await page.goto('/evidence/');
      expect(await shownIds(page)).toEqual(data.evidence.map((e) => e.id));
      await expect.poll(() => countText(page)).toBe(`Showing ${total} of ${total} items`);
    });

    for (const filters of COMBINATIONS) {
      test(`filters by ${Object.entries(filters)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`, async ({ page, problems }) => {
        const expected = expectedIds(filters);
        expect(expected.length, 'a combination worth testing leaves items to see').toBeGreaterThan(0);
        await page.goto('/evidence/');
        await choose(page, filters);
        expect(await shownIds(page)).toEqual(expected);
        await expect.poll(() => countText(page)).toBe(`Showing ${expected.length} of ${total} items`);
        if (javaScriptEnabled) {
          const query = new URL(page.url()).searchParams;
          for (const [name, value] of Object.entries(filters)) expect(query.get(name)).toBe(value);
        }
        expect(problems.errors).toEqual([]);
      });
    }

    test('each analogy page item links to its anchor here, and the anchor shows it', async ({ page }) => {
      const item = data.evidence.find((e) => e.bears.length > 1)!;
      await page.goto(`/analogies/${item.bears[0]!.analogy}/`);
      await page.locator(`#evidence-${item.id} a[href$="/evidence/#${item.id}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/evidence/#${item.id}$`));
      await expect(page.locator(`li#${item.id}`)).toBeInViewport();
    });

    test('an id merged into another item still lands on that item', async ({ page }) => {
      const merged = data.evidence.find((e) => e.aliases?.length)!;
      await page.goto(`/evidence/#${merged.aliases![0]}`);
      await expect(page.locator(`li#${merged.id}`)).toBeInViewport();
    });
  });
}

test.describe('/evidence/ with JavaScript', () => {
  test('a linked filtered view opens filtered, and clearing restores the full list and the plain address', async ({
    page,
  }) => {
    const filters = { lab: 'meta', analogy: 'power-seeking' };
    await page.goto('/evidence/?lab=meta&analogy=power-seeking');
    await expect(page.getByRole('radio', { name: 'Meta', exact: true })).toBeChecked();
    await expect(page.locator('#evidence-count')).toHaveText(
      `Showing ${expectedIds(filters).length} of ${total} items`,
    );
    expect(await shownIds(page)).toEqual(expectedIds(filters));
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(page.locator('#evidence-count')).toHaveText(`Showing ${total} of ${total} items`);
    await expect(page).toHaveURL(/\/evidence\/$/);
  });

  test('the filters work from the keyboard alone', async ({ page }) => {
    await page.goto('/evidence/');
    await page.getByRole('radio', { name: 'Any' }).first().focus();
    await page.keyboard.press('ArrowDown');
    const firstLab = data.labs[0]!;
    await expect(page.getByRole('radio', { name: firstLab.name, exact: true })).toBeChecked();
    await expect(page).toHaveURL(new RegExp(`\\?lab=${firstLab.id}$`));
    expect(await shownIds(page)).toEqual(expectedIds({ lab: firstLab.id }));
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('group', { name: 'Analogy' }).getByRole('radio', { name: 'Any' }),
    ).toBeFocused();
  });

  test('a link to an item that the linked filters would hide shows the item', async ({ page }) => {
    const item = data.evidence.find((e) => !e.labs.includes('meta'))!;
    await page.goto(`/evidence/?lab=meta#${item.id}`);
    await expect(page.locator(`li#${item.id}`)).toBeInViewport();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    test.describe(`at ${width} px in the ${colorScheme} scheme`, () => {
      test.use({ colorScheme, viewport: { width, height: 900 } });
      for (const path of [
        '/evidence/',
        '/evidence/?analogy=opacity&direction=weakens',
        '/changes/',
        '/labs/openai/',
      ]) {
        test(`${path} has no axe violation and no sideways scroll`, async ({ page }) => {
          // Long pages: axe checks thousands of nodes, which outlasts the default timeout on a shared machine.
          test.slow();
          await page.goto(path);
          await expect(page.locator('h1')).toBeVisible();
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

test('the change feed parses as XML, with one entry per change and absolute links', async ({
  page,
  request,
}) => {
  const text = await (await request.get('/changes.xml')).text();
  await page.goto('/changes/');
  const feed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      links: [...doc.querySelectorAll('item > link')].map((l) => l.textContent ?? ''),
    };
  }, text);
  expect(feed.error).toBeNull();
  expect(feed.links).toHaveLength(readdirSync('content/changes').filter((f) => f.endsWith('.yaml')).length);
  for (const link of feed.links) expect(link).toMatch(/^https?:\/\/[^/]+\/.*changes\/#change-/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
});

test("a lab page's timeline marks link to their items on /evidence/", async ({ page }) => {
  await page.goto('/labs/openai/');
  const figure = page.getByRole('figure', { name: /^Timeline of the evidence about OpenAI/ });
  await expect(figure).toBeVisible();
  await figure.getByText('The timeline as a table').click();
  const link = figure.getByRole('table').getByRole('link').first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/evidence\/#/);
  await link.click();
  await expect(page.locator(`li${new URL(href!, 'http://x').hash}`)).toBeInViewport();
});
