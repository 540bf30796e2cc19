/**
 * The scoring domain's vocabulary. Plain TypeScript: nothing here may import
 * Astro, Preact or nanostores, so that vitest covers it without a browser and
 * islands stay thin views over it.
 */

/**
 * The 0-4 scale, its labels and the limits every reader of scores shares. The content
 * schema (src/content/schemas.ts), the stored and exported formats and share links all
 * derive from these constants, so the scale is written down once.
 */
export const LEVELS = [0, 1, 2, 3, 4] as const;
/** A level on the 0-4 scale; what each level means is defined per analogy. */
export type Level = (typeof LEVELS)[number];

/** The labels of the scale shared by every analogy; each analogy's own descriptors say what a level means for it. */
export const SCALE: readonly { readonly level: Level; readonly label: string }[] = [
  { level: 0, label: 'Does not fit' },
  { level: 1, label: 'Faint' },
  { level: 2, label: 'Partial' },
  { level: 3, label: 'Strong' },
  { level: 4, label: 'Full' },
];

export const scaleLabel = (level: number): string => SCALE[level]?.label ?? 'Unscored';

/** How sure the reader is of a score. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How much an analogy counts in a lab's aggregate: 0 (ignored) to 3. */
export const WEIGHTS = [0, 1, 2, 3] as const;
export type Weight = (typeof WEIGHTS)[number];
export const DEFAULT_WEIGHT: Weight = 1;

const among =
  <T>(values: readonly T[]) =>
  (value: unknown): value is T =>
    values.includes(value as T);

/** Type guards for values that come from outside: storage, files, links, form controls. */
export const isLevel = among<Level>(LEVELS);
export const isWeight = among<Weight>(WEIGHTS);
export const isConfidence = among<Confidence>(CONFIDENCES);

/** The choice whose text is `text`, as a form control or a CSV field gives it; undefined for none. */
export const choiceOf = <T>(choices: readonly T[], text: string): T | undefined =>
  choices.find((choice) => String(choice) === text);

/** Notes are plain text, never markup, and capped so links and storage stay small. */
export const NOTE_MAX_LENGTH = 280;

/** Characters in an imported file; a full card with every note at its cap is far below this. */
export const MAX_IMPORT_LENGTH = 1_000_000;

/** A share link's hash is `#share=<payload>`, so ordinary section anchors are never mistaken for links. */
export const SHARE_PARAM = 'share';

/** A plain object, as JSON.parse makes one: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an own property only: ids come from stored or imported data, and a key
 * such as "constructor" must not reach Object.prototype.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * What an operation that can fail returns: its fields on success, or why not. The fields sit
 * beside `ok` rather than under a `value` key so that callers read `result.card` after one check.
 */
export type Result<T extends object, E extends object = { readonly message: string }> =
  ({ readonly ok: true } & T) | ({ readonly ok: false } & E);

/** A lab or an analogy as the scorecard knows it: its public id, a short stable share key, a display name. */
export interface RubricItem {
  /** Public slug, e.g. "google-deepmind". */
  readonly id: string;
  /** Two lowercase letters, unique within its kind and never reused, e.g. "gd"; keeps share links short. */
  readonly key: string;
  /** Display name, e.g. "Google DeepMind" or "Power seeking". */
  readonly name: string;
}

/** Which labs and analogies exist, in display order. Built from the content at build time. */
export interface RubricFrame {
  readonly labs: readonly RubricItem[];
  readonly analogies: readonly RubricItem[];
}

/** One lab x analogy cell of a reader's scorecard. */
export interface Cell {
  /** The reader's level, or null when unscored. */
  readonly level: Level | null;
  readonly confidence?: Confidence;
  /** Plain text, at most NOTE_MAX_LENGTH characters. */
  readonly note?: string;
}

/** A reader's whole scorecard. Cells are keyed by lab id then analogy id; a missing cell is unscored. */
export interface Scorecard {
  readonly cells: Readonly<Record<string, Readonly<Record<string, Cell>>>>;
  /** Weight per analogy id; a missing weight is DEFAULT_WEIGHT. */
  readonly weights: Readonly<Record<string, Weight>>;
}

/** The neutral reference beside a reader's score: evidence items for one cell, by direction. */
export interface EvidenceTally {
  readonly supports: number;
  readonly weakens: number;
}
