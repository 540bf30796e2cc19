import { describe, expect, it } from 'vitest';
import { pagePaths, readPage } from './dist';

describe('wording', () => {
  it('no page hedges a count as "item(s)" or "cell(s)": it says "1 item" or "3 items"', () => {
    const hedged = pagePaths.flatMap((page) =>
      [
        ...readPage(page)
          .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
          .replace(/<[^>]+>/g, ' ')
          .matchAll(/\b\w+\(s\)/g),
      ].map((m) => `${page}: ${m[0]}`),
    );
    expect(hedged).toEqual([]);
  });
});
