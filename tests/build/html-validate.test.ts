/**
 * Every built page passes html-validate with the project config, .htmlvalidate.json
 * ("html-validate:recommended" plus element metadata for Astro's custom elements).
 *
 * JSON has no comments, so the reasons for each departure from the preset live here,
 * and a test below fails if the config turns off a rule that is not explained here:
 *
 * - "void-style" is off: Astro's templates write void elements without a slash (<input>),
 *   while Preact's server renderer, which draws the islands, writes them self-closed
 *   (<input/>). Both are valid HTML syntax, and the rule can only demand one style.
 *
 * Configured rather than disabled:
 * - Astro's islands are the custom elements <astro-island>, <astro-slot> and
 *   <astro-static-slot>; the config describes them as flow and phrasing content so that
 *   "no-unknown-elements" can stay on for every other element.
 * - Before the first island on a page Astro emits, in the body, exactly
 *   `<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>`.
 *   That one framework-generated element is blanked out (with spaces, so lines and
 *   columns stay true) before validating; any other <style> in the body is still an error.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { fileFor, pagePaths } from './dist';

const ROOT = join(import.meta.dirname, '../..');
const CONFIG_FILE = join(ROOT, '.htmlvalidate.json');

/** Rules the project config turns off, each explained in the comment above. */
const EXPLAINED_OFF = ['void-style'];

const ASTRO_ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

const loader = new FileSystemConfigLoader();
const htmlvalidate = new HtmlValidate(loader);

interface Finding {
  readonly page: string;
  readonly rule: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly selector: string | null;
}

async function validatePage(page: string): Promise<Finding[]> {
  const file = resolve(fileFor(page)!);
  const html = readFileSync(file, 'utf8').replaceAll(
    ASTRO_ISLAND_STYLE,
    ' '.repeat(ASTRO_ISLAND_STYLE.length),
  );
  const report = await htmlvalidate.validateString(html, file);
  return report.results.flatMap((result) =>
    result.messages.map((m) => ({
      page,
      rule: m.ruleId,
      line: m.line,
      column: m.column,
      message: m.message,
      selector: m.selector,
    })),
  );
}

describe('HTML validity', () => {
  it('the config extends the recommended preset and turns off only the rules explained in this file', () => {
    const config = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as {
      extends?: string[];
      rules?: Record<string, unknown>;
    };
    expect(config.extends).toContain('html-validate:recommended');
    const off = Object.entries(config.rules ?? {})
      .filter(
        ([, setting]) =>
          setting === 'off' ||
          setting === 0 ||
          (Array.isArray(setting) && (setting[0] === 'off' || setting[0] === 0)),
      )
      .map(([rule]) => rule);
    expect(off.sort()).toEqual([...EXPLAINED_OFF].sort());
  });

  it('the validator reads the project config for the built pages', async () => {
    const config = await htmlvalidate.getConfigFor(resolve(fileFor('/')!));
    const rules = config.getRules();
    expect(rules.get('void-style')?.[0]).toBe(0);
    expect(rules.get('no-unknown-elements')?.[0]).toBe(2);
    expect(rules.get('no-redundant-for')?.[0]).toBe(2);
  });

  it('the validator would catch a stray <style> in the body and an unknown element', async () => {
    const file = resolve(fileFor('/')!);
    const report = await htmlvalidate.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><section><h2>x</h2><style>p{}</style></section><labs-widget></labs-widget></main></body></html>',
      file,
    );
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toContain('element-permitted-content');
    expect(rules).toContain('no-unknown-elements');
  });

  it('every built page passes html-validate with no errors or warnings', async () => {
    expect(pagePaths.length).toBeGreaterThanOrEqual(18);
    const findings = (await Promise.all(pagePaths.map(validatePage))).flat();
    const lines = findings.map(
      (f) =>
        `${f.page} [${f.rule}] line ${f.line}:${f.column} ${f.message}${f.selector === null ? '' : ` (${f.selector})`}`,
    );
    expect(lines).toEqual([]);
  });
});
