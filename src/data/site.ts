import { getCollection, type CollectionEntry } from 'astro:content';
import { findIntegrityProblems } from '../content/integrity';
import type { RubricFrame } from '../rubric/types';

export type Analogy = CollectionEntry<'analogies'>;
export type Lab = CollectionEntry<'labs'>;
export type Evidence = CollectionEntry<'evidence'>;
export type EssaySection = CollectionEntry<'essay'>;
export type Reading = CollectionEntry<'readings'>['data']['cells'][string];

/** Everything the pages render, validated and in display order. */
export interface SiteContent {
  readonly analogies: readonly Analogy[];
  readonly labs: readonly Lab[];
  /** Newest first. */
  readonly evidence: readonly Evidence[];
  readonly essay: readonly EssaySection[];
  readonly frame: RubricFrame;
  evidenceById(id: string): Evidence | undefined;
  /** The site's reading of one cell; the integrity check guarantees every cell has one. */
  reading(lab: string, analogy: string): Reading;
  evidenceFor(filter: { lab?: string; analogy?: string }): Evidence[];
  /** The day the newest section of the essay changed. */
  readonly lastUpdated: Date;
}

let cached: Promise<SiteContent> | undefined;

/** Loads the content once per build, and fails the build listing every cross-reference problem. */
export function getSiteContent(): Promise<SiteContent> {
  cached ??= load();
  return cached;
}

async function load(): Promise<SiteContent> {
  const [analogies, labs, evidence, readings, essay] = await Promise.all([
    getCollection('analogies'),
    getCollection('labs'),
    getCollection('evidence'),
    getCollection('readings'),
    getCollection('essay'),
  ]);
  const problems = findIntegrityProblems({ analogies, labs, evidence, readings, essay });
  if (problems.length > 0) {
    throw new Error(
      `The content has ${problems.length === 1 ? 'a cross-reference problem' : `${problems.length} cross-reference problems`}:\n- ${problems.join('\n- ')}`,
    );
  }
  analogies.sort((a, b) => a.data.order - b.data.order);
  labs.sort((a, b) => a.data.order - b.data.order);
  evidence.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
  essay.sort((a, b) => a.data.order - b.data.order);

  const evidenceById = new Map(evidence.map((e) => [e.id, e]));
  const readingsByAnalogy = new Map(readings.map((r) => [r.id, r.data.cells]));
  return {
    analogies,
    labs,
    evidence,
    essay,
    frame: {
      labs: labs.map((l) => ({ id: l.id, key: l.data.key, name: l.data.name })),
      analogies: analogies.map((a) => ({ id: a.id, key: a.data.key, name: a.data.title })),
    },
    evidenceById: (id) => evidenceById.get(id),
    reading(lab, analogy) {
      const cell = readingsByAnalogy.get(analogy)?.[lab];
      if (cell === undefined) throw new Error(`No reading for ${lab} on ${analogy}`);
      return cell;
    },
    evidenceFor: ({ lab, analogy }) =>
      evidence.filter(
        (e) =>
          (lab === undefined || e.data.labs.includes(lab)) &&
          (analogy === undefined || e.data.analogy === analogy),
      ),
    lastUpdated: new Date(Math.max(...essay.map((s) => s.data.updated.getTime()))),
  };
}
