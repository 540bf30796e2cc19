// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import pageCsp from './src/integrations/page-csp.ts';

/**
 * The public origin, used for canonical URLs, the sitemap and preview cards.
 * Set SITE_URL when deploying; the default serves `npm run preview` locally.
 */
const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321';

/** A sub-path to serve from (e.g. "/labs-alignment/" for a project page); "/" by default. */
const base = process.env.BASE_PATH ?? '/';

/**
 * Vite wraps every dynamic import in a preload helper even with modulePreload off
 * (vitejs/vite#18551); that helper costs ~0.9 KB gzipped on every page with an island,
 * a sixteenth of the JavaScript budget. The site's lazy chunks are tiny, so a plain
 * import() serves as well.
 * @returns {import('vite').Plugin}
 */
function noPreloadHelper() {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'labs-alignment:no-preload-helper',
    enforce: 'pre',
    apply: 'build',
    load(id) {
      return id === helper ? 'export const __vitePreload = (load) => load();' : null;
    },
  };
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Caches live in the project, not in node_modules (Astro's and Vite's default): worktrees and the
  // tests' fixture copies link one shared node_modules, and a build that reads the content store
  // another build has just written renders that build's content, not its own (issue 14).
  cacheDir: './.cache/astro/',
  integrations: [mdx(), preact(), sitemap(), pageCsp()],
  build: {
    // One request carries the page and its styles: the analogy pages must fit
    // in the first round trip (14 KB gzipped), which an extra CSS file would break.
    inlineStylesheets: 'always',
    format: 'directory',
  },
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  devToolbar: { enabled: false },
  // No code blocks need highlighting, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  vite: {
    cacheDir: './.cache/vite/',
    build: {
      modulePreload: false,
      rollupOptions: {
        output: {
          // One chunk for the scoring core every island needs: many small chunks cost more
          // in per-file overhead than the few hundred bytes a page might not use.
          manualChunks(id) {
            return /\/src\/(rubric\/(types|scorecard|scoring|codec|storage)|islands\/(store|use-store|labels|LevelSelect|StorageNotice|AnalogyHeaderRow|download))\.tsx?$/.test(
              id,
            )
              ? 'scoring-core'
              : undefined;
          },
        },
      },
    },
    plugins: [noPreloadHelper()],
  },
});
