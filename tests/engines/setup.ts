/**
 * Serves the built site for the engine tests with the project's own static server, on a free
 * port (or ENGINES_PORT), with CSP violation reports collected (see scripts/serve.mjs).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The origin and base path the built site is served at, without a trailing slash. */
    siteURL: string;
  }
}

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
  const port = Number(process.env['ENGINES_PORT'] ?? (await freePort()));
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--csp-reports'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`scripts/serve.mjs exited with ${code}`)));
    server.stdout!.once('data', () => resolve());
  });
  const base = (process.env['BASE_PATH'] ?? '/').replace(/\/$/, '');
  project.provide('siteURL', `http://127.0.0.1:${port}${base}`);
  return () => {
    server.kill();
  };
}
