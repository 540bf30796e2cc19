/**
 * The scoring domain's vocabulary. Plain TypeScript: nothing here may import
 * Astro, Preact or nanostores, so that vitest covers it without a browser and
 * islands stay thin views over it.
 */

/** A level on the 0-4 scale; what each level means is defined per analogy. */
export type Level = 0 | 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [0, 1, 2, 3, 4];

/** How sure the reader is of a score. */
export type Confidence = 'low' | 'medium' | 'high';
export const CONFIDENCES: readonly Confidence[] = ['low', 'medium', 'high'];

/** How much an analogy counts in a lab's aggregate: 0 (ignored) to 3. */
export type Weight = 0 | 1 | 2 | 3;
export const WEIGHTS: readonly Weight[] = [0, 1, 2, 3];
export const DEFAULT_WEIGHT: Weight = 1;

/** Notes are plain text, never markup, and capped so links and storage stay small. */
export const NOTE_MAX_LENGTH = 280;

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
