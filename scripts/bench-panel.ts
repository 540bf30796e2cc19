// The panel benchmark: how long "Build panel" takes on /panel/ with 30 raters, each scoring every
// cell with weights of their own (the budget: under 100 ms). `npm run bench` counts its verdict
// among its budgets; alone: `node_modules/.bin/node scripts/bench-panel.ts` after a build
// (environment: CHROMIUM_PATH, OUT_DIR, BASE_PATH as the build used).
//
// How: 30 share links are written from the build's rubric.json share keys (src/rubric/codec.ts
// describes the format), pasted into "Scorecard links", and "Build panel" is pressed. Each build is
// timed in the page from the click until the DOM shows the new panel (the status line and the
// raters' names), layout forced. The statistics' code starts loading when the textbox takes focus,
// as for a reader, and each build waits until it has arrived. "First" builds draw the panel on a
// freshly loaded page; "again" builds alternate between the 30 raters and 29 of them on one page,
// so that every build changes what is shown (the 30-rater builds are summarised). The verdict
// takes the p95 of both.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  islandHydrated,
  loadText,
  ms,
  runWhenMain,
  summary,
  withBuiltSite,
  type BenchOptions,
} from './bench-browser.ts';

export const BUDGET_MS = 100;
export const RATERS = 30;
const REPEATS = 40;
const FIRST_BUILDS = 10;

interface Keyed {
  readonly key: string;
}

/** A deterministic pseudo-random sequence (mulberry32), so that every run pools the same cards. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lines of the textbox, "Rater n: <link>": each card scores every cell 0-4 around a shared
 * opinion of each lab (so that alpha is neither 0 nor 1) and weights some analogies its own way.
 */
function panelLines(rubric: { labs: Keyed[]; analogies: Keyed[] }, origin: string): string[] {
  const next = random(11);
  const opinion = rubric.labs.map(() => Math.floor(next() * 5));
  return Array.from({ length: RATERS }, (_, r) => {
    const rows = rubric.labs.map(
      (lab, l) =>
        lab.key +
        rubric.analogies
          .map(
            (analogy) =>
              `${analogy.key}${Math.max(0, Math.min(4, opinion[l]! + Math.round((next() - 0.5) * 3)))}`,
          )
          .join(''),
    );
    const weights = rubric.analogies
      .filter(() => next() < 0.3)
      .map((analogy) => `${analogy.key}${Math.floor(next() * 4)}`)
      .filter((weight) => !weight.endsWith('1'))
      .join('');
    return `Rater ${r + 1}: ${origin}scorecard/#share=${['v1', ...rows, ...(weights ? [`_${weights}`] : [])].join('.')}`;
  });
}

/** Runs in the browser: pastes `text`, presses "Build panel", and times until `expected` shows. */
async function buildInPage({
  text,
  expected,
  lastName,
}: {
  text: string;
  expected: string;
  lastName: string;
}) {
  const area = document.getElementById('panel-links') as HTMLTextAreaElement;
  // Focusing the textbox starts loading the statistics' code, as it does for a reader.
  area.focus();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  // A reader takes a moment between pasting and pressing the button; by then the code is in.
  const loaded = () =>
    ['/PanelResults.', '/panel-assemble.'].every((name) =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes(name) && (entry as PerformanceResourceTiming).responseEnd > 0),
    );
  while (!loaded()) await new Promise((done) => setTimeout(done, 10));
  // Let the textbox's own re-render and the modules' evaluation finish, so they are not counted.
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  const status = document.getElementById('panel-summary')!;
  const button = [...document.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === 'Build panel',
  )!;
  return new Promise<number>((done, fail) => {
    const timeout = setTimeout(() => fail(new Error(`"${expected}" did not appear within 10 s`)), 10_000);
    let start = 0;
    const observer = new MutationObserver(() => {
      const raters = document.querySelector('.panel-results .panel-raters')?.textContent ?? '';
      if (status.textContent?.trim() !== expected || !raters.includes(`${lastName}.`)) return;
      document.documentElement.getBoundingClientRect();
      const elapsed = performance.now() - start;
      observer.disconnect();
      clearTimeout(timeout);
      done(elapsed);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    start = performance.now();
    button.click();
  });
}

export function benchPanel(options: BenchOptions = {}) {
  return withBuiltSite(options, 'panel/index.html', async ({ page, url, dir, problems, loadAverage }) => {
    const rubric = JSON.parse(readFileSync(join(dir, 'rubric.json'), 'utf8'));
    const lines = panelLines(rubric, url);
    const build = (count: number) => ({
      text: lines.slice(0, count).join('\n'),
      expected: `Panel built from ${count} scorecards.`,
      lastName: `Rater ${count}`,
    });
    // First builds: a fresh page each time, so the whole panel is drawn from nothing.
    const firsts: number[] = [];
    for (let i = 0; i < FIRST_BUILDS; i += 1) {
      await page.goto(`${url}panel/`, { waitUntil: 'load' });
      await islandHydrated(page, 'Panel');
      firsts.push(await page.evaluate(buildInPage, build(RATERS)));
    }
    // Builds again on the same page, alternating with one rater fewer, as a reader editing the links.
    const again: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      await page.evaluate(buildInPage, build(RATERS - 1));
      again.push(await page.evaluate(buildInPage, build(RATERS)));
    }
    // Console errors are not counted here: as before, only exceptions fail the panel benchmark.
    const exceptions = problems.filter((problem) => problem.startsWith('exception'));
    if (exceptions.length > 0) throw new Error(exceptions.join('; '));
    const alpha = await page.locator('.alpha-headline').textContent();
    const first = summary(firsts);
    const repeated = summary(again);
    const row = (label: string, s: typeof first) =>
      `| ${label} | ${s.n} | ${ms(s.median)} ms | ${ms(s.p95)} ms | ${ms(s.max)} ms |`;
    const markdown = [
      `${RATERS} raters, each scoring all ${rubric.labs.length * rubric.analogies.length} cells, pasted as share links; from pressing "Build panel" until the panel is on screen (layout forced), unthrottled.`,
      '',
      '| Build | n | median | p95 | max |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('first on a fresh page', first),
      row('again', repeated),
      '',
      `Result shown: ${alpha?.trim()}. Load average at start: ${loadText(loadAverage)}.`,
    ].join('\n');
    return {
      raters: RATERS,
      first,
      again: repeated,
      alpha,
      pass: first.p95 < BUDGET_MS && repeated.p95 < BUDGET_MS,
      loadAverage,
      markdown,
    };
  });
}

runWhenMain(import.meta.url, () => benchPanel());
