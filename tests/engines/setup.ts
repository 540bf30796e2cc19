/**
 * Serves the built site for the engine tests with the project's own static server, in this
 * process, on a free port (or ENGINES_PORT), collecting CSP reports (see scripts/serve.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin and base path the built site is served at, without a trailing slash. */
    siteURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = process.env['OUT_DIR'] ?? 'dist';
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: run "npm run build" before the engine tests`);
  }
  const server = await serveStatic({
    dir,
    base: process.env['BASE_PATH'] ?? '/',
    port: Number(process.env['ENGINES_PORT'] ?? 0),
    cspReports: true,
  });
  project.provide('siteURL', server.url.replace(/\/$/, ''));
  return () => server.close();
}
