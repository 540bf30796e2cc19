import { readFileSync, readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures';
import { splitItemIds } from '../../src/data/format';
import {
  matchesWords,
  type FilterName,
  type Filters,
  type SearchText,
} from '../../src/data/evidence-filters';
import { labNamesOf, matchesFilters } from '../../src/data/evidence-filter-rules';

interface Item {
  id: string;
  aliases?: string[];
  date: string;
  labs: string[];
  /** Labs the item names without counting for them. */
  mentions?: string[];
  bears: { analogy: string; direction: 'supports' | 'weakens'; labs?: string[] }[];
  summary: string;
  sources: { publisher: string; title: string }[];
  checked: boolean;
  checkNote?: string;
}
const data = JSON.parse(readFileSync(`${process.env['OUT_DIR'] ?? 'dist'}/rubric.json`, 'utf8')) as {
  evidence: Item[];
  labs: { id: string; name: string; alsoCalled?: string[] }[];
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
  for (const [key, value] of Object.entries(filters) as [FilterName | 'from', string][]) {
    const name = key === 'from' ? 'year' : key;
    const group = page.getByRole('group', { name: LEGEND[name], exact: true });
    await group.getByRole('radio', { name: labelOf(name, value), exact: true }).check();
    if (key === 'from') await group.getByRole('checkbox', { name: 'and later years' }).check();
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

// checkVisibility, not :visible or getComputedStyle: computing the style of each hidden item
// against the page's filter rules takes seconds on a busy machine, and the page never needs it.
const shownIds = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ev-item')]
      .filter((i) => i.checkVisibility())
      .map((i) => i.id),
  );
/** The overview table's rows that the filters keep, by one of their attributes; the table and the folds around it are opened to look. */
const shownRows = (page: Page, attribute: 'data-item' | 'data-labs') =>
  page.evaluate((attribute) => {
    const table = document.querySelector<HTMLDetailsElement>('#overview-caption ~ details')!;
    const closed: HTMLDetailsElement[] = [];
    for (let fold = table.closest('details'); fold; fold = fold.parentElement!.closest('details'))
      if (!fold.open) closed.push(fold);
    for (const fold of closed) fold.open = true;
    const rows = [...table.querySelectorAll('tr.tl-row')].filter((tr) => tr.checkVisibility());
    for (const fold of closed) fold.open = false;
    return rows.map((tr) => tr.getAttribute(attribute));
  }, attribute);
/** Roughly what the search reads of an item on the page: not the ids of other items its note names. */
const nameOf = (lab: string) => data.labs.find((l) => l.id === lab)!.name;
const titleOf = (analogy: string) => data.analogies.find((a) => a.id === analogy)!.title;
const textOf = (e: Item): SearchText => {
  const about = [...[...e.labs, ...(e.mentions ?? [])].map(nameOf), e.summary].join(' ');
  const all = [
    about,
    ...e.bears.map((b) => titleOf(b.analogy)),
    ...e.sources.flatMap((s) => [s.publisher, s.title]),
    ...splitItemIds(e.checkNote ?? '').filter((part) => typeof part === 'string'),
  ].join(' ');
  return { all, about };
};
const labNames = labNamesOf(data.labs);
const expectedIds = (filters: Filters) =>
  data.evidence.filter((e) => matchesFilters(e, filters, textOf(e), labNames)).map((e) => e.id);

/**
 * The overview timeline's marks, in both drawings, as they are drawn: whether a mark is drawn as
 * left out by the filters (in outline: filled with the page's background), and the contrast
 * against the page of what is drawn of it (its fill, or the outline of a left-out mark).
 */
const drawnMarks = (page: Page, scope = '#overview-caption ~ svg') =>
  page.locator(`${scope} .tl-mark[data-item]`).evaluateAll((marks) => {
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = channels(colour).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: string, b: string) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (light + 0.05) / (dark + 0.05);
    };
    const background = getComputedStyle(document.body).backgroundColor;
    return marks.map((mark) => {
      const style = getComputedStyle(mark);
      const leftOut = style.fill === background;
      return {
        item: mark.getAttribute('data-item')!,
        lab: mark.getAttribute('data-labs'),
        year: mark.getAttribute('data-year')!,
        leftOut,
        opacity: Number(style.opacity),
        strokeWidth: parseFloat(style.strokeWidth),
        contrast: Math.round(contrast(leftOut ? style.stroke : style.fill, background) * 100) / 100,
      };
    });
  });

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
  { from: '2025' },
  { lab: 'meta', analogy: 'power-seeking', from: '2025' },
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

    test('the overview timeline fades the marks the filters leave out, and its table lists only the rest', async ({
      page,
    }) => {
      await page.goto('/evidence/');
      await choose(page, { lab: 'meta', from: '2025' });
      await page.getByText('Timeline of the items shown').click();
      await expect(page.getByRole('figure', { name: /^Timeline of the evidence/ })).toBeVisible();
      const marks = await drawnMarks(page);
      // A mark stands for its item: one in another lab's lane is kept when its item names Meta.
      const kept = (m: { lab: string | null; year: string }) =>
        m.lab!.split(' ').includes('meta') && m.year >= '2025';
      expect(marks.filter(kept).length).toBeGreaterThan(0);
      // A mark left out is still there to see, in outline, and one kept is filled with its colour:
      // each stands out from the page by 3:1 or more.
      for (const mark of marks) {
        expect(mark.leftOut, JSON.stringify(mark)).toBe(!kept(mark));
        expect(mark.opacity, JSON.stringify(mark)).toBe(1);
        expect(mark.contrast, JSON.stringify(mark)).toBeGreaterThanOrEqual(3);
        if (mark.leftOut) expect(mark.strokeWidth, JSON.stringify(mark)).toBeGreaterThanOrEqual(1);
      }
      // The key is not a mark: it keeps its colours.
      const key = page.locator('#overview-caption ~ .tl-legend .tl-a1');
      const [fill, background] = await key.evaluate((k) => [
        getComputedStyle(k).fill,
        getComputedStyle(document.body).backgroundColor,
      ]);
      expect(fill).not.toBe(background);
      const visible = await shownRows(page, 'data-labs');
      // Each item's mark is drawn twice, once in each drawing, of which one is shown.
      expect(visible.length * 2).toBe(marks.filter(kept).length);
      expect(visible.every((labs) => labs!.split(' ').includes('meta'))).toBe(true);
      expect(visible.some((labs) => !labs!.startsWith('meta'))).toBe(true);
    });

    test('on a phone, the count and the first item are on the first screen, and the folded filters open', async ({
      page,
    }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(javaScriptEnabled ? '/evidence/?lab=openai&from=2025' : '/evidence/');
      // Without the script the count shown is the CSS counter's, which follows the list.
      const count = page.getByRole('status');
      await expect.poll(() => countText(page)).toMatch(/^Showing \d+ of/);
      expect((await count.boundingBox())!.y + (await count.boundingBox())!.height).toBeLessThanOrEqual(812);
      const first = page.locator(`[id="${(await shownIds(page))[0]}"]`);
      expect((await first.boundingBox())!.y).toBeLessThan(812);
      const filters = page.locator('#filter-box > summary');
      if (javaScriptEnabled) await expect(filters).toHaveText('Filters: OpenAI, from 2025');
      await filters.click();
      await expect(page.getByRole('radio', { name: 'Meta', exact: true })).toBeVisible();
    });

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

  test('an old single-year link still means that year, and a "from" link that year and later', async ({
    page,
  }) => {
    await page.goto('/evidence/?year=2025');
    await expect(page.getByRole('checkbox', { name: 'and later years' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: '2025', exact: true })).toBeChecked();
    expect(await shownIds(page)).toEqual(expectedIds({ year: '2025' }));
    await page.goto('/evidence/?from=2025');
    await expect(page.getByRole('checkbox', { name: 'and later years' })).toBeChecked();
    expect(await shownIds(page)).toEqual(expectedIds({ from: '2025' }));
  });

  test('choosing Any year clears "and later years", so the next year chosen means that year alone', async ({
    page,
  }) => {
    await page.goto('/evidence/');
    const years = page.getByRole('group', { name: 'Year' });
    await years.getByRole('radio', { name: '2025' }).check();
    await years.getByLabel('and later years').check();
    await expect(page).toHaveURL(/[?&]from=2025/);
    await years.getByRole('radio', { name: 'Any' }).check();
    await expect(years.getByLabel('and later years')).not.toBeChecked();
    await years.getByRole('radio', { name: '2024' }).check();
    await expect(page).toHaveURL(/[?&]year=2024(&|$)/);
    expect(await shownIds(page)).toEqual(expectedIds({ year: '2024' }));
  });

  test('Back undoes each filter change and Forward redoes it', async ({ page }) => {
    await page.goto('/evidence/');
    await choose(page, { lab: 'openai' });
    await expect(page).toHaveURL(/\?lab=openai$/);
    await choose(page, { from: '2025' });
    await expect(page).toHaveURL(/\?lab=openai&from=2025$/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('lobbying');
    await expect(page).toHaveURL(/\?lab=openai&from=2025&q=lobbying$/);
    await page.goBack();
    await expect(page).toHaveURL(/\?lab=openai&from=2025$/);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(await shownIds(page)).toEqual(expectedIds({ lab: 'openai', from: '2025' }));
    // "2025" and "and later years" were two choices, so Back takes two steps.
    await page.goBack();
    await expect(page).toHaveURL(/\?lab=openai&year=2025$/);
    await page.goBack();
    await expect(page).toHaveURL(/\?lab=openai$/);
    await expect(page.getByRole('checkbox', { name: 'and later years' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'Any' }).last()).toBeChecked();
    expect(await shownIds(page)).toEqual(expectedIds({ lab: 'openai' }));
    await page.goBack();
    await expect(page).toHaveURL(/\/evidence\/$/);
    await expect(page.locator('#evidence-count')).toHaveText(`Showing ${total} of ${total} items`);
    await page.goForward();
    await expect(page.getByRole('radio', { name: 'OpenAI', exact: true })).toBeChecked();
    expect(await shownIds(page)).toEqual(expectedIds({ lab: 'openai' }));
  });

  test('the search narrows by words in summaries and sources, with the filters, and can be linked', async ({
    page,
  }) => {
    await page.goto('/evidence/');
    await choose(page, { lab: 'meta' });
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('lobbying');
    const expected = expectedIds({ lab: 'meta', q: 'lobbying' });
    expect(expected).toContain('big-tech-lobbying-2025');
    await expect(page.locator('#evidence-count')).toHaveText(`Showing ${expected.length} of ${total} items`);
    expect(await shownIds(page)).toEqual(expected);
    // The timeline follows the search too, an item that only names Meta (Microsoft's own total)
    // by its mark in Microsoft's lane.
    const lit = (await drawnMarks(page)).filter((m) => !m.leftOut).map((m) => m.item);
    expect(new Set(lit)).toEqual(new Set(expected));
    // And so does its table, the same marks in words.
    const rows = await shownRows(page, 'data-item');
    expect(new Set(rows)).toEqual(new Set(expected));
    await page.reload();
    await expect(search).toHaveValue('lobbying');
    expect(await shownIds(page)).toEqual(expected);
    await search.fill('zyxwv qwertz');
    await expect(page.locator('#evidence-count')).toHaveText(`Showing 0 of ${total} items`);
  });

  test('the search also reads the notes on how each item was checked, checked or not', async ({ page }) => {
    // A word that only a checked item's note holds: the caveats a reader may search for live there.
    const wordsOf = (text: string) => text.toLowerCase().match(/[a-z]{9,}/g) ?? [];
    const elsewhere = (e: Item) => [e.summary, ...e.sources.flatMap((s) => [s.publisher, s.title])].join(' ');
    const [item, word] = data.evidence
      .filter((e) => e.checked && e.checkNote)
      .flatMap((e) => wordsOf(e.checkNote!).map((w) => [e, w] as const))
      .find(
        ([e, w]) =>
          !matchesWords(elsewhere(e), w) &&
          data.evidence.filter((other) => matchesWords(textOf(other), w, labNames)).length === 1,
      )!;
    expect(expectedIds({ q: word })).toEqual([item.id]);
    await page.goto('/evidence/');
    await page.getByRole('searchbox', { name: 'Search' }).fill(word);
    await expect(page.locator('#evidence-count')).toHaveText(`Showing 1 of ${total} items`);
    expect(await shownIds(page)).toEqual([item.id]);
    await expect(page.locator(`li#${item.id}`)).toContainText(
      `Checked: we read its sources. ${item.checkNote}`,
    );
  });

  test('the search finds synonyms, and an id a note names is a link the search passes over', async ({
    page,
  }) => {
    const expected = expectedIds({ q: 'donation' });
    // Items that say "gave" or "gift" but never "donation" are among them.
    expect(
      expected.filter((id) => !/donat/i.test(textOf(data.evidence.find((e) => e.id === id)!).all)).length,
    ).toBeGreaterThan(0);
    await page.goto('/evidence/');
    await page.getByRole('searchbox', { name: 'Search' }).fill('donation');
    await expect(page.locator('#evidence-count')).toHaveText(`Showing ${expected.length} of ${total} items`);
    expect(await shownIds(page)).toEqual(expected);

    const [noting, named] = data.evidence
      .flatMap((e) =>
        splitItemIds(e.checkNote ?? '').flatMap((p) => (typeof p === 'string' ? [] : [[e, p.id] as const])),
      )
      .find(
        ([e, id]) => data.evidence.some((other) => other.id === id) && !matchesWords(textOf(e), id, labNames),
      )!;
    // Searching a named item's id finds entries by their own words, not the note naming it.
    const byId = expectedIds({ q: named });
    expect(byId).not.toContain(noting.id);
    await page.getByRole('searchbox', { name: 'Search' }).fill(named);
    await expect(page.locator('#evidence-count')).toHaveText(`Showing ${byId.length} of ${total} items`);
    expect(await shownIds(page)).toEqual(byId);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.locator(`li#${noting.id}`).getByRole('link', { name: named, exact: true }).click();
    await expect(page.locator(`li#${named}`)).toBeInViewport();
  });

  test('the search finds the first words of a summary, which follow the lab names', async ({ page }) => {
    await page.goto('/evidence/');
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const id of ['google-capex-2025', 'anthropic-lobbying-record-2026', data.evidence[0]!.id]) {
      const summary = data.evidence.find((e) => e.id === id)!.summary;
      const q = `"${summary.split(' ').slice(0, 2).join(' ')}"`;
      const expected = expectedIds({ q });
      expect(expected, q).toContain(id);
      await search.fill(q);
      await expect(page.locator('#evidence-count')).toHaveText(
        `Showing ${expected.length} of ${total} items`,
      );
      expect(await shownIds(page)).toEqual(expected);
    }
  });

  test("a first-time visitor finds everything about a lab's lobbying since 2025", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [lab, name, wanted] of [
      [
        'openai',
        'OpenAI',
        [
          'openai-lobbying-growth-2024',
          'openai-brockman-super-pac-2025',
          'openai-critic-subpoenas-2025',
          // Another lab's item that reports OpenAI's own lobbying figure counts for OpenAI too.
          'anthropic-lobbying-record-2026',
          // And what weakens the analogy is found the same way.
          'openai-no-pac-donations-2026',
          // Items that name OpenAI without counting for it: its 2024 figure, Altman's inaugural gift.
          'microsoft-lobbying-2024',
          'trump-inauguration-donations-2025',
        ],
      ],
      [
        'meta',
        'Meta',
        [
          'big-tech-lobbying-2025',
          'meta-super-pac-2025',
          'meta-california-super-pac-2025',
          'meta-state-super-pacs-2026',
          'meta-trump-settlement-2025',
          'trump-inauguration-donations-2025',
        ],
      ],
      [
        'microsoft',
        'Microsoft',
        [
          'microsoft-lobbying-2024',
          'microsoft-lobbying-2025',
          'trump-inauguration-donations-2025',
          'white-house-ballroom-donors-2025',
          // A joint count that names Microsoft without counting for it: found all the same.
          'big-tech-lobbying-2025',
        ],
      ],
    ] as const) {
      await page.goto('/evidence/');
      await page.getByText('Filters', { exact: true }).click();
      await page.getByRole('radio', { name, exact: true }).check();
      await page.getByRole('radio', { name: 'Power seeking', exact: true }).check();
      await page.getByRole('radio', { name: '2025', exact: true }).check();
      await page.getByRole('checkbox', { name: 'and later years' }).check();
      const shown = await shownIds(page);
      for (const id of wanted) expect(shown, `${name}: ${id}`).toContain(id);
      expect(shown).toEqual(expectedIds({ lab, analogy: 'power-seeking', from: '2025' }));
    }
  });

  test('a search for "<lab> lobbying" finds what the lab pressed on governments, and not another lab\'s item that names it in a note', async ({
    page,
  }) => {
    await page.goto('/evidence/');
    const search = page.getByRole('searchbox', { name: 'Search' });
    for (const [q, wanted, unwanted] of [
      // Google's request for preemption says "asked", not "lobbying"; an OpenAI letter's note says "a Google Doc".
      ['google lobbying', 'ai-action-plan-preemption-2025', 'openai-newsom-harmonization-letter-2025'],
      // Alphabet is Google: its items are found by either name.
      ['alphabet lobbying', 'ai-action-plan-preemption-2025', 'openai-newsom-harmonization-letter-2025'],
      ['openai lobbying', 'openai-newsom-harmonization-letter-2025', 'google-eu-code-reservations-2025'],
    ] as const) {
      const expected = expectedIds({ q });
      expect(expected, q).toContain(wanted);
      expect(expected, q).not.toContain(unwanted);
      await search.fill(q);
      await expect(page.locator('#evidence-count')).toHaveText(
        `Showing ${expected.length} of ${total} items`,
      );
      expect(await shownIds(page)).toEqual(expected);
    }
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
        '/evidence/?lab=openai&from=2025',
        '/evidence/?q=lobbying',
        '/evidence/?q=zyxwv+qwertz',
        // A linked item is highlighted: its notes must keep their contrast on the highlight.
        '/evidence/#meta-super-pac-2025',
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

test('the timeline labels read at 12 px or more on a 375 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/evidence/');
  await page.getByText('Timeline of the items shown').click();
  const sizes = await page.locator('#overview-caption ~ svg:visible').evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  });
  expect(sizes.length).toBeGreaterThan(0);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  await page.goto('/labs/openai/');
  const labSizes = await page.locator('#timeline-caption ~ svg:visible').evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  });
  expect(Math.min(...labSizes)).toBeGreaterThanOrEqual(12);
});

for (const [width, shown, hidden] of [
  [375, 'tl-narrow', 'tl-wide'],
  [1280, 'tl-wide', 'tl-narrow'],
] as const) {
  test(`at ${width} px the timelines show their ${shown.slice(3)} drawing only, with marks 12 px across or more`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/evidence/', '/labs/openai/']) {
      await page.goto(path);
      if (path === '/evidence/') await page.getByText('Timeline of the items shown').click();
      const figure = page.locator('figure.timeline');
      await expect(figure.locator(`svg.${shown}`), path).toBeVisible();
      // Not displayed at all, so that it is neither seen nor read.
      expect(
        await figure.locator(`svg.${hidden}`).evaluate((svg) => getComputedStyle(svg).display),
        path,
      ).toBe('none');
      const sizes = await figure.locator(`svg.${shown} .tl-mark`).evaluateAll((marks) =>
        marks.map((mark) => {
          const box = mark.getBoundingClientRect();
          return Math.min(box.width, box.height);
        }),
      );
      expect(sizes.length, path).toBeGreaterThan(10);
      expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(12);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`in the ${colorScheme} scheme, marks kept and marks left out by a filter both stand out from the page`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/evidence/?lab=openai');
    await page.getByText('Timeline of the items shown').click();
    const marks = await drawnMarks(page);
    const kept = marks.filter((m) => !m.leftOut);
    // Kept: OpenAI's own marks, and those of items in other labs' lanes that name OpenAI.
    expect(kept.every((m) => m.lab!.split(' ').includes('openai'))).toBe(true);
    expect(marks.length - kept.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.contrast, JSON.stringify(mark)).toBeGreaterThanOrEqual(3);
  });
}

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

test.describe('on a 375 px phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  for (const path of ['/labs/openai/', '/labs/meta/', '/evidence/']) {
    test(`${path} does not scroll sideways with every <details> open`, async ({ page }) => {
      await page.goto(path);
      await page
        .locator('details')
        .evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The table scrolls inside its own region, which the keyboard can reach.
      await expect(page.getByRole('region', { name: /as a table/ }).first()).toBeVisible();
    });
  }

  test('with the filters open, a choice shows its count in the panel, with a link to the results', async ({
    page,
  }) => {
    await page.goto('/evidence/');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('radio', { name: 'Meta', exact: true }).check();
    const expected = `Showing ${expectedIds({ lab: 'meta' }).length} of ${total} items`;
    const panelCount = page.locator('#evidence-filters').getByText(expected);
    await expect(panelCount).toBeInViewport();
    // One count on the screen, not the panel's and then the list's right below it.
    await expect(page.getByText(expected).filter({ visible: true })).toHaveCount(1);
    await expect(page.locator('#evidence-count')).toBeHidden();
    await page.locator('#evidence-filters').getByRole('link', { name: 'Show them' }).click();
    await expect(page.locator('#filter-box')).not.toHaveAttribute('open');
    await expect(page.locator('#evidence-count')).toBeInViewport();
    await expect(page.locator('#evidence-count')).toHaveText(expected);
  });

  test('with the filters open, a choice reached by Tab is never under the count stuck to the screen', async ({
    page,
  }) => {
    await page.goto('/evidence/');
    await page.getByText('Filters', { exact: true }).click();
    await page.getByLabel('Search').focus();
    let stopsChecked = 0;
    // Radios in one group are a single Tab stop; the walk ends when Tab leaves the filters.
    for (let press = 0; press < 40; press += 1) {
      await page.keyboard.press('Tab');
      const place = await page.evaluate(() => {
        const element = document.activeElement!;
        if (!element.closest('#evidence-filters') || element.closest('.panel-count')) return null;
        const count = document.querySelector('.panel-count')!.getBoundingClientRect();
        const target = (element.closest('label') ?? element).getBoundingClientRect();
        return { name: element.id || element.textContent, below: target.bottom - count.top };
      });
      if (place === null) {
        if (stopsChecked > 0) break;
        continue;
      }
      stopsChecked += 1;
      expect(place.below, `${place.name} ends under the count`).toBeLessThanOrEqual(0);
    }
    expect(stopsChecked).toBeGreaterThan(3);
  });
});

for (const [width, height] of [
  [1280, 800],
  [1366, 650],
] as const) {
  test(`on a ${width}×${height} laptop, a filter chosen by keyboard shows its count on the screen at once, over nothing`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/evidence/');
    const count = page.locator('#evidence-count');
    for (const [group, filters] of [
      ['Lab', { lab: 'openai' }],
      ['Year', { lab: 'openai', year: '2026' }],
    ] as const) {
      await page.getByRole('group', { name: group }).getByRole('radio', { name: 'Any' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(count).toHaveText(`Showing ${expectedIds(filters).length} of ${total} items`);
      await expect(count).toBeInViewport();
    }
    // It lies over none of the filters, nor the clear button, nor the note beside the years.
    const overlapping = await page.evaluate(() => {
      const box = document.getElementById('evidence-count')!.getBoundingClientRect();
      return [...document.querySelectorAll('#evidence-filters fieldset, #evidence-filters p, #clear-filters')]
        .filter((element) => {
          const r = element.getBoundingClientRect();
          return (
            r.height > 0 &&
            r.top < box.bottom &&
            box.top < r.bottom &&
            r.left < box.right &&
            box.left < r.right
          );
        })
        .map((element) => element.className || element.id || element.tagName);
    });
    expect(overlapping).toEqual([]);
  });
}

test.describe('/evidence/ without JavaScript, from a shared link', () => {
  test.use({ javaScriptEnabled: false });
  test("says that the link's filters need JavaScript, and lists every item", async ({ page }) => {
    await page.goto('/evidence/?lab=meta&from=2025');
    await expect(page.getByText(/filters in a shared link are not applied/)).toBeVisible();
    expect(await shownIds(page)).toHaveLength(total);
  });
});

test.describe('/evidence/ for a first-time visitor', () => {
  test('a link to an item its filters exclude clears them in the address too, and says so', async ({
    page,
  }) => {
    await page.goto('/evidence/?lab=openai#meta-super-pac-2025');
    await expect(page.locator('li#meta-super-pac-2025')).toBeInViewport();
    await expect(page).toHaveURL(/\/evidence\/#meta-super-pac-2025$/);
    await expect(page.locator('#evidence-count')).toHaveText(
      `Showing ${total} of ${total} items: the link's filters were cleared to show the linked item`,
    );
  });

  test('a timeline mark the filters keep opens its item in the filtered view; one they leave out clears them and says so', async ({
    page,
  }) => {
    await page.goto('/evidence/?lab=openai');
    await page.getByText('Timeline of the items shown').click();
    const mark = (lab: string) => page.locator(`svg.tl-wide use.tl-mark[data-labs="${lab}"]`).first();
    const kept = mark('openai');
    const keptId = await kept.getAttribute('data-item');
    await kept.click();
    await expect(page).toHaveURL(new RegExp(`/evidence/\\?lab=openai#${keptId}$`));
    await expect(page.locator(`li#${keptId}`)).toBeInViewport();
    await expect(page.locator('#evidence-count')).not.toContainText('cleared');

    await page.getByText('Timeline of the items shown').scrollIntoViewIfNeeded();
    const leftOut = mark('meta');
    const leftOutId = await leftOut.getAttribute('data-item');
    await leftOut.click();
    await expect(page.locator(`li#${leftOutId}`)).toBeInViewport();
    await expect(page).toHaveURL(new RegExp(`/evidence/#${leftOutId}$`));
    await expect(page.locator('#evidence-count')).toContainText(
      "the link's filters were cleared to show the linked item",
    );
  });

  test('a search that finds nothing offers to clear the filters and the search', async ({ page }) => {
    await page.goto('/evidence/?lab=meta');
    await page.getByRole('searchbox', { name: 'Search' }).fill('zzqxnotaword');
    await expect(page.locator('#evidence-count')).toHaveText(`Showing 0 of ${total} items`);
    await expect(page.getByText('No item matches all of these filters and this search.')).toBeVisible();
    await page.getByRole('button', { name: 'clear the filters and the search' }).click();
    await expect(page.locator('#evidence-count')).toHaveText(`Showing ${total} of ${total} items`);
    await expect(page).toHaveURL(/\/evidence\/$/);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    await expect(page.getByText('No item matches all of these filters and this search.')).toBeHidden();
  });

  test("a search that names a lab and finds nothing points to that lab's record too", async ({ page }) => {
    const q = 'xAI super PAC';
    expect(expectedIds({ q })).toEqual([]);
    await page.goto('/evidence/');
    await page.getByRole('searchbox', { name: 'Search' }).fill(q);
    await expect(page.locator('#evidence-count')).toHaveText(`Showing 0 of ${total} items`);
    await expect(page.locator('#empty-lab')).toHaveText(
      'What was searched for on xAI, and what found nothing, is listed on its page, under each analogy.',
    );
    await expect(page.locator('#empty-lab').getByRole('link', { name: 'its page' })).toHaveAttribute(
      'href',
      /\/labs\/xai\/$/,
    );
  });

  test("finding nothing for a lab points to that lab's record of what was searched for", async ({ page }) => {
    expect(expectedIds({ lab: 'deepseek', analogy: 'power-seeking', q: 'lobbying' })).toEqual([]);
    await page.goto('/evidence/?lab=deepseek&analogy=power-seeking&q=lobbying');
    await expect(page.locator('#evidence-count')).toHaveText(`Showing 0 of ${total} items`);
    await expect(page.locator('#empty-lab')).toHaveText(
      'What was searched for on DeepSeek, and what found nothing, is listed on its page, under each analogy.',
    );
    await page.locator('#empty-lab').getByRole('link', { name: 'its page' }).click();
    await expect(page).toHaveURL(/\/labs\/deepseek\/#power-seeking$/);
    await expect(
      page.locator('#power-seeking').getByText(/^What was searched for, and what it found/),
    ).toBeVisible();
  });

  test('a lab page links to the evidence page filtered to that lab', async ({ page }) => {
    await page.goto('/labs/meta/');
    const link = page.getByRole('link', {
      name: /^All \d+ items about Meta, and 1 more that names it without counting for it, on the evidence page$/,
    });
    await expect(link).toHaveAttribute('href', '/evidence/?lab=meta');
    await link.click();
    await expect(page.getByRole('radio', { name: 'Meta', exact: true })).toBeChecked();
    expect(await shownIds(page)).toEqual(expectedIds({ lab: 'meta' }));
  });
});
