import AxeBuilder from '@axe-core/playwright';
import { builtPages, expect, test, waitForIslands } from './fixtures';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    for (const path of builtPages()) {
      test(`${path} has no axe violation (WCAG 2.2 AA)`, async ({ page }) => {
        // axe checks the contrast of every node one by one; on a shared two-core machine, with the
        // evidence base at over a hundred items, a full page can outlast the default timeout.
        test.slow();
        await page.goto(path);
        await waitForIslands(page);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        const report = violations.map(
          (v) =>
            `${path} [${colorScheme}] ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
        );
        expect(report).toEqual([]);
      });
    }
  });
}

test('the scorecard, opened from a share link and comparing, has no axe violation', async ({ page }) => {
  test.slow(); // axe over the whole scorecard in three states' worth of markup takes ~30 s on a loaded 2-core machine
  // Compare is offered to a reader with scores of their own.
  await page.goto('/scorecard/');
  await waitForIslands(page);
  await page.getByRole('combobox', { name: /^Opacity score for OpenAI$/ }).selectOption('1');
  await page.goto('/scorecard/#share=v1.oamiApsHopOdeDicKcsM.anmi2ps1');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Compare with mine' }).click();
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
