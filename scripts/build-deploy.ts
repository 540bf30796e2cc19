// The production build: the same static build as `npm run build`, but it refuses to run
// unless SITE_URL names a public https origin, because every canonical URL, preview image,
// the sitemap and /rubric.json are written from it.
//
// Usage: SITE_URL=https://example.org [BASE_PATH=/repo/] npm run build:deploy
import { spawnSync } from 'node:child_process';
import { siteUrlProblem } from '../src/deploy/site-url.ts';

const problem = siteUrlProblem(process.env['SITE_URL']);
if (problem !== null) {
  console.error(`build:deploy: ${problem}`);
  process.exit(1);
}
console.log(`build:deploy: building for ${process.env['SITE_URL']}${process.env['BASE_PATH'] ?? '/'}`);
const result = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
