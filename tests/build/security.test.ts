import { describe, expect, it } from 'vitest';
import { decodeEntities, pagePaths, readPage } from './dist';
import { cspHash, inlineScripts, inlineStyles } from '../../src/integrations/built-site';

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
    for (const page of pagePaths) {
      const html = readPage(page);
      const policy = policyOf(html);
      const scripts = inlineScripts(html).map(cspHash);
      const styles = inlineStyles(html).map(cspHash);
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
