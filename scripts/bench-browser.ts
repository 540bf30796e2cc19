// What the browser benchmarks (bench-matrix.ts, bench-panel.ts, bench-import.ts) share: the built site served
// on a free port by scripts/serve.ts, Chromium with a fresh context (empty localStorage), a page
// that collects its errors, and the statistics they report.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { serveStatic } from './serve.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The closed network: no request that is not the page's.
const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the build is: `dir` relative to the project (default $OUT_DIR or dist), `base` as the build used. */
export interface BenchOptions {
  readonly dir?: string;
  readonly base?: string;
}

export interface BenchSession {
  readonly page: Page;
  /** The served site, base path included, e.g. "http://127.0.0.1:41234/". */
  readonly url: string;
  /** The build folder, absolute. */
  readonly dir: string;
  /** Exceptions and console errors the page reported so far. */
  readonly problems: string[];
  /** At start: another process on the cores slows the page down as much as slow code would. */
  readonly loadAverage: number[];
  readonly chromiumVersion: string;
}

/** Serves the build, opens Chromium on it, runs `measure` and closes both, whatever happens. */
export async function withBuiltSite<T>(
  { dir = process.env['OUT_DIR'] ?? 'dist', base = process.env['BASE_PATH'] ?? '/' }: BenchOptions,
  needs: string,
  measure: (session: BenchSession) => Promise<T>,
): Promise<T> {
  const root = resolve(ROOT, dir);
  if (!existsSync(join(root, needs)))
    throw new Error(`${dir}/${needs} is missing: run "npx astro build" first`);
  const loadAverage = os.loadavg();
  const server = await serveStatic({ dir: root, base: base.replace(/\/?$/, '/') });
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    .catch(async (error) => {
      await server.close();
      throw error;
    });
  try {
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    return await measure({
      page,
      url: server.url,
      dir: root,
      problems,
      loadAverage,
      chromiumVersion: browser.version(),
    });
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

/** Resolves once the island whose component file starts with `name` has hydrated. */
export function islandHydrated(page: Page, name: string): Promise<void> {
  return page
    .locator(`astro-island[component-url*="/${name}."]:not([ssr])`)
    .waitFor({ state: 'attached', timeout: 15_000 });
}

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** Nearest rank: the smallest sample with at least p of the samples at or below it. */
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;

export function summary(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    max: percentile(sorted, 1),
  };
}

export const ms = (value: number | null | undefined) => (value == null ? '–' : value.toFixed(1));
export const loadText = (load: readonly number[]) => load.map((l) => l.toFixed(2)).join(' ');

/** Run as a command (`node scripts/bench-x.ts`): print the report, exit 1 when the budget fails or the run does. */
export function runWhenMain(
  moduleUrl: string,
  bench: () => Promise<{ markdown: string; pass: boolean }>,
): void {
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(resolve(process.argv[1])).href) return;
  bench().then(
    (result) => {
      process.stdout.write(`${result.markdown}\n\n${result.pass ? 'PASS' : 'FAIL'}\n`);
      process.exitCode = result.pass ? 0 : 1;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exitCode = 1;
    },
  );
}
