import AxeBuilder from '@axe-core/playwright';
import { builtPages, expect, test, waitForIslands } from './fixtures';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme });
    for (const path of builtPages()) {
      test(`${path} has no axe violation (WCAG 2.2 AA)`, async ({ page }) => {
        // The essay, the lab pages (every item concerning a lab, in full) and /evidence/ (every item) are the longest pages,
        // thousands of nodes whose contrast axe checks one by one: on a shared two-core machine that
        // outlasts the default timeout, though the pages themselves have no violation.
        if (path === '/essay/' || path === '/evidence/' || /^\/labs\/[^/]+\/$/.test(path)) test.slow();
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
  await page.goto('/scorecard/#share=v1.oamiApsHopOdeDicKcsM.anmi2ps1');
  await waitForIslands(page);
  await page.getByRole('button', { name: 'Compare with mine' }).click();
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
