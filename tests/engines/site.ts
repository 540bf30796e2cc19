/** What the engine tests know about the built site: its pages and the rubric it scores. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import { pagePathsIn } from '../../src/integrations/built-site';
import { shareFragmentFromHash } from '../../src/rubric/codec';
import { decodeShare } from '../../src/rubric/share-decode';
import type { RubricFrame } from '../../src/rubric/types';

const dist = process.env['OUT_DIR'] ?? 'dist';

/** Every built HTML page, as a site path ("/", "/labs/meta/", "/404.html"). */
export const builtPages = (): string[] => pagePathsIn(dist);

export const rubric = JSON.parse(readFileSync(join(dist, 'rubric.json'), 'utf8')) as {
  analogies: { id: string; title: string; key: string }[];
  labs: { id: string; name: string; key: string }[];
};

/** The accessible name of the control that scores one cell: part of the site's contract. */
export function controlName(lab: string, analogy: string): string {
  const labName = rubric.labs.find((l) => l.id === lab)!.name;
  const title = rubric.analogies.find((a) => a.id === analogy)!.title;
  return `${title} score for ${labName}`;
}

/** The cell each control name scores, for comparing what a page shows with what is saved. */
export const cellOfControl = new Map(
  rubric.labs.flatMap((lab) =>
    rubric.analogies.map((a) => [controlName(lab.id, a.id), { lab: lab.id, analogy: a.id }] as const),
  ),
);

/** The level a saved card (as localStorage holds it) gives a cell, as a select shows it: "" when unscored. */
export function savedLevel(saved: unknown, lab: string, analogy: string): string {
  const level = (
    saved as { card?: { cells?: Record<string, Record<string, { level?: number | null }>> } } | null
  )?.card?.cells?.[lab]?.[analogy]?.level;
  return level === undefined || level === null ? '' : String(level);
}

/** A lab page's score controls (name to value) show what the saved card holds, Meta's opacity at 3 among it. */
export function expectControlsShowSaved(shown: ReadonlyMap<string, string>, saved: unknown): void {
  expect(shown.get(controlName('meta', 'opacity'))).toBe('3');
  expect(shown.size).toBe(rubric.analogies.length);
  for (const [name, value] of shown) {
    const cell = cellOfControl.get(name);
    expect(cell, `a control named "${name}"`).toBeDefined();
    expect(value, name).toBe(savedLevel(saved, cell!.lab, cell!.analogy));
  }
}

/** The scores the scorecard test sets, by the reader's own hand, on /scorecard/. */
export const scoresToSet = [
  { lab: 'meta', analogy: 'opacity', level: 3 },
  { lab: 'meta', analogy: 'deception', level: 1 },
] as const;

/**
 * The scorecard page's share link, read with `read` until it holds every score in `scores`. The
 * page makes the link just after the frame that shows an edit, which can come after the save a test
 * waits for: on a busy machine a link read at once can be one edit behind (issue 14).
 */
export async function shareLinkHolding(
  read: () => Promise<string>,
  scores: readonly { lab: string; analogy: string; level: number }[],
  timeoutMs: number,
): Promise<string> {
  let link = '';
  const holds = () => {
    const fragment = link === '' ? null : shareFragmentFromHash(new URL(link).hash);
    // rubric.json is the frame the site encodes links with; the type above names only what tests read.
    const result = fragment === null ? null : decodeShare(fragment, rubric as unknown as RubricFrame);
    return (
      result !== null &&
      result.ok &&
      scores.every(({ lab, analogy, level }) => result.card.cells[lab]?.[analogy]?.level === level)
    );
  };
  await expect
    .poll(async () => ((link = await read()), holds()), { timeout: timeoutMs, interval: 50 })
    .toBe(true);
  return link;
}
