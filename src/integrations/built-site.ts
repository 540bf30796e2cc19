/**
 * Reading a built site: which files and pages it holds, and which of a page's inline code the
 * browser runs. One module, because the build step that narrows each page's
 * Content-Security-Policy, the build-output tests, the browser tests and the benchmark must all
 * agree on these answers; when each kept its own copy, the copies drifted.
 *
 * Plain Node with explicit extensions, so that scripts run by Node itself can import it too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Every file under a directory, recursively, as paths that start with the directory. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Site paths of the HTML pages among a build's files, e.g. "/analogies/opacity/" and "/404.html". */
export function pagePathsIn(dir: string, files: readonly string[] = filesIn(dir)): string[] {
  const root = join(dir, sep);
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => '/' + file.slice(root.length).split(sep).join('/'))
    .map((path) => path.replace(/index\.html$/, ''))
    .sort();
}

/** Inline scripts the browser executes: no src, and not a data block such as JSON-LD or JSON. */
const INLINE_SCRIPT =
  /<script(?![^>]*\ssrc=)(?![^>]*\stype="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;
/** Data blocks: <script> elements the browser never runs. */
const DATA_SCRIPT = /<script[^>]*\stype="application\/(?:ld\+)?json"/i;

/** The text of each inline script the browser runs, in page order. */
export const inlineScripts = (html: string): string[] => [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]!);

/** The text of each inline style element, in page order. */
export const inlineStyles = (html: string): string[] => [...html.matchAll(INLINE_STYLE)].map((m) => m[1]!);

/** How many <script> elements the browser runs or loads: inline ones and those with a src. */
export const runnableScriptCount = (html: string): number =>
  [...html.matchAll(/<script\b[^>]*>/gi)].filter((m) => !DATA_SCRIPT.test(m[0])).length;

/** A CSP source expression for inline code: its SHA-256 digest. */
export const cspHash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The file in a build directory that serves a site path (the path without the base), or null. */
export function fileIn(dir: string, sitePath: string): string | null {
  const clean = decodeURI(sitePath.split(/[?#]/)[0] ?? '');
  const candidates = clean.endsWith('/')
    ? [join(dir, clean, 'index.html')]
    : [join(dir, clean), join(dir, clean, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

const gzipped = (content: string) => gzipSync(content, { level: 9 }).length;
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*[`"']([^`"']+)[`"']\s*\)/g;
const attributeValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'));

/** The JavaScript files a page loads, gzipped size by site path. */
export interface PageScripts {
  /** Fetched as the page loads: island components, renderers, `<script src>`, and their static imports. */
  readonly eager: ReadonlyMap<string, number>;
  /** Fetched only when the reader does something: dynamic `import()` chunks not already eager. */
  readonly lazy: ReadonlyMap<string, number>;
}

/** Follows a page's scripts through their imports, in a build served under `base` ("/" at the root). */
export function scriptsOf(dir: string, base: string, page: string): PageScripts {
  const file = fileIn(dir, page);
  if (file === null) throw new Error(`no built page for ${page}`);
  const html = readFileSync(file, 'utf8');
  const prefix = base.replace(/\/$/, '');
  const toSitePath = (href: string, from: string) => {
    const url = new URL(href, `http://site.test${prefix}${from}`);
    return url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : null;
  };
  const walk = (entries: readonly string[], skip: ReadonlySet<string>) => {
    const found = new Map<string, number>();
    const dynamic: string[] = [];
    const queue = [...entries];
    while (queue.length > 0) {
      const path = queue.pop()!;
      if (found.has(path) || skip.has(path)) continue;
      const script = fileIn(dir, path);
      if (script === null) throw new Error(`${page} loads ${path}, which is not in the build`);
      const code = readFileSync(script, 'utf8');
      found.set(path, gzipped(code));
      const resolve = (m: RegExpMatchArray) => toSitePath(m[1]!, path);
      for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolve(m) ?? '');
      for (const m of code.matchAll(DYNAMIC_IMPORT)) dynamic.push(resolve(m) ?? '');
    }
    return { found, dynamic: dynamic.filter(Boolean) };
  };
  const entries = [
    ...attributeValues(html, 'component-url'),
    ...attributeValues(html, 'renderer-url'),
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
  ]
    .map((href) => toSitePath(href, page))
    .filter((path): path is string => path !== null);
  const eager = walk(entries, new Set());
  const lazy = walk(eager.dynamic, new Set(eager.found.keys()));
  return { eager: eager.found, lazy: lazy.found };
}
