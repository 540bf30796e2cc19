import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The scoring domain is plain TypeScript: islands, pages, tests and scripts build on it, never
// the other way round, so it can be tested and reused without a browser or a framework.
const RUBRIC = 'src/rubric';
const importsOf = (source: string) =>
  [
    ...source.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => match[1] ?? match[2]!);

describe('src/rubric', () => {
  const files = readdirSync(RUBRIC).filter((name) => name.endsWith('.ts'));

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  for (const file of files) {
    it(`${file} imports only its own folder`, () => {
      const imports = importsOf(readFileSync(join(RUBRIC, file), 'utf8'));
      const outside = imports.filter((path) => !path.startsWith('./'));
      expect(outside, `${file} imports ${outside.join(', ')}`).toEqual([]);
    });
  }

  it('the check sees an import from outside when there is one', () => {
    expect(importsOf(`import { x } from '../islands/store';\nimport y from 'preact';`)).toEqual([
      '../islands/store',
      'preact',
    ]);
    expect(importsOf(`const m = () => import('./exchange');`)).toEqual(['./exchange']);
  });
});
