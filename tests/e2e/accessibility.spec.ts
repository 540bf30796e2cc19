import { axeViolations, builtPages, expect, test, waitForIslands } from './fixtures';

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
        expect((await axeViolations(page)).map((v) => `${path} [${colorScheme}] ${v}`)).toEqual([]);
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
  expect(await axeViolations(page)).toEqual([]);
});
