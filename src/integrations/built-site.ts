/**
 * Reading a built site: which files and pages it holds, and which of a page's inline code the
 * browser runs. One module, because the build step that narrows each page's
 * Content-Security-Policy, the build-output tests, the browser tests and the benchmark must all
 * agree on these answers; when each kept its own copy, the copies drifted.
 *
 * Plain Node with explicit extensions, so that scripts run by Node itself can import it too.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createHash } from 'node:crypto';

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
