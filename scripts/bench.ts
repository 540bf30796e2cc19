// The benchmark behind `npm run bench`: builds the site, reports every page's bytes, runs
// Lighthouse (mobile, simulated throttling) on the home page, the essay, the heaviest analogy and
// lab pages, /evidence/, /scorecard/ and /panel/, then the matrix edit, panel build and import benchmarks; writes
// bench-results/latest.{md,json} and exits 1 when a measured budget fails.
//
// Byte budgets are exact, so the build-output tests assert them (tests/build/budgets.test.ts);
// this script only reports bytes, through the same inspector. It asserts what only a browser can
// measure: Lighthouse 100 in every category, no layout shift, no request to another origin, and
// the matrix edit, panel build and import times.
//
// Run it through npm (`npm run bench`): npm puts the project's Node 24 first on the PATH.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import * as chromeLauncher from 'chrome-launcher';
import { fileIn, inlineStyles, pagePathsIn, scriptsOf } from '../src/integrations/built-site.ts';
import { serveStatic } from './serve.ts';
import { CHROMIUM } from './bench-browser.ts';
import { benchMatrix } from './bench-matrix.ts';
import { benchPanel, BUDGET_MS as PANEL_BUDGET_MS, RATERS } from './bench-panel.ts';
import { benchImport, BUDGET_MS as IMPORT_BUDGET_MS } from './bench-import.ts';

const DIST = process.env['OUT_DIR'] ?? 'dist';
const BASE = (process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/');
const RESULTS = 'bench-results';
// Lighthouse's advice: read the median of several runs, not the best or the first.
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3) || 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
// --no-sandbox: as root Chromium will not start without it. The other switches keep the closed
// network from adding requests that are not the page's.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
const sum = (sizes: ReadonlyMap<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);
const n = (value: number | null | undefined) =>
  value == null ? '–' : Math.round(value).toLocaleString('en');

function measurePage(path: string) {
  const html = readFileSync(fileIn(DIST, path)!, 'utf8');
  const { eager, lazy } = scriptsOf(DIST, BASE, path);
  const endOfFirstSection = html.indexOf('</section>');
  return {
    path,
    htmlGzip: gzip(html),
    cssGzip: gzip(inlineStyles(html).join('\n')),
    jsGzip: sum(eager),
    lazyJsGzip: sum(lazy),
    firstSectionGzip:
      endOfFirstSection < 0 ? null : gzip(html.slice(0, endOfFirstSection + '</section>'.length)),
  };
}

type Result = Awaited<ReturnType<typeof lighthouse>>;
type Report = NonNullable<Result>['lhr'];

async function lighthouseOnce(url: string): Promise<Report> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

async function runLighthouse(url: string, origin: string) {
  const reports: Report[] = [];
  // One at a time: parallel runs on two cores would slow each other and skew the simulation.
  for (let run = 0; run < RUNS; run += 1) reports.push(await lighthouseOnce(url));
  const valid = filterToValidRuns(reports);
  const median: Report = valid.length > 0 ? computeMedianRun(valid) : reports[0]!;
  const cls = (report: Report) => report.audits['cumulative-layout-shift']?.numericValue ?? 0;
  const requests = reports.flatMap(
    (report) => (report.audits['network-requests']?.details as { items?: { url: string }[] })?.items ?? [],
  );
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((median.categories[category]?.score ?? 0) * 100)]),
    ) as Record<(typeof CATEGORIES)[number], number>,
    lcpMs: median.audits['largest-contentful-paint']?.numericValue ?? null,
    // A shift in any one load is one a reader can see: judged on the worst run.
    worstCls: Math.max(...reports.map(cls)),
    otherOrigins: [
      ...new Set(requests.map((r) => r.url).filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u))),
    ],
    belowFullScore: Object.values(median.audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
      .map((audit) => `${audit.id} (${audit.score}): ${audit.title}`),
  };
}

const buildStart = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { stdio: ['ignore', 2, 2] });
if (build.status !== 0) throw new Error('astro build failed');
const buildSeconds = (performance.now() - buildStart) / 1000;

const pages = pagePathsIn(DIST).map(measurePage);
const analogyPages = pages.filter((page) => /^\/analogies\/[^/]+\/$/.test(page.path));
const heaviestAnalogy = analogyPages.reduce((a, b) => (b.htmlGzip > a.htmlGzip ? b : a)).path;
const labPages = pages.filter((page) => /^\/labs\/[^/]+\/$/.test(page.path));
const heaviestLab = labPages.reduce((a, b) => (b.htmlGzip > a.htmlGzip ? b : a)).path;
// Every kind of page with islands or much markup: /evidence/ is the heaviest page of all.
const audited = ['/', '/essay/', heaviestAnalogy, heaviestLab, '/evidence/', '/scorecard/', '/panel/'];

const server = await serveStatic({ dir: DIST, base: BASE });
const origin = new URL(server.url).origin;
const lighthouseRuns: Record<string, Awaited<ReturnType<typeof runLighthouse>>> = {};
try {
  for (const path of audited) {
    process.stderr.write(`Lighthouse ${path} …\n`);
    lighthouseRuns[path] = await runLighthouse(new URL(path.slice(1), server.url).href, origin);
  }
} finally {
  await server.close();
}
process.stderr.write('Matrix edit benchmark …\n');
const matrix = await benchMatrix({ dir: DIST, base: BASE });
process.stderr.write(`Panel build benchmark (${RATERS} raters) …\n`);
const panel = await benchPanel({ dir: DIST, base: BASE });
process.stderr.write('Import benchmark …\n');
const imported = await benchImport({ dir: DIST, base: BASE });

const budgets = [
  ...audited.map((path) => {
    const run = lighthouseRuns[path]!;
    const below = CATEGORIES.filter((category) => run.scores[category] < 100);
    return {
      name: `Lighthouse 100 in all four categories on ${path}`,
      holds: below.length === 0,
      measured: CATEGORIES.map((category) => run.scores[category]).join(' / '),
    };
  }),
  {
    name: 'no layout shift (CLS 0 in every run)',
    holds: audited.every((path) => lighthouseRuns[path]!.worstCls === 0),
    measured: audited.map((path) => `${path} ${lighthouseRuns[path]!.worstCls.toFixed(3)}`).join(', '),
  },
  {
    name: 'no request to another origin',
    holds: audited.every((path) => lighthouseRuns[path]!.otherOrigins.length === 0),
    measured: audited.flatMap((path) => lighthouseRuns[path]!.otherOrigins).join(', ') || 'none',
  },
  {
    name: 'matrix edit re-render p95 within one frame (16 ms) with 4× CPU throttling',
    holds: matrix.pass,
    measured: matrix.verdict,
  },
  {
    name: `${RATERS} raters' links build the panel in under ${PANEL_BUDGET_MS} ms (p95, first and repeated builds)`,
    holds: panel.pass,
    measured: `first build median ${panel.first.median.toFixed(1)} ms, p95 ${panel.first.p95.toFixed(1)} ms; again median ${panel.again.median.toFixed(1)} ms, p95 ${panel.again.p95.toFixed(1)} ms`,
  },
  {
    name: `a file as large as the import cap is read and previewed in under ${IMPORT_BUDGET_MS} ms (first import and p95 of the rest)`,
    holds: imported.pass,
    measured: `first ${imported.first.toFixed(1)} ms; again median ${imported.again.median.toFixed(1)} ms, p95 ${imported.again.p95.toFixed(1)} ms`,
  },
];

const table = [
  '| Page | HTML gz | CSS gz (inline) | JS gz requested | lazy JS gz | Perf | A11y | BP | SEO | LCP ms |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...pages.map((page) => {
    const run = lighthouseRuns[page.path];
    const html =
      page.path === '/essay/'
        ? `${n(page.htmlGzip)} (first section: ${n(page.firstSectionGzip)})`
        : n(page.htmlGzip);
    const scores = run ? CATEGORIES.map((category) => String(run.scores[category])) : ['', '', '', ''];
    return `| \`${page.path}\` | ${html} | ${n(page.cssGzip)} | ${n(page.jsGzip)} | ${n(page.lazyJsGzip)} | ${scores.join(' | ')} | ${run ? n(run.lcpMs) : ''} |`;
  }),
].join('\n');

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const markdown = [
  '# Benchmark',
  '',
  `- ${new Date().toISOString()}, commit ${commit}, Node ${process.version}, ${os.availableParallelism()} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
  `- Build (\`npx astro build\`, wall clock): ${buildSeconds.toFixed(1)} s`,
  `- Lighthouse: mobile, simulated throttling, median of ${RUNS} runs per page`,
  '',
  'Bytes are gzip level 9. JS requested: island components, renderers, `<script src>` and their static imports;',
  'lazy JS loads only when the reader acts. Byte budgets are asserted by tests/build/budgets.test.ts.',
  '',
  table,
  '',
  '## Matrix edit',
  '',
  matrix.markdown,
  '',
  `## Panel build (${RATERS} raters)`,
  '',
  panel.markdown,
  '',
  '## Import of a file at the size cap',
  '',
  imported.markdown,
  '',
  '## Budgets',
  '',
  ...budgets.map((budget) => `- **${budget.holds ? 'PASS' : 'FAIL'}** ${budget.name}: ${budget.measured}`),
  '',
  '## Lighthouse audits below full score (median run)',
  '',
  ...audited.flatMap((path) => [
    `- \`${path}\`: ${lighthouseRuns[path]!.belowFullScore.join('; ') || 'none'}`,
  ]),
  '',
].join('\n');

mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'latest.md'), markdown);
writeFileSync(
  join(RESULTS, 'latest.json'),
  JSON.stringify(
    { commit, buildSeconds, pages, lighthouse: lighthouseRuns, matrix, panel, import: imported, budgets },
    null,
    2,
  ) + '\n',
);
process.stdout.write(markdown);
process.exitCode = budgets.every((budget) => budget.holds) ? 0 : 1;
