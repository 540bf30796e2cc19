/**
 * Narrows each built page's Content-Security-Policy to the inline scripts and styles
 * that page really holds.
 *
 * Astro writes one policy for the whole site: every page lists the hashes of every
 * inline script, hydration directive and bundled chunk any page might use (fourteen
 * here). On a page that runs two of them, the rest only widen what an injected script
 * could match, and cost about 600 bytes gzipped that the analogy pages' first round
 * trip (14 KB) cannot spare. Bundled files stay allowed through 'self'.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;
/** Inline scripts the browser executes: no src, and not a data block such as JSON-LD. */
const INLINE_SCRIPT =
  /<script(?![^>]*\ssrc=)(?![^>]*\stype="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;

const digest = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's policy with script-src and style-src reduced to 'self' plus the hashes of its own inline code. */
export function narrowPolicy(html: string): string {
  const match = html.match(POLICY);
  if (!match) return html;
  const scripts = [...new Set([...html.matchAll(INLINE_SCRIPT)].map((m) => digest(m[1]!)))];
  const styles = [...new Set([...html.matchAll(INLINE_STYLE)].map((m) => digest(m[1]!)))];
  const directives = match[1]!
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((directive) => {
      const name = directive.split(/\s+/)[0];
      if (name === 'script-src') return ["script-src 'self'", ...scripts].join(' ');
      if (name === 'style-src') return ["style-src 'self'", ...styles].join(' ');
      return directive;
    });
  return html.replace(
    match[0],
    `<meta http-equiv="content-security-policy" content="${directives.join('; ')}">`,
  );
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(path);
      return Promise.resolve(entry.name.endsWith('.html') ? [path] : []);
    }),
  );
  return nested.flat();
}

export default function pageCsp(): AstroIntegration {
  return {
    name: 'labs-alignment:page-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        await Promise.all(
          files.map(async (file) => {
            const html = await readFile(file, 'utf8');
            const narrowed = narrowPolicy(html);
            if (narrowed !== html) await writeFile(file, narrowed);
          }),
        );
        logger.info(`narrowed the Content-Security-Policy of ${files.length} pages to their own inline code`);
      },
    },
  };
}
