import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { siteUrlProblem } from '../../src/deploy/site-url';

describe('the production build checks SITE_URL', () => {
  it('accepts a public https origin', () => {
    expect(siteUrlProblem('https://example.org')).toBeNull();
    expect(siteUrlProblem('https://someone.github.io')).toBeNull();
  });

  it.each([
    [undefined, /not set/],
    ['', /not set/],
    ['http://127.0.0.1:4321', /https/],
    ['https://127.0.0.1:4321', /local address/],
    ['https://localhost', /local address/],
    ['https://192.168.1.20', /local address/],
    ['https://[::1]:8080', /local address/],
    ['example.org', /not an absolute URL/],
    ['https://someone.github.io/repo/', /BASE_PATH/],
  ])('rejects %s with a message that says why', (value, message) => {
    expect(siteUrlProblem(value)).toMatch(message);
  });

  it('npm run build:deploy stops before building, naming the problem, when SITE_URL is unset or local', () => {
    for (const env of [{}, { SITE_URL: 'http://127.0.0.1:4321' }]) {
      const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'SITE_URL'));
      const run = spawnSync('npm', ['run', '--silent', 'build:deploy'], {
        encoding: 'utf8',
        env: { ...base, ...env, OUT_DIR: 'dist-deploy-should-not-exist' },
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/build:deploy: SITE_URL/);
      expect(run.stdout).not.toMatch(/astro/i);
    }
  });
});

describe('the GitHub Pages workflow', () => {
  it('builds with build:deploy for the address Pages reports, and deploys what it built', async () => {
    const { readFileSync } = await import('node:fs');
    const workflow = readFileSync('.github/workflows/deploy.yml', 'utf8');
    expect(workflow).toMatch(/run: npm run build:deploy/);
    expect(workflow).toMatch(/SITE_URL: \$\{\{ steps\.pages\.outputs\.origin \}\}/);
    expect(workflow).toMatch(/BASE_PATH: \$\{\{ steps\.pages\.outputs\.base_path \}\}\//);
    expect(workflow).toMatch(/uses: actions\/upload-pages-artifact@v\d+\s+with:\s+path: dist/);
    expect(workflow).toMatch(/uses: actions\/deploy-pages@v\d+/);
  });
});
