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
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cspHash, filesIn, inlineScripts, inlineStyles } from './built-site.ts';

const POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;
/** The page's policy with script-src and style-src reduced to 'self' plus the hashes of its own inline code. */
export function narrowPolicy(html: string): string {
  const match = html.match(POLICY);
  if (!match) return html;
  const scripts = [...new Set(inlineScripts(html).map(cspHash))];
  const styles = [...new Set(inlineStyles(html).map(cspHash))];
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

export default function pageCsp(): AstroIntegration {
  return {
    name: 'labs-alignment:page-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = filesIn(fileURLToPath(dir)).filter((file) => file.endsWith('.html'));
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
