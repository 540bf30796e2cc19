import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodeEntities, pagePaths, readPage } from './dist';

function policyOf(html: string): Map<string, string[]> {
  const match = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i);
  if (!match) return new Map();
  return new Map(
    decodeEntities(match[1]!)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('content security policy', () => {
  it('every page carries a strict policy: nothing by default, scripts only by hash or from the site itself', () => {
    for (const page of pagePaths) {
      const policy = policyOf(readPage(page));
      expect(policy.get('default-src'), page).toEqual(["'none'"]);
      const scripts = policy.get('script-src') ?? [];
      expect(scripts.length, `${page} has a script-src`).toBeGreaterThan(0);
      expect(scripts, page).not.toContain("'unsafe-inline'");
      expect(scripts, page).not.toContain("'unsafe-eval'");
      expect(
        scripts.every((s) => s === "'self'" || /^'sha(256|384|512)-/.test(s)),
        `${page}: ${scripts.join(' ')}`,
      ).toBe(true);
      expect(policy.get('style-src') ?? [], page).not.toContain("'unsafe-inline'");
      expect(policy.get('connect-src'), page).toEqual(["'self'"]);
      expect(policy.get('base-uri'), page).toEqual(["'self'"]);
    }
  });

  it("each page's policy allows exactly the inline scripts and styles that page holds", () => {
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    for (const page of pagePaths) {
      const html = readPage(page);
      const policy = policyOf(html);
      const scripts = [
        ...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
      ].map((m) => sha(m[1]!));
      const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]!));
      expect(new Set(policy.get('script-src')), page).toEqual(new Set(["'self'", ...scripts]));
      expect(new Set(policy.get('style-src')), page).toEqual(new Set(["'self'", ...styles]));
    }
  });

  it('no page holds an inline event handler or a javascript: URL, which the policy would block', () => {
    for (const page of pagePaths) {
      const html = readPage(page);
      expect(html, page).not.toMatch(/\son[a-z]+="/i);
      expect(html, page).not.toMatch(/href="javascript:/i);
    }
  });
});
