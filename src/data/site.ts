import { getCollection, type CollectionEntry } from 'astro:content';
import { findIntegrityProblems } from '../content/integrity';
import { cellBearings, directionOn } from '../rubric/scoring';
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
  /** An item by its id, or by an id that was merged into it (its alias). */
  evidenceById(id: string): Evidence | undefined;
  /** The site's reading of one cell; the integrity check guarantees every cell has one. */
  reading(lab: string, analogy: string): Reading;
  /** The lab whose page shows an item in full: the first lab it bears on. */
  homeLab(item: Evidence): string;
  /** Items concerning a lab, bearing on an analogy, or bearing on one lab's cell when both are given. */
  evidenceFor(filter: { lab?: string; analogy?: string }): Evidence[];
  /** Items bearing on an analogy that name a lab without counting for it (the schema's `mentions`). */
  mentioning(lab: string, analogy: string): Evidence[];
  /** The date of the newest evidence item: how far the evidence reaches. */
  readonly newestEvidenceDate: string;
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

  const evidenceById = new Map(
    evidence.flatMap((e) => [
      [e.id, e] as const,
      ...(e.data.aliases ?? []).map((alias) => [alias, e] as const),
    ]),
  );
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
    homeLab: (item) => cellBearings(item.data)[0]?.lab ?? item.data.labs[0] ?? '',
    evidenceFor: ({ lab, analogy }) =>
      evidence.filter((e) =>
        lab !== undefined && analogy !== undefined
          ? directionOn(e.data, lab, analogy) !== undefined
          : (lab === undefined || e.data.labs.includes(lab)) &&
            (analogy === undefined || e.data.bears.some((b) => b.analogy === analogy)),
      ),
    mentioning: (lab, analogy) =>
      evidence.filter(
        (e) => e.data.mentions?.includes(lab) && e.data.bears.some((b) => b.analogy === analogy),
      ),
    newestEvidenceDate: evidence[0]?.data.date ?? '',
    lastUpdated: new Date(Math.max(...essay.map((s) => s.data.updated.getTime()))),
  };
}
