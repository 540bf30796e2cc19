/**
 * Serves the built site for the engine tests with the project's own static server, on a free
 * port (or ENGINES_PORT), with CSP violation reports collected (see scripts/serve.ts).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { serveStatic } from '../../scripts/serve';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin and base path the built site is served at, without a trailing slash. */
    siteURL: string;
  }
}

/** A port nothing listens on now, for a driver that must be told where to listen. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dist = process.env['OUT_DIR'] ?? 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run "npm run build" before the engine tests`);
  }
  const server = await serveStatic({
    dir: dist,
    base: process.env['BASE_PATH'] ?? '/',
    port: Number(process.env['ENGINES_PORT'] ?? 0),
    cspReports: true,
  });
  project.provide('siteURL', server.url.replace(/\/$/, ''));
  return () => server.close();
}
