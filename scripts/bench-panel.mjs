// The panel benchmark: how long "Build panel" takes on /panel/ with 30 raters, each scoring
// every cell with weights of their own (the budget: under 100 ms on this machine).
// A benchmark, not a test: it reports figures and a PASS/FAIL verdict; `npm run bench` runs
// it after the matrix benchmark and counts the verdict among its budgets.
//
// Run it alone, without npm (the project's Node 24, because Astro 7 refuses the system Node 20):
//
//   node_modules/.bin/node scripts/bench-panel.mjs
//
// It serves dist/ (or $OUT_DIR) with scripts/serve.ts on a free port.
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), OUT_DIR, BASE_PATH (as the build used).
//
// How: the 30 share links are written from dist/rubric.json's share keys (codec.ts describes the
// format), pasted into "Scorecard links", and "Build panel" is pressed. Each build is timed in the
// page from the click until the DOM shows the new panel (the status line and the raters' names),
// with style and layout forced. The statistics' code starts loading when the textbox takes focus,
// as for a reader, and each build waits until it has arrived. "First" builds draw the panel on a
// freshly loaded page; "again" builds alternate between the 30 raters and 29 of them on one page,
// so that every build changes what is shown, and the 30-rater builds are summarised. The verdict
// takes the p95 of both.

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { summary } from './bench-matrix.mjs';
import { serveStatic } from './serve.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_MS = 100;
export const RATERS = 30;
const REPEATS = 40;
const FIRST_BUILDS = 10;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A deterministic pseudo-random sequence (mulberry32), so that every run pools the same cards. */
function random(seed) {
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
 * Lines of the textbox: "Rater n: <link>", each card scoring every cell 0-4 around a shared
 * opinion of each lab (so that alpha is neither 0 nor 1) and weighting some analogies its own way.
 */
export function panelLines(rubric, origin, count = RATERS) {
  const next = random(11);
  const opinion = rubric.labs.map(() => Math.floor(next() * 5));
  return Array.from({ length: count }, (_, r) => {
    const rows = rubric.labs.map((lab, l) => {
      const cells = rubric.analogies.map((analogy) => {
        const level = Math.max(0, Math.min(4, opinion[l] + Math.round((next() - 0.5) * 3)));
        return `${analogy.key}${level}`;
      });
      return lab.key + cells.join('');
    });
    const weights = rubric.analogies
      .filter(() => next() < 0.3)
      .map((analogy) => `${analogy.key}${Math.floor(next() * 4)}`)
      .filter((weight) => !weight.endsWith('1'))
      .join('');
    const payload = ['v1', ...rows, ...(weights ? [`_${weights}`] : [])].join('.');
    return `Rater ${r + 1}: ${origin}scorecard/#share=${payload}`;
  });
}

/** Runs in the browser: pastes `text`, presses "Build panel", and times until `expected` shows. */
async function buildInPage({ text, expected, lastName }) {
  const area = document.getElementById('panel-links');
  // Focusing the textbox starts loading the statistics' code, as it does for a reader.
  area.focus();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  // A reader takes a moment between pasting and pressing the button; by then the code is in.
  const loaded = () =>
    ['/PanelResults.', '/panel-assemble.'].every((name) =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes(name) && entry.responseEnd > 0),
    );
  while (!loaded()) await new Promise((done) => setTimeout(done, 10));
  // Let the textbox's own re-render and the modules' evaluation finish, so they are not counted.
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  const status = document.getElementById('panel-summary');
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Build panel');
  return new Promise((done, fail) => {
    const timeout = setTimeout(() => fail(new Error(`"${expected}" did not appear within 10 s`)), 10_000);
    let start = 0;
    const check = () => {
      const raters = document.querySelector('.panel-results .panel-raters')?.textContent ?? '';
      if (status.textContent.trim() !== expected || !raters.includes(`${lastName}.`)) return;
      document.documentElement.getBoundingClientRect();
      const elapsed = performance.now() - start;
      observer.disconnect();
      clearTimeout(timeout);
      done(elapsed);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    start = performance.now();
    button.click();
  });
}

export async function benchPanel({
  dir = process.env.OUT_DIR ?? 'dist',
  base = process.env.BASE_PATH ?? '/',
} = {}) {
  base = base.replace(/\/?$/, '/');
  const distDir = resolve(ROOT, dir);
  if (!existsSync(join(distDir, 'panel', 'index.html')))
    throw new Error(`${dir}/panel/index.html is missing: run "npx astro build" first`);
  const rubric = JSON.parse(readFileSync(join(distDir, 'rubric.json'), 'utf8'));
  const loadAverage = os.loadavg();
  const server = await serveStatic({ dir: distDir, base });
  const lines = panelLines(rubric, server.url);
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext()).newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    await page.goto(`${server.url}panel/`, { waitUntil: 'load' });
    await page
      .locator('astro-island[component-url*="/Panel."]:not([ssr])')
      .waitFor({ state: 'attached', timeout: 15_000 });
    const full = {
      text: lines.join('\n'),
      expected: `Panel built from ${RATERS} scorecards.`,
      lastName: `Rater ${RATERS}`,
    };
    const fewer = {
      text: lines.slice(0, -1).join('\n'),
      expected: `Panel built from ${RATERS - 1} scorecards.`,
      lastName: `Rater ${RATERS - 1}`,
    };
    // First builds: a fresh page each time, so the whole panel is drawn from nothing.
    const firsts = [];
    for (let i = 0; i < FIRST_BUILDS; i += 1) {
      if (i > 0) {
        await page.reload({ waitUntil: 'load' });
        await page
          .locator('astro-island[component-url*="/Panel."]:not([ssr])')
          .waitFor({ state: 'attached', timeout: 15_000 });
      }
      firsts.push(await page.evaluate(buildInPage, full));
    }
    // Builds again on the same page, alternating with one rater fewer, as a reader editing the links.
    const again = [];
    for (let i = 0; i < REPEATS; i += 1) {
      await page.evaluate(buildInPage, fewer);
      again.push(await page.evaluate(buildInPage, full));
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
    const alpha = await page.locator('.alpha-headline').textContent();
    const repeated = summary(again);
    const first = summary(firsts);
    const pass = first.p95 < BUDGET_MS && repeated.p95 < BUDGET_MS;
    const ms = (value) => value.toFixed(1);
    const markdown = [
      `${RATERS} raters, each scoring all ${rubric.labs.length * rubric.analogies.length} cells, pasted as share links; from pressing "Build panel" until the panel is on screen (layout forced), unthrottled.`,
      '',
      '| Build | n | median | p95 | max |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| first on a fresh page | ${first.n} | ${ms(first.median)} ms | ${ms(first.p95)} ms | ${ms(first.max)} ms |`,
      `| again | ${repeated.n} | ${ms(repeated.median)} ms | ${ms(repeated.p95)} ms | ${ms(repeated.max)} ms |`,
      '',
      `Result shown: ${alpha?.trim()}. Load average at start: ${loadAverage.map((l) => l.toFixed(2)).join(' ')}.`,
    ].join('\n');
    return { raters: RATERS, first, again: repeated, alpha, pass, loadAverage, markdown };
  } finally {
    await browser?.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchPanel();
  process.stdout.write(`${result.markdown}\n\n${result.pass ? 'PASS' : 'FAIL'}: under ${BUDGET_MS} ms\n`);
  process.exitCode = result.pass ? 0 : 1;
}
