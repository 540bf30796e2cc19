import { readFileSync } from 'node:fs';
import {
  expect,
  labName,
  levelOn,
  openScorecard,
  rubric,
  savedScorecard,
  scoreControl,
  shareLinkHolding,
  test,
  title,
  waitForIslands,
} from './fixtures';

test.describe('scoring on an analogy page', () => {
  test('a score, a confidence and a note survive a reload and appear on the scorecard and the home page', async ({
    page,
  }) => {
    await page.goto('/analogies/opacity/');
    await waitForIslands(page);
    await scoreControl(page, 'opacity', 'openai').selectOption('3');
    await page
      .getByRole('combobox', { name: `Confidence in ${title('opacity')} score for OpenAI` })
      .selectOption('high');
    const note = page.getByRole('textbox', { name: `Note on ${title('opacity')} for OpenAI` });
    await note.fill('Model cards thin since 2023');
    await note.blur();
    await page.reload();
    await waitForIslands(page);
    await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('3');
    await expect(page.getByRole('textbox', { name: `Note on ${title('opacity')} for OpenAI` })).toHaveValue(
      'Model cards thin since 2023',
    );
    await openScorecard(page);
    await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('3');
    await page.goto('/');
    await waitForIslands(page);
    // Every lab on every analogy: the count grows as labs are added.
    const rubric = (await (await page.request.get('/rubric.json')).json()) as {
      labs: unknown[];
      analogies: unknown[];
    };
    await expect(
      page.getByText(`You have scored 1 of ${rubric.labs.length * rubric.analogies.length} cells.`),
    ).toBeVisible();
  });

  test('every option of a score control begins with its level number, and unscored is a choice', async ({
    page,
  }) => {
    await page.goto('/analogies/deception/');
    await waitForIslands(page);
    const options = await scoreControl(page, 'deception', 'meta').locator('option').allTextContents();
    expect(options[0]).toBe('Unscored');
    expect(options.slice(1).map((o) => o.slice(0, 4))).toEqual(['0 - ', '1 - ', '2 - ', '3 - ', '4 - ']);
  });

  test('the essay scores every lab beside each analogy section, with the site reading and the evidence tally', async ({
    page,
  }) => {
    await page.goto('/essay/#power-seeking');
    await waitForIslands(page);
    const table = page.getByRole('table', { name: `Your scores: ${title('power-seeking')}` });
    await expect(table.getByRole('row')).toHaveCount(1 + rubric.labs.length);
    await scoreControl(page, 'power-seeking', 'meta').selectOption('2');
    await openScorecard(page);
    await expect(scoreControl(page, 'power-seeking', 'meta')).toHaveValue('2');
  });
});

test.describe('the scorecard', () => {
  test('can be filled, weighed and ranked by keyboard alone', async ({ page }) => {
    await openScorecard(page);
    // Tab from the top of the page to the first score control, as a keyboard user would.
    const firstName = `${title('misaligned-incentives')} score for ${labName('openai')}`;
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      if (name === firstName) break;
    }
    await expect(scoreControl(page, 'misaligned-incentives', 'openai')).toBeFocused();
    // In a closed native select, arrow keys change the value directly.
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowDown');
    await expect(scoreControl(page, 'misaligned-incentives', 'openai')).toHaveValue('4');
    const weight = page.getByRole('combobox', { name: `Weight of ${title('misaligned-incentives')}` });
    await weight.focus();
    await page.keyboard.press('ArrowDown');
    await expect(weight).toHaveValue('2');
    const ranking = page.locator('.ranking li').first();
    await expect(ranking).toContainText('OpenAI');
    await expect(ranking).toContainText('4.00 of 4');
    // Reset and undo, by keyboard.
    await page.getByRole('button', { name: 'Reset scores' }).focus();
    await page.keyboard.press('Enter');
    await expect(scoreControl(page, 'misaligned-incentives', 'openai')).toHaveValue('');
    await expect(page.getByRole('status')).toContainText('reset');
    await page.getByRole('button', { name: 'Undo reset' }).focus();
    await page.keyboard.press('Enter');
    await expect(scoreControl(page, 'misaligned-incentives', 'openai')).toHaveValue('4');
  });

  test('the aggregate leaves unscored cells out, says how many there are, and follows the weights', async ({
    page,
  }) => {
    await openScorecard(page);
    await scoreControl(page, 'opacity', 'anthropic').selectOption('1');
    await scoreControl(page, 'deception', 'anthropic').selectOption('3');
    const row = page.locator('.ranking li', { hasText: 'Anthropic' });
    await scoreControl(page, 'incorrigibility', 'anthropic').selectOption('2');
    await expect(row).toContainText('2.00 of 4, on 3 of 6 cells');
    await page.getByRole('combobox', { name: `Weight of ${title('deception')}` }).selectOption('3');
    await expect(row).toContainText('2.40 of 4');
  });

  test('says which single weight change would swap two adjacent labs', async ({ page }) => {
    await openScorecard(page);
    await scoreControl(page, 'opacity', 'openai').selectOption('4');
    await scoreControl(page, 'deception', 'openai').selectOption('0');
    await scoreControl(page, 'opacity', 'meta').selectOption('1');
    await scoreControl(page, 'deception', 'meta').selectOption('2');
    // A third cell each, so both labs are scored on enough cells to be ranked.
    await scoreControl(page, 'incorrigibility', 'openai').selectOption('2');
    await scoreControl(page, 'incorrigibility', 'meta').selectOption('2');
    await expect(page.locator('.sensitivity')).toContainText(
      'Meta would move ahead of OpenAI if Opacity weighed × 0, or Deception weighed × 2 or × 3.',
    );
  });

  test('a note full of markup is kept as plain text and never runs', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script>"'&`;
    await openScorecard(page);
    await page
      .locator('summary', {
        hasText: `and confidence: ${title('incorrigibility')}, ${labName('google-deepmind')}`,
      })
      .click();
    const note = page.getByRole('textbox', {
      name: `Note on ${title('incorrigibility')} for ${labName('google-deepmind')}`,
    });
    await note.fill(hostile);
    await note.blur();
    // A link carries notes only when asked to; without them the reader below would have no note to show.
    await page.getByRole('checkbox', { name: 'Include notes in the link' }).check();
    const link = await shareLinkHolding(
      page,
      (card) => card.cells['google-deepmind']?.['incorrigibility']?.note === hostile,
    );
    await page.reload();
    await waitForIslands(page);
    await page
      .locator('summary', {
        hasText: `and confidence: ${title('incorrigibility')}, ${labName('google-deepmind')}`,
      })
      .click();
    await expect(
      page.getByRole('textbox', {
        name: `Note on ${title('incorrigibility')} for ${labName('google-deepmind')}`,
      }),
    ).toHaveValue(hostile);
    const other = await page.context().browser()!.newContext();
    const reader = await other.newPage();
    reader.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await reader.goto(link);
    const shared = reader.getByRole('region', { name: 'A shared scorecard' });
    await expect(shared).toBeVisible();
    await expect(shared.getByRole('listitem').filter({ hasText: hostile })).toHaveCount(1);
    await expect(reader.locator('img[src="x"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
    await other.close();
  });
});

test.describe('sharing', () => {
  test('a share link opens read-only, compares, replaces the reader’s scores, and the replacement can be undone', async ({
    page,
    browser,
  }) => {
    await openScorecard(page);
    await scoreControl(page, 'power-seeking', 'openai').selectOption('4');
    await scoreControl(page, 'opacity', 'meta').selectOption('2');
    await page.getByRole('combobox', { name: `Weight of ${title('opacity')}` }).selectOption('3');
    const link = await shareLinkHolding(
      page,
      (card) =>
        levelOn(card, 'openai', 'power-seeking') === 4 &&
        levelOn(card, 'meta', 'opacity') === 2 &&
        card.weights['opacity'] === 3,
    );
    expect(new URL(link).hash).toMatch(/^#share=v2\./);

    const context = await browser.newContext();
    const friend = await context.newPage();
    await friend.goto('/scorecard/');
    await waitForIslands(friend);
    await scoreControl(friend, 'power-seeking', 'openai').selectOption('1');
    const friendsOwn = await savedScorecard(friend);
    await friend.goto(link);
    await waitForIslands(friend);
    const shared = friend.getByRole('region', { name: 'A shared scorecard' });
    await expect(shared).toBeVisible();
    await expect(scoreControl(friend, 'power-seeking', 'openai')).toHaveValue('1');
    expect(await savedScorecard(friend)).toEqual(friendsOwn);

    await friend.getByRole('button', { name: 'Compare with mine' }).click();
    const comparison = friend.getByRole('table', { name: /side by side/ });
    await expect(comparison).toContainText('2 cells differ');

    await friend.getByRole('button', { name: 'Replace mine' }).click();
    await expect(scoreControl(friend, 'power-seeking', 'openai')).toHaveValue('4');
    await expect(scoreControl(friend, 'opacity', 'meta')).toHaveValue('2');
    await expect(friend.getByRole('combobox', { name: `Weight of ${title('opacity')}` })).toHaveValue('3');
    await expect(shared).toBeHidden();
    expect(new URL(friend.url()).hash).toBe('');
    await friend.getByRole('button', { name: 'Undo replace' }).click();
    await expect(scoreControl(friend, 'power-seeking', 'openai')).toHaveValue('1');
    await context.close();
  });

  test('a full card without notes makes a link well under 200 characters after the #', async ({ page }) => {
    await openScorecard(page);
    for (const analogy of rubric.analogies) {
      for (const lab of rubric.labs)
        await scoreControl(page, analogy.id, lab.id).selectOption(
          String((analogy.key.charCodeAt(0) + lab.key.charCodeAt(1)) % 5),
        );
    }
    const link = await shareLinkHolding(page, (card) =>
      rubric.analogies.every((analogy) =>
        rubric.labs.every((lab) => levelOn(card, lab.id, analogy.id) !== null),
      ),
    );
    expect(new URL(link).hash.length).toBeLessThan(200);
  });

  test('Copy share link puts the link on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openScorecard(page);
    await scoreControl(page, 'deception', 'microsoft').selectOption('2');
    const link = await shareLinkHolding(page, (card) => levelOn(card, 'microsoft', 'deception') === 2);
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByRole('status')).toHaveText('Share link copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(link);
  });

  const badLinks: [string, string][] = [
    ['truncated', '#share=v1.oamiApsHop'],
    ['garbled', '#share=v1.oa%%%!!**zz'],
    ['of an unknown version', '#share=v9.oami3'],
    ['huge', `#share=v1.${'oami3'.repeat(20_000)}`],
    ['hostile', '#share=v1.-oami' + encodeURIComponent('<script>alert(1)</script>')],
    ['not a scorecard at all', '#share=hello-world'],
  ];
  for (const [kind, hash] of badLinks) {
    test(`a ${kind} share link shows a clear message and leaves saved scores untouched`, async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', async (d) => {
        dialogs += 1;
        await d.dismiss();
      });
      await openScorecard(page);
      await scoreControl(page, 'constraint-subversion', 'anthropic').selectOption('2');
      const before = await savedScorecard(page);
      await page.goto(`/scorecard/${hash}`);
      await page.reload();
      await waitForIslands(page);
      await expect(page.getByRole('alert')).toContainText(/share link|scorecard/i);
      await expect(page.getByRole('alert')).toContainText('Your own scores are unchanged.');
      await expect(page.getByRole('region', { name: 'A shared scorecard' })).toHaveCount(0);
      await expect(scoreControl(page, 'constraint-subversion', 'anthropic')).toHaveValue('2');
      expect(await savedScorecard(page)).toEqual(before);
      expect(dialogs).toBe(0);
    });
  }
});

test.describe('storage', () => {
  for (const [kind, raw] of [
    ['corrupt', '{"schemaVersion":1,"card":{'],
    ['foreign', '{"theme":"dark","fontSize":14}'],
    ['from a newer version of the site', '{"schemaVersion":7,"card":{}}'],
  ] as const) {
    test(`${kind} data in storage is set aside with a message, never silently dropped`, async ({ page }) => {
      await openScorecard(page);
      await page.evaluate((value) => localStorage.setItem('labs-alignment.scorecard', value), raw);
      await page.reload();
      await waitForIslands(page);
      await expect(page.getByRole('alert')).toContainText('A copy is kept');
      const copies = await page.evaluate(() =>
        Object.keys(localStorage)
          .filter((k) => k.startsWith('labs-alignment.scorecard.set-aside.'))
          .map((k) => localStorage.getItem(k)),
      );
      expect(copies).toEqual([raw]);
      await scoreControl(page, 'opacity', 'microsoft').selectOption('3');
      await page.reload();
      await waitForIslands(page);
      await expect(scoreControl(page, 'opacity', 'microsoft')).toHaveValue('3');
    });
  }

  test('two tabs scoring different cells keep both changes', async ({ context }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await openScorecard(first);
    await openScorecard(second);
    await scoreControl(first, 'opacity', 'openai').selectOption('4');
    await scoreControl(second, 'deception', 'anthropic').selectOption('1');
    // The other tab hears of the change through the storage event, without a reload.
    await expect(scoreControl(first, 'deception', 'anthropic')).toHaveValue('1');
    await expect(scoreControl(second, 'opacity', 'openai')).toHaveValue('4');
    await first.reload();
    await waitForIslands(first);
    await expect(scoreControl(first, 'opacity', 'openai')).toHaveValue('4');
    await expect(scoreControl(first, 'deception', 'anthropic')).toHaveValue('1');
  });

  test('two tabs scoring at the same moment keep both changes', async ({ context }) => {
    // Each tab merges into its own copy of storage, so writes made at once can drop each other's change.
    const first = await context.newPage();
    const second = await context.newPage();
    await openScorecard(first);
    await openScorecard(second);
    for (const [level, other] of [['4', '1'], ['2', '3']] as const) {
      await Promise.all([
        scoreControl(first, 'opacity', 'openai').selectOption(level),
        scoreControl(second, 'deception', 'anthropic').selectOption(other),
      ]);
      for (const page of [first, second]) {
        await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue(level);
        await expect(scoreControl(page, 'deception', 'anthropic')).toHaveValue(other);
      }
    }
    const third = await context.newPage();
    await openScorecard(third);
    await expect(scoreControl(third, 'opacity', 'openai')).toHaveValue('2');
    await expect(scoreControl(third, 'deception', 'anthropic')).toHaveValue('3');
  });
});

test.describe('export and import', () => {
  test('CSV export neutralises formulas, and importing it restores the scores', async ({ page }) => {
    await openScorecard(page);
    await scoreControl(page, 'misaligned-incentives', 'meta').selectOption('4');
    await page
      .locator('summary', { hasText: `and confidence: ${title('misaligned-incentives')}, Meta` })
      .click();
    const note = page.getByRole('textbox', { name: `Note on ${title('misaligned-incentives')} for Meta` });
    await note.fill('=HYPERLINK("http://evil.example","click")');
    await note.blur();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

    await page.getByRole('button', { name: 'Reset scores' }).click();
    await expect(scoreControl(page, 'misaligned-incentives', 'meta')).toHaveValue('');
    await page
      .getByLabel('Import scores')
      .setInputFiles({ name: 'scorecard.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Merge into mine' }).click();
    await expect(scoreControl(page, 'misaligned-incentives', 'meta')).toHaveValue('4');
    await expect(page.getByRole('status').filter({ hasText: 'scorecard.csv' })).toContainText(
      'Merged the scores from scorecard.csv',
    );
  });

  test('JSON export round-trips through import', async ({ page }) => {
    await openScorecard(page);
    await scoreControl(page, 'incorrigibility', 'openai').selectOption('3');
    await page.getByRole('combobox', { name: `Weight of ${title('incorrigibility')}` }).selectOption('0');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const json = readFileSync((await download.path())!, 'utf8');
    expect(JSON.parse(json)).toMatchObject({ format: 'labs-alignment-scorecard', schemaVersion: 1 });
    await page.getByRole('button', { name: 'Reset scores' }).click();
    await page
      .getByLabel('Import scores')
      .setInputFiles({ name: 'scorecard.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.getByRole('button', { name: 'Merge into mine' }).click();
    await expect(scoreControl(page, 'incorrigibility', 'openai')).toHaveValue('3');
    await expect(page.getByRole('combobox', { name: `Weight of ${title('incorrigibility')}` })).toHaveValue(
      '0',
    );
  });

  for (const [kind, name, content] of [
    ['a JSON file from somewhere else', 'settings.json', '{"theme":"dark"}'],
    ['a spreadsheet with other columns', 'budget.csv', 'month,amount\nJan,3\n'],
    ['a binary file', 'photo.png', '\u0089PNG\r\n\u001a\n\u0000\u0000'],
  ] as const) {
    test(`importing ${kind} shows a clear message and keeps the reader's scores`, async ({ page }) => {
      await openScorecard(page);
      await scoreControl(page, 'power-seeking', 'google-deepmind').selectOption('3');
      const before = await savedScorecard(page);
      await page
        .getByLabel('Import scores')
        .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
      await expect(page.getByRole('alert')).toContainText(`${name} could not be imported`);
      await expect(page.getByRole('alert')).toContainText('Your scores are unchanged.');
      expect(await savedScorecard(page)).toEqual(before);
    });
  }
});

test('a shared scorecard can be compared, taken over and given back by keyboard alone', async ({ page }) => {
  await openScorecard(page);
  await scoreControl(page, 'opacity', 'openai').selectOption('1');
  await page.goto('/scorecard/#share=v1.oaop4de3');
  await page.reload();
  await waitForIslands(page);
  const focusByTab = async (name: string) => {
    for (let i = 0; i < 80; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return;
    }
    throw new Error(`"${name}" was never reached with Tab`);
  };
  await page.locator('body').focus();
  await focusByTab('Compare with mine');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: /side by side/ })).toContainText('2 cells differ');
  await focusByTab('Replace mine');
  await page.keyboard.press('Enter');
  await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('4');
  await expect(scoreControl(page, 'deception', 'openai')).toHaveValue('3');
  // The button that had the focus is gone with the panel: the focus goes on to the reader's own
  // scores, not back to the start of the page, and Tab goes on from there to the Undo.
  await expect(page.getByRole('heading', { name: 'Your scores', exact: true })).toBeFocused();
  await focusByTab('Undo replace');
  await page.keyboard.press('Enter');
  await expect(scoreControl(page, 'opacity', 'openai')).toHaveValue('1');
});
