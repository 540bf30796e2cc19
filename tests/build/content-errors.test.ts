/**
 * A malformed content file must fail the build with a message naming the file and
 * the field, as content/AUTHORING.md promises. Each case copies the project to a
 * temporary directory, lays one broken file from tests/fixtures/broken-content/<case>/
 * over the copy's content/, and builds it.
 *
 * This file does not read dist/, but it lives in the `build` project because each
 * case runs a full build (5-10 s).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuild } from './dist';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/broken-content');
const COPIED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public'];

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Builds a copy of the project with one fixture laid over content/; returns the exit status and all output. */
function buildWithFixture(fixture: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), `labs-alignment-${fixture}-`));
  tempDirs.push(dir);
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  cpSync(join(FIXTURES, fixture), join(dir, 'content'), { recursive: true });
  try {
    const result = astroBuild(dir, { OUT_DIR: join(dir, 'dist') });
    // Colours are stripped so that the assertions read the words alone.
    return { status: result.status, output: result.output.replace(/\u001b\[[0-9;]*m/g, '') };
  } finally {
    // Clean up as soon as the build is done; afterAll catches anything left over.
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Case {
  /** The folder under tests/fixtures/broken-content/. */
  readonly fixture: string;
  readonly mistake: string;
  /** The broken file, relative to content/. */
  readonly file: string;
  /** What the build output must contain besides the file: the field, and names where relevant. */
  readonly mentions: readonly RegExp[];
}

const CASES: readonly Case[] = [
  {
    fixture: 'direction-not-in-enum',
    mistake: 'an evidence item with direction "maybe"',
    file: 'evidence/openai-test-direction-2024.yaml',
    mentions: [/\bbears\.0\.direction\b/],
  },
  {
    fixture: 'date-with-slashes',
    mistake: 'an evidence item dated 2024/01/10',
    file: 'evidence/openai-test-date-2024.yaml',
    mentions: [/\bdate: /],
  },
  {
    fixture: 'four-levels',
    mistake: 'an analogy with only four levels',
    file: 'analogies/opacity.yaml',
    mentions: [/\blevels: /],
  },
  {
    fixture: 'http-website',
    mistake: 'a lab with an http:// website',
    file: 'labs/meta.yaml',
    mentions: [/\bwebsite: /],
  },
  {
    fixture: 'unknown-lab',
    mistake: 'an evidence item naming the lab "openia"',
    file: 'evidence/openai-test-unknown-lab-2024.yaml',
    mentions: [/field "labs\[0\]"/, /"openia"/],
  },
  {
    fixture: 'reading-leaves-out-item',
    mistake: 'an evidence item bearing on a cell whose reading does not cite it',
    file: 'readings/opacity.yaml',
    mentions: [/field "cells\.openai\.evidence"/, /"openai-test-uncited-2024"/],
  },
  {
    fixture: 'duplicate-first-source',
    mistake: 'two evidence items opening with the same source',
    file: 'evidence/openai-test-twin-2024.yaml',
    mentions: [/field "sources\[0\]\.url"/, /"openai-test-event-2024"/],
  },
  {
    fixture: 'missing-reading',
    mistake: 'a readings file with no reading for Microsoft',
    file: 'readings/deception.yaml',
    mentions: [/field "cells\.microsoft"/],
  },
  {
    fixture: 'essay-without-description',
    mistake: 'an essay section whose frontmatter lacks description',
    file: 'essay/conclusion.mdx',
    mentions: [/\bdescription\b[^\n]*\bRequired\b/],
  },
];

describe('a malformed content file fails the build with a message naming the file and the field', () => {
  it.each(CASES)('$mistake', ({ fixture, file, mentions }) => {
    const { status, output } = buildWithFixture(fixture);
    expect(status, output).not.toBe(0);
    expect(status, output).not.toBeNull();
    expect(output).toContain(`content/${file}`);
    for (const mention of mentions) expect(output, `the output does not match ${mention}`).toMatch(mention);
  });
});
