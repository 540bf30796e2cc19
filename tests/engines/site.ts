/** What the engine tests know about the built site: its pages and the rubric it scores. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import { pagePathsIn } from '../../src/integrations/built-site';

const dist = process.env['OUT_DIR'] ?? 'dist';

/** Every built HTML page, as a site path ("/", "/labs/meta/", "/404.html"). */
export const builtPages = (): string[] => pagePathsIn(dist);

export const rubric = JSON.parse(readFileSync(join(dist, 'rubric.json'), 'utf8')) as {
  analogies: { id: string; title: string }[];
  labs: { id: string; name: string }[];
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
