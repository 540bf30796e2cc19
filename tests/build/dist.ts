/** Reading the built site in dist/ (or OUT_DIR) for the build-output tests. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileIn, filesIn, pagePathsIn } from '../../src/integrations/built-site';
import { gzipSync } from 'node:zlib';

export const distDir = process.env['OUT_DIR'] ?? 'dist';
/** The base path the site was built with, without a trailing slash ("" at the root). */
export const basePath = (process.env['BASE_PATH'] ?? '/').replace(/\/$/, '');

if (!existsSync(join(distDir, 'index.html'))) {
  throw new Error(`${distDir}/index.html is missing: run "npm run build" before the build-output tests`);
}

export const allFiles = filesIn(distDir);

/** Site paths of the HTML pages, e.g. "/analogies/opacity/" and "/404.html". */
export const pagePaths = pagePathsIn(distDir, allFiles);
export { fileIn, filesIn, pagePathsIn };

/** The file that serves a site path (without the base path), or null. */
export function fileFor(sitePath: string): string | null {
  return fileIn(distDir, sitePath);
}

export function readPage(sitePath: string): string {
  const file = fileFor(sitePath);
  if (file === null) throw new Error(`no built page for ${sitePath}`);
  return readFileSync(file, 'utf8');
}

/** All values of one attribute in an HTML string. */
export function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => decodeEntities(m[1]!));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export const gzipSize = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;

/** Strips the base path from an internal href, or returns null for external links. */
export function toSitePath(href: string, fromPage: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return null;
  const url = new URL(href, `http://site.test${basePath}${fromPage}`);
  if (url.origin !== 'http://site.test') return null;
  if (!url.pathname.startsWith(basePath + '/') && url.pathname !== basePath) return `!outside-base:${url.pathname}`;
  return url.pathname.slice(basePath.length) + url.hash;
}

/**
 * Variables vitest sets in process.env for the code under test (import.meta.env is
 * process.env there). A child build must not inherit them: Vite lets an environment
 * variable BASE_URL override import.meta.env.BASE_URL, so vitest's BASE_URL="/" would
 * undo BASE_PATH, and NODE_ENV=test would change how Astro builds.
 */
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'VITEST', 'TEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];

/** Runs `npx astro build` in a directory, with extra environment variables, as a person would from a shell. */
export function astroBuild(cwd: string, env: Record<string, string>): { status: number | null; output: string } {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV.includes(key)));
  const result = spawnSync('npx', ['astro', 'build'], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...base, ...env } });
  if (result.error !== undefined) throw result.error;
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
