// The benchmark behind `npm run bench`: builds the site, serves dist/ the way a static host
// would, measures every page's bytes and four pages with Lighthouse, prints a table and the
// budgets, writes bench-results/latest.{md,json}, and exits 1 when a budget fails so that it
// can gate a merge. After Lighthouse it runs the matrix benchmark (scripts/bench-matrix.mjs):
// an edit re-rendering a 20-lab x 12-analogy scorecard within one frame; then the panel
// benchmark (scripts/bench-panel.mjs): 30 raters' links built into a panel within 100 ms.
//
// Run it through npm (`npm run bench`): npm puts the project's Node 24 first on the PATH, and
// Astro 7 refuses the system Node 20.

import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import {
  answers,
  benchMatrix,
  unescapeAttribute,
  BUDGET_MS as MATRIX_BUDGET_MS,
  LABS as MATRIX_LABS,
  ANALOGIES as MATRIX_ANALOGIES,
} from './bench-matrix.mjs';
import { benchPanel, BUDGET_MS as PANEL_BUDGET_MS, RATERS as PANEL_RATERS } from './bench-panel.mjs';

// astro.config.mjs writes to OUT_DIR when set; honouring it lets the benchmark build into a
// folder of its own (OUT_DIR=dist-bench) while tests or a dev build use dist/ at the same time.
const DIST = process.env.OUT_DIR ?? 'dist';
const RESULTS = 'bench-results';
const PORT = 4399;
const ORIGIN = `http://127.0.0.1:${PORT}`;
// The site can be built under a sub-path (BASE_PATH); preview then serves it there too.
const BASE = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

// RFC 6928: a new connection's first round trip carries about 14,600 bytes; 14 KiB keeps a margin.
const FIRST_ROUND_TRIP = 14 * 1024;
const JS_BUDGET = 15 * 1024;
const LCP_GOOD_MS = 2500;
// Runs per page; the median one is reported. BENCH_RUNS=1 for a quick look.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CATEGORY_LABEL = { performance: 'Perf', accessibility: 'A11y', 'best-practices': 'BP', seo: 'SEO' };

// The same variable the browser tests read, so one Chromium serves both; Lighthouse's
// launcher looks at CHROME_PATH.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
process.env.CHROME_PATH = CHROMIUM;
// --no-sandbox: as root Chromium will not start without it ("Unable to connect to Chrome").
// The background/component/sync switches keep the closed network from flooding the log and
// from adding requests that are not the page's.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const gzip = (content) => gzipSync(content, { level: 9 }).length;
const bytes = (s) => Buffer.byteLength(s, 'utf8');

/* ------------------------------------------------------------------ processes */

/** Runs a command with its output on stderr, so that stdout carries only the report. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

let preview = null;

/**
 * npx starts astro as a grandchild: killing npx alone would leave the server holding the
 * port. The child gets its own process group (detached) and the whole group is signalled.
 */
function stopPreview() {
  if (preview === null || preview.exitCode !== null || preview.signalCode !== null) return;
  try {
    process.kill(-preview.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  preview = null;
}
// Synchronous on purpose: 'exit' handlers cannot wait, and Ctrl-C must not leave a server behind.
process.on('exit', stopPreview);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopPreview();
    process.exit(130);
  });
}

async function startPreview() {
  // Something else on the port would be measured instead of this build, silently.
  if (await answers(ORIGIN + BASE))
    throw new Error(`${ORIGIN} already answers: stop whatever is serving on port ${PORT}`);
  // --ignore-lock: Astro 7 refuses a second preview server per project (and, when it thinks
  // an AI agent runs it, detaches one into the background). A developer's own preview must
  // neither block the benchmark nor be replaced by it, and a detached server would outlive
  // this script; --ignore-lock runs ours in the foreground, untracked by the lock file.
  preview = spawn(
    'npx',
    ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--ignore-lock'],
    {
      stdio: ['ignore', 2, 2],
      detached: true,
    },
  );
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    if (preview === null || preview.exitCode !== null)
      throw new Error('astro preview exited before it served the site');
    if (await answers(ORIGIN + BASE)) return;
    await sleep(250);
  }
  throw new Error(`astro preview did not answer on ${ORIGIN}${BASE} within 60 s`);
}

/* ------------------------------------------------------------------ bytes, from dist/ */

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** dist/essay/index.html -> "/essay/" (site path, without the base path). */
const sitePathOf = (file) => ('/' + relative(DIST, file).split(sep).join('/')).replace(/index\.html$/, '');

/** The dist/ file a site path is served from, as a static host resolves it. */
function fileFor(sitePath) {
  const clean = decodeURI(sitePath.split(/[?#]/)[0]);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const decodeEntities = unescapeAttribute;

const attributeValues = (html, name) =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1]));

/** A URL from the page, resolved as the browser would, back to a site path; null when it leaves the site. */
function toSitePath(href, fromPath) {
  const url = new URL(href, `http://site.test${BASE}${fromPath.slice(1)}`);
  if (url.origin !== 'http://site.test' || !url.pathname.startsWith(BASE)) return null;
  return '/' + url.pathname.slice(BASE.length);
}

// Minified chunks write `import{a as b}from"./x.js"` with no space, hence the lookbehind
// set rather than a word boundary; `import(` never matches because a quote must follow.
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+)["']/g;
// Vite emits dynamic imports with template literals, so backticks count as quotes here.
const DYNAMIC_IMPORT = /\bimport\(\s*[`"']([^`"']+)[`"']\s*\)/g;

/**
 * Follows static imports from the entry files: the browser fetches all of them before the
 * island hydrates, so they are what the page costs. Dynamic import() chunks load only when
 * a reader uses a feature; they are returned apart as "lazy" and not counted against the budget.
 */
function javascriptOf(entries) {
  const eager = new Map();
  const lazyEntries = new Set();
  const follow = (queue, into, onDynamic) => {
    while (queue.length > 0) {
      const path = queue.pop();
      if (into.has(path)) continue;
      const file = fileFor(path);
      if (file === null) throw new Error(`the page loads ${path}, which is not in the build`);
      const code = readFileSync(file, 'utf8');
      into.set(path, { raw: bytes(code), gzip: gzip(code) });
      const at = `http://site.test${path}`;
      for (const m of code.matchAll(STATIC_IMPORT)) queue.push(new URL(m[1], at).pathname);
      for (const m of code.matchAll(DYNAMIC_IMPORT)) onDynamic(new URL(m[1], at).pathname);
    }
  };
  follow([...entries], eager, (p) => lazyEntries.add(p));
  const lazy = new Map();
  // A lazy chunk's own static imports that the page already loaded cost nothing more.
  follow(
    [...lazyEntries].filter((p) => !eager.has(p)),
    lazy,
    (p) => lazyEntries.add(p),
  );
  for (const p of eager.keys()) lazy.delete(p);
  return { eager, lazy };
}

const sum = (map, key) => [...map.values()].reduce((total, f) => total + f[key], 0);

function measurePage(path) {
  const html = readFileSync(fileFor(path), 'utf8');
  // All CSS is inlined (inlineStylesheets: 'always'), so the <style> elements are the CSS.
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const stylesheetLinks = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].length;
  const entries = [
    ...attributeValues(html, 'component-url'),
    ...attributeValues(html, 'renderer-url'),
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => decodeEntities(m[1])),
  ]
    .map((href) => toSitePath(href, path))
    .filter((p) => p !== null);
  const { eager, lazy } = javascriptOf(entries);
  // Astro's island loader travels inline in the HTML: it counts in the HTML bytes, not in
  // the requested-JS budget, but is shown so that it does not go unnoticed.
  const inlineScripts = [
    ...html.matchAll(
      /<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g,
    ),
  ]
    .map((m) => m[1])
    .filter((code) => code.trim() !== '');
  const endOfFirstSection = html.indexOf('</section>');
  return {
    path,
    islands: (html.match(/<astro-island\b/g) ?? []).length,
    // Any <script> at all except structured data, inline or not.
    scriptElements: (html.match(/<script(?![^>]*application\/ld\+json)[\s>]/g) ?? []).length,
    stylesheetLinks,
    html: { raw: bytes(html), gzip: gzip(html) },
    css: { raw: bytes(css), gzip: css === '' ? 0 : gzip(css) },
    js: { raw: sum(eager, 'raw'), gzip: sum(eager, 'gzip'), files: Object.fromEntries(eager) },
    lazyJs: { raw: sum(lazy, 'raw'), gzip: sum(lazy, 'gzip'), files: Object.fromEntries(lazy) },
    inlineJs: {
      raw: inlineScripts.reduce((t, c) => t + bytes(c), 0),
      gzip: inlineScripts.reduce((t, c) => t + gzip(c), 0),
    },
    firstSectionGzip:
      endOfFirstSection < 0 ? null : gzip(html.slice(0, endOfFirstSection + '</section>'.length)),
  };
}

/* ------------------------------------------------------------------ Lighthouse */

// Lighthouse's own bookkeeping inside detail items, which says nothing about the page.
const NOISE_KEYS = new Set([
  'type',
  'lhId',
  'path',
  'boundingRect',
  'nodeLabel',
  'headings',
  'granularity',
  'subItemsHeading',
]);

/**
 * A failing audit's details as short lines, cut down to what says where the problem is.
 * Insights nest tables inside lists (and list sections), so this recurses.
 */
function detailLines(details, depth = 0) {
  if (!details || depth > 3) return [];
  if (details.type === 'list-section') {
    return [...(details.title ? [`${details.title}:`] : []), ...detailLines(details.value, depth + 1)];
  }
  if (details.type === 'network-tree') {
    // The request chain, one line per request, indented by how deep in the chain it starts.
    const lines = [];
    const walkChain = (chains, level) => {
      for (const node of Object.values(chains ?? {})) {
        lines.push(
          `${'→ '.repeat(level)}${node.url} (${n(node.transferSize)} B, done at ${n(node.navStartToEndTime)} ms)`,
        );
        walkChain(node.children, level + 1);
      }
    };
    walkChain(details.chains, 0);
    return [
      ...lines.slice(0, 16),
      ...(details.longestChain ? [`longest chain: ${n(details.longestChain.duration)} ms`] : []),
    ];
  }
  if (Array.isArray(details.items)) {
    return details.items
      .slice(0, 8)
      .flatMap((item) =>
        ['table', 'list', 'list-section', 'opportunity', 'checklist'].includes(item?.type)
          ? detailLines(item, depth + 1)
          : [describeItem(item)],
      );
  }
  return [];
}

function describeValue(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (typeof value !== 'object') return String(value);
  if (value.type === 'node')
    return [value.selector, value.snippet, value.explanation?.replace(/\s+/g, ' ')].filter(Boolean).join(' ');
  if (value.type === 'source-location') return `${value.url}:${value.line}:${value.column}`;
  if ('value' in value) return describeValue(value.value);
  return '';
}

function describeItem(item) {
  const parts = Object.entries(item)
    .filter(([key]) => !NOISE_KEYS.has(key) && key !== 'subItems')
    .map(([key, value]) => [key, describeValue(value)])
    .filter(([, text]) => text !== '')
    .map(([key, text]) => (key === 'node' || key === 'url' ? text : `${key}: ${text}`));
  // Sub-items carry the cause of a layout shift, the requests a script made, and the like.
  for (const sub of item.subItems?.items?.slice(0, 4) ?? []) parts.push(`[${describeItem(sub)}]`);
  return parts.join(' | ').replace(/\s+/g, ' ').slice(0, 500);
}

/** Where to look when a metric fails: Lighthouse explains metrics in other, unscored audits. */
const CONTEXT_AUDITS = {
  'total-blocking-time': ['long-tasks', 'mainthread-work-breakdown', 'bootup-time', 'dom-size-insight'],
  'max-potential-fid': ['long-tasks'],
  'cumulative-layout-shift': [
    'layout-shifts',
    'cls-culprits-insight',
    'unsized-images',
    'font-display-insight',
  ],
  'largest-contentful-paint': [
    'largest-contentful-paint-element',
    'lcp-breakdown-insight',
    'render-blocking-insight',
  ],
  'speed-index': ['render-blocking-insight', 'mainthread-work-breakdown'],
  'first-contentful-paint': ['render-blocking-insight'],
};

function contextOf(lhr, id) {
  return (CONTEXT_AUDITS[id] ?? [])
    .map((contextId) => lhr.audits[contextId])
    .filter((audit) => audit && audit.details)
    .map((audit) => ({
      id: audit.id,
      title: audit.title,
      displayValue: audit.displayValue ?? null,
      lines: detailLines(audit.details),
    }))
    .filter((c) => c.lines.length > 0);
}

/**
 * Audits that cost points: in a category below 100 only weighted audits move the score, but
 * zero-weight ones (performance insights) are listed too, as they often explain a metric.
 */
function failingAudits(lhr) {
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
      failing.push({
        category: id,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        displayValue: audit.displayValue ?? null,
        explanation: audit.explanation ?? null,
        errorMessage: audit.errorMessage ?? null,
        lines: detailLines(audit.details),
        context: contextOf(lhr, ref.id),
      });
    }
  }
  return failing;
}

/** One Lighthouse run in a fresh Chromium: no cache, service worker or storage carried over. */
async function lighthouseOnce(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    // No config: lighthouse:default is the mobile form factor with simulated throttling.
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (!result) throw new Error('Lighthouse returned no result');
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const scoresOf = (lhr) =>
  Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100),
    ]),
  );
const clsOf = (lhr) => lhr.audits['cumulative-layout-shift']?.numericValue ?? null;
const lcpOf = (lhr) => lhr.audits['largest-contentful-paint']?.numericValue ?? null;

async function runLighthouse(path) {
  const url = ORIGIN + BASE + path.slice(1);
  const name = path === '/' ? 'home' : path.replace(/^\/|\/$/g, '').replace(/\W+/g, '-');
  const lhrs = [];
  for (let i = 1; i <= RUNS; i++) {
    const lhr = await lighthouseOnce(url);
    // The full reports are kept for digging into a failure; *.tmp is git-ignored.
    writeAtomically(join(RESULTS, `lighthouse-${name}-${i}.json.tmp`), JSON.stringify(lhr));
    lhrs.push(lhr);
  }
  // One load can land a timer or a font swap differently: Lighthouse's advice is to read the
  // median run (by FCP and TTI), not the best or the first.
  const valid = filterToValidRuns(lhrs);
  const lhr = valid.length > 0 ? computeMedianRun(valid) : lhrs[0];
  const requests = lhrs.flatMap((l) => l.audits['network-requests']?.details?.items ?? []);
  // A layout shift in any one load is one a reader can see: CLS is judged on the worst run.
  const worst = lhrs.reduce((a, b) => ((clsOf(b) ?? 0) > (clsOf(a) ?? 0) ? b : a));
  return {
    url,
    formFactor: lhr.configSettings.formFactor,
    throttlingMethod: lhr.configSettings.throttlingMethod,
    // Lighthouse's CPU speed estimate for this machine: the simulated main-thread metrics
    // (TBT above all) scale with it, so it tells a slow runner from a slow page.
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    medianRun: lhrs.indexOf(lhr) + 1,
    runtimeError: lhr.runtimeError?.message ?? null,
    runWarnings: lhr.runWarnings ?? [],
    scores: scoresOf(lhr),
    lcpMs: lcpOf(lhr),
    cls: clsOf(lhr),
    clsMax: clsOf(worst),
    runs: lhrs.map((l) => ({
      benchmarkIndex: l.environment?.benchmarkIndex ?? null,
      scores: scoresOf(l),
      lcpMs: lcpOf(l),
      cls: clsOf(l),
      tbtMs: l.audits['total-blocking-time']?.numericValue ?? null,
    })),
    worstShift:
      (clsOf(worst) ?? 0) > 0
        ? { run: lhrs.indexOf(worst) + 1, context: contextOf(worst, 'cumulative-layout-shift') }
        : null,
    requests: requests.length,
    // data: and blob: URLs never leave the browser, so they are no request to another origin.
    otherOrigins: [
      ...new Set(requests.map((r) => r.url).filter((u) => !u.startsWith(ORIGIN) && !/^(data|blob):/.test(u))),
    ],
    // What the browser actually fetched as script, to check the static count in the table.
    scriptsFetched: (lhr.audits['network-requests']?.details?.items ?? [])
      .filter((r) => r.resourceType === 'Script')
      .map((r) => new URL(r.url).pathname.slice(BASE.length - 1)),
    failingAudits: failingAudits(lhr),
  };
}

/* ------------------------------------------------------------------ report */

function writeAtomically(file, content) {
  // A reader (or a CI artefact upload) never sees half a report.
  writeFileSync(file + '.tmp', content);
  renameSync(file + '.tmp', file);
}

const n = (value) =>
  value === null || value === undefined ? '–' : Math.round(value).toLocaleString('en-US');

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // A build of uncommitted changes is not that commit: say so, or the numbers mislead.
    return dirty === '' ? commit : `${commit} (with uncommitted changes)`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function table(pages, lighthouseRuns) {
  const header = [
    'Page',
    'HTML',
    'HTML gz',
    'CSS',
    'CSS gz',
    'JS',
    'JS gz',
    'inline JS gz',
    'lazy JS gz',
    'Perf',
    'A11y',
    'BP',
    'SEO',
    'LCP ms',
    'CLS',
  ];
  const rows = pages.map((p) => {
    const lh = lighthouseRuns[p.path];
    const score = (c) => (lh ? (lh.error ? 'error' : n(lh.scores[c])) : '');
    return [
      '`' + p.path + '`',
      n(p.html.raw),
      n(p.html.gzip),
      n(p.css.raw),
      n(p.css.gzip),
      n(p.js.raw),
      n(p.js.gzip),
      n(p.inlineJs.gzip),
      n(p.lazyJs.gzip),
      ...CATEGORIES.map(score),
      lh && !lh.error ? n(lh.lcpMs) : '',
      lh && !lh.error && lh.cls !== null
        ? lh.cls.toFixed(3) + (lh.clsMax > lh.cls ? ` (max ${lh.clsMax.toFixed(3)})` : '')
        : '',
    ];
  });
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function budgets(pages, lighthouseRuns, lighthousePages, matrix, panel) {
  const list = [];
  const add = (name, holds, measured) => list.push({ name, holds, measured });
  const byPath = Object.fromEntries(pages.map((p) => [p.path, p]));

  const heaviest = pages.reduce((a, b) => (b.js.gzip > a.js.gzip ? b : a));
  const overJs = pages.filter((p) => p.js.gzip > JS_BUDGET);
  add(
    `JS requested ≤ ${n(JS_BUDGET)} B gzipped on every page`,
    overJs.length === 0,
    overJs.length
      ? overJs.map((p) => `${p.path} ${n(p.js.gzip)} B`).join(', ')
      : `largest ${n(heaviest.js.gzip)} B on ${heaviest.path}`,
  );

  const noIsland = pages.filter((p) => p.islands === 0);
  const scripted = noIsland.filter((p) => p.scriptElements > 0 || p.js.raw > 0);
  add(
    'pages without an island ship 0 B of JS (no <script> but JSON-LD)',
    scripted.length === 0,
    scripted.length
      ? scripted
          .map((p) => `${p.path}: ${p.scriptElements} <script>, ${n(p.js.gzip)} B gz requested`)
          .join(', ')
      : `${noIsland.length} pages without an island, 0 <script>, 0 B: ${noIsland.map((p) => p.path).join(' ')}`,
  );

  const analogies = pages.filter((p) => /^\/analogies\/[^/]+\/$/.test(p.path));
  const overTrip = analogies.filter((p) => p.html.gzip > FIRST_ROUND_TRIP);
  const biggest = analogies.reduce((a, b) => (b.html.gzip > a.html.gzip ? b : a), analogies[0]);
  add(
    `every /analogies/<slug>/ page, CSS inline, ≤ ${n(FIRST_ROUND_TRIP)} B gzipped`,
    analogies.length > 0 && overTrip.length === 0,
    analogies.length === 0
      ? 'no analogy page found'
      : overTrip.length
        ? overTrip.map((p) => `${p.path} ${n(p.html.gzip)} B`).join(', ')
        : `${analogies.length} pages, largest ${n(biggest.html.gzip)} B (${biggest.path})`,
  );

  const essay = byPath['/essay/'];
  const first = essay?.firstSectionGzip ?? null;
  add(
    `/essay/ up to the end of the first </section> ≤ ${n(FIRST_ROUND_TRIP)} B gzipped`,
    first !== null && first <= FIRST_ROUND_TRIP,
    first === null
      ? 'no /essay/ page or no </section> in it'
      : `${n(first)} B (whole page ${n(essay.html.gzip)} B)`,
  );

  const runs = lighthousePages.map((p) => [p, lighthouseRuns[p]]);
  const below = runs.flatMap(([p, r]) =>
    r.error
      ? [`${p}: Lighthouse failed (${r.error})`]
      : CATEGORIES.filter((c) => r.scores[c] !== 100).map(
          (c) => `${p} ${CATEGORY_LABEL[c]} ${n(r.scores[c])}`,
        ),
  );
  add(
    'Lighthouse performance, accessibility, best practices and SEO = 100 (mobile, simulated throttling)',
    below.length === 0,
    below.length ? below.join(', ') : `all 100 on ${lighthousePages.join(' ')}`,
  );

  const shifted = runs.filter(([, r]) => r.error || r.clsMax !== 0);
  const lcps = runs
    .filter(([, r]) => !r.error)
    .map(([p, r]) => `${p} ${n(r.lcpMs)} ms${r.lcpMs > LCP_GOOD_MS ? ' (over 2,500 ms "good")' : ''}`);
  add(
    `CLS = 0 on the Lighthouse pages (worst of ${RUNS} runs)`,
    shifted.length === 0,
    (shifted.length
      ? shifted
          .map(
            ([p, r]) =>
              `${p} CLS ${r.error ? 'not measured' : `${r.clsMax.toFixed(4)} in run ${r.worstShift.run} of ${RUNS} (median run ${r.cls.toFixed(4)})`}`,
          )
          .join(', ')
      : 'CLS 0 on all') + `; LCP: ${lcps.join(', ')}`,
  );

  // Not a budget of its own: it checks that the "JS requested" column counts what a browser
  // really fetches at load (static imports in, lazy chunks out).
  // client:visible islands load only once scrolled to, so a browser may fetch fewer files than
  // counted, but never a file that is not counted.
  const uncounted = runs.flatMap(([p, r]) =>
    r.error ? [] : r.scriptsFetched.filter((f) => !(f in byPath[p].js.files)).map((f) => `${p} fetched ${f}`),
  );
  add(
    'every script the browser fetched at load is in the JS column (check of the static count)',
    uncounted.length === 0,
    uncounted.length
      ? uncounted.join(', ')
      : runs
          .filter(([, r]) => !r.error)
          .map(
            ([p, r]) =>
              `${p} ${r.scriptsFetched.length} of ${Object.keys(byPath[p].js.files).length} files fetched`,
          )
          .join(', '),
  );

  const foreign = runs.flatMap(([p, r]) =>
    r.error ? [`${p}: not measured`] : r.otherOrigins.map((u) => `${p} → ${u}`),
  );
  add(
    `zero requests to other origins (every request starts with ${ORIGIN})`,
    foreign.length === 0,
    foreign.length
      ? foreign.join(', ')
      : `${runs.reduce((t, [, r]) => t + (r.requests ?? 0), 0)} requests, all to ${ORIGIN}`,
  );

  add(
    `an edit re-renders the ${MATRIX_LABS} × ${MATRIX_ANALOGIES} scorecard matrix within one frame: p95 ≤ ${MATRIX_BUDGET_MS} ms (cell edits, unthrottled)`,
    !matrix.error && matrix.pass,
    matrix.error
      ? `not measured: ${matrix.error}`
      : `p95 ${matrix.p95Ms.toFixed(1)} ms, median ${matrix.unthrottled.cells.rerender.median.toFixed(1)} ms over ${matrix.unthrottled.cells.rerender.n} edits; ` +
          `weight changes p95 ${matrix.unthrottled.weights.rerender.p95.toFixed(1)} ms; ${matrix.throttleRate}× CPU throttling p95 ${matrix.throttled.cells.rerender.p95.toFixed(1)} ms (for information)`,
  );
  add(
    `${PANEL_RATERS} raters' share links build the panel on /panel/ in under ${PANEL_BUDGET_MS} ms: p95 of first and repeated builds (unthrottled)`,
    !panel.error && panel.pass,
    panel.error
      ? `not measured: ${panel.error}`
      : `first build on a fresh page median ${panel.first.median.toFixed(1)} ms, p95 ${panel.first.p95.toFixed(1)} ms; ` +
          `again median ${panel.again.median.toFixed(1)} ms, p95 ${panel.again.p95.toFixed(1)} ms`,
  );
  return list;
}

function failingAuditsMarkdown(lighthouseRuns) {
  const lines = [];
  for (const [path, r] of Object.entries(lighthouseRuns)) {
    if (r.error) {
      lines.push(`- \`${path}\`: Lighthouse did not run: ${r.error}`);
      continue;
    }
    const spread = r.runs.map(
      (run, i) =>
        `run ${i + 1}: CPU index ${n(run.benchmarkIndex)}, Perf ${n(run.scores.performance)}, TBT ${n(run.tbtMs)} ms, LCP ${n(run.lcpMs)} ms, CLS ${run.cls?.toFixed(3)}`,
    );
    lines.push(`- \`${path}\`: median is run ${r.medianRun} of ${r.runs.length} (${spread.join('; ')})`);
    if (r.worstShift) {
      lines.push(`  - layout shift in run ${r.worstShift.run}, CLS ${r.clsMax.toFixed(4)}:`);
      for (const c of r.worstShift.context) for (const line of c.lines) lines.push(`    - ${c.id}: ${line}`);
    }
    if (r.runtimeError) lines.push(`- \`${path}\`: runtime error: ${r.runtimeError}`);
    for (const w of r.runWarnings) lines.push(`- \`${path}\`: warning: ${w}`);
    for (const a of r.failingAudits) {
      const weight = a.weight > 0 ? `weight ${a.weight}` : 'weight 0, does not move the score';
      const value = a.displayValue ? ` — ${a.displayValue}` : '';
      lines.push(
        `- \`${path}\` ${CATEGORY_LABEL[a.category]}: **${a.title}** (\`${a.id}\`, score ${a.score}, ${weight})${value}`,
      );
      if (a.explanation) lines.push(`  - ${a.explanation}`);
      if (a.errorMessage) lines.push(`  - error: ${a.errorMessage}`);
      for (const line of a.lines) lines.push(`  - ${line}`);
      for (const c of a.context) {
        lines.push(`  - context, ${c.title} (\`${c.id}\`)${c.displayValue ? ` — ${c.displayValue}` : ''}:`);
        for (const line of c.lines) lines.push(`    - ${line}`);
      }
    }
  }
  return lines.length ? lines.join('\n') : 'None.';
}

/* ------------------------------------------------------------------ main */

async function main() {
  const loadAtStart = os.loadavg();
  mkdirSync(RESULTS, { recursive: true });

  // Wall clock, npx start-up included: that is what a person or a CI job waits for.
  const buildStart = performance.now();
  await run('npx', ['astro', 'build']);
  const buildSeconds = (performance.now() - buildStart) / 1000;

  const pages = walk(DIST)
    .filter((f) => f.endsWith('.html'))
    .map(sitePathOf)
    .sort()
    .map(measurePage);
  const analogyPages = pages.filter((p) => /^\/analogies\/[^/]+\/$/.test(p.path));
  // The heaviest analogy page stands for all six: if it scores 100, the lighter ones have
  // less in their way.
  const analogy = analogyPages.reduce((a, b) => (b.html.gzip > a.html.gzip ? b : a), analogyPages[0])?.path;
  const lighthousePages = ['/', '/essay/', analogy, '/scorecard/', '/panel/'].filter(Boolean);

  const lighthouseRuns = {};
  await startPreview();
  try {
    // One at a time: two runs in parallel on two cores would throttle each other and skew
    // the simulated metrics.
    for (const path of lighthousePages) {
      process.stderr.write(`Lighthouse ${path} …\n`);
      try {
        lighthouseRuns[path] = await runLighthouse(path);
      } catch (error) {
        // One page failing to load still leaves the others worth reporting.
        lighthouseRuns[path] = { error: error.message };
      }
    }
  } finally {
    stopPreview();
  }

  // The matrix benchmark serves dist/ itself (scripts/serve.mjs, port 4398). A failure to run
  // is reported, and fails its budget, rather than losing the rest of the report.
  process.stderr.write(`Matrix edit benchmark (${MATRIX_LABS} × ${MATRIX_ANALOGIES}) …\n`);
  let matrix;
  try {
    matrix = await benchMatrix({ dir: DIST, base: BASE });
  } catch (error) {
    matrix = { error: error instanceof Error ? error.message : String(error) };
  }

  process.stderr.write(`Panel build benchmark (${PANEL_RATERS} raters) …\n`);
  let panel;
  try {
    panel = await benchPanel({ dir: DIST, base: BASE });
  } catch (error) {
    panel = { error: error instanceof Error ? error.message : String(error) };
  }

  const results = budgets(pages, lighthouseRuns, lighthousePages, matrix, panel);
  const meta = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    // The load average shows whether something else competed for the two cores: simulated
    // throttling multiplies the main-thread time it observes, so contention lowers TBT scores.
    loadAverage: loadAtStart,
    machine: `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.arch()}`,
    lighthouse: JSON.parse(readFileSync(new URL(import.meta.resolve('lighthouse/package.json')), 'utf8'))
      .version,
    chromium: CHROMIUM,
  };
  const lhSettings = Object.values(lighthouseRuns).find((r) => !r.error);
  const markdown = [
    '# Benchmark',
    '',
    `- Date: ${meta.date}`,
    `- Commit: ${meta.commit}`,
    `- Node: ${meta.node}; Lighthouse ${meta.lighthouse}; Chromium ${meta.chromium}`,
    `- Machine: ${meta.machine}; load average at start ${meta.loadAverage.map((l) => l.toFixed(2)).join(' ')}`,
    `- Build time (\`npx astro build\`, wall clock): ${buildSeconds.toFixed(1)} s`,
    `- Lighthouse: ${lhSettings ? `${lhSettings.formFactor}, ${lhSettings.throttlingMethod} throttling` : 'no successful run'}, served by \`astro preview\` at ${ORIGIN}${BASE}`,
    '',
    'Bytes: raw and gzip level 9. CSS is the inline `<style>` of the page. JS is what the page requests',
    '(island components, renderers, `<script src>`, and their static imports, gzipped per file);',
    'inline JS is the non-JSON-LD `<script>` inside the HTML (counted in the HTML bytes); lazy JS is',
    'the dynamic `import()` chunks, loaded only on interaction and not counted against the budget.',
    '',
    table(pages, lighthouseRuns),
    '',
    `## Matrix edit (${MATRIX_LABS} labs × ${MATRIX_ANALOGIES} analogies)`,
    '',
    matrix.error ? `The matrix benchmark did not run: ${matrix.error}` : matrix.markdown,
    '',
    `## Panel build (${PANEL_RATERS} raters)`,
    '',
    panel.error ? `The panel benchmark did not run: ${panel.error}` : panel.markdown,
    '',
    '## Budgets',
    '',
    ...results.map((b) => `- **${b.holds ? 'PASS' : 'FAIL'}** ${b.name}: ${b.measured}`),
    '',
    `## Lighthouse runs and audits below full score (median run of ${RUNS} per page)`,
    '',
    failingAuditsMarkdown(lighthouseRuns),
    '',
  ].join('\n');

  writeAtomically(join(RESULTS, 'latest.md'), markdown);
  writeAtomically(
    join(RESULTS, 'latest.json'),
    JSON.stringify(
      {
        ...meta,
        buildSeconds,
        lighthousePages,
        pages,
        lighthouse: lighthouseRuns,
        matrix,
        panel,
        budgets: results,
      },
      null,
      2,
    ) + '\n',
  );
  process.stdout.write(markdown);
  process.stdout.write(`\nWritten to ${RESULTS}/latest.md and ${RESULTS}/latest.json\n`);
  return results.every((b) => b.holds);
}

main().then(
  (allHold) => {
    process.exitCode = allHold ? 0 : 1;
  },
  (error) => {
    stopPreview();
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  },
);
