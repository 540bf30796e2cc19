/**
 * The scorecard shared by every island on a page. Islands read these stores
 * and call the actions below; nothing else writes to them. Persistence,
 * validation and merging live in the framework-free domain (src/rubric).
 */
import { atom } from 'nanostores';
import { useLayoutEffect } from 'preact/hooks';
import { renderedOnServer } from './use-store';
import type { Confidence, Level, Scorecard, Weight } from '../rubric/types';
import {
  emptyScorecard,
  isEmpty,
  sameScorecard,
  setConfidence,
  setLevel,
  setNote,
  setWeight,
} from '../rubric/scorecard';
import {
  browserStorage,
  openStore,
  STORAGE_KEY,
  type ScorecardStore,
  type StoreResult,
} from '../rubric/storage';

/** A message for the reader: errors go to role="alert", notices to role="status". */
export interface Message {
  readonly kind: 'error' | 'status';
  readonly text: string;
}

/** A change the reader can take back: a reset or a replacement by a shared card. */
interface Undoable {
  readonly label: string;
  readonly before: Scorecard;
}

/** A scorecard opened from a share link, shown read-only until the reader acts on it. */
export interface SharedCard {
  readonly card: Scorecard;
  readonly unknown: readonly string[];
}

export const $card = renderedOnServer(atom<Scorecard>(emptyScorecard()));
export const $message = renderedOnServer(atom<Message | null>(null));
export const $undo = renderedOnServer(atom<Undoable | null>(null));
export const $shared = renderedOnServer(atom<SharedCard | null>(null));
/** False until the saved card has been read, so views can tell "empty" from "not loaded yet". */
export const $ready = renderedOnServer(atom(false));

let started = false;
let persistence: ScorecardStore | null = null;

function apply(result: StoreResult): void {
  if (result.ok) {
    // After a write the merge may bring in changes another tab saved meanwhile. When it
    // brings nothing new, the card in hand is kept, so unchanged rows keep their identity
    // and views redraw only what changed.
    if (!sameScorecard(result.card, $card.get())) $card.set(result.card);
    if (result.notice !== null) $message.set({ kind: 'error', text: result.notice });
  } else {
    $message.set({ kind: 'error', text: result.message });
  }
}

function save(card: Scorecard): void {
  $card.set(card);
  if (persistence !== null) apply(persistence.write(card));
}

/** Reads the saved card once per page, and follows changes made in other tabs. */
export function startScorecard(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  persistence = openStore(browserStorage());
  apply(persistence.read());
  $ready.set(true);
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY && persistence !== null) apply(persistence.read());
  });
}

/**
 * Islands call this once; it starts the shared store after hydration, never during server
 * rendering, and before the browser paints, so the saved card shows without a flash of "Unscored".
 */
export function useScorecardStore(): void {
  useLayoutEffect(startScorecard, []);
}

/**
 * Applies a reader's edit to the saved card. A control can act before its island's effects have
 * run (a pick made before hydration), so the saved card is read first: the edit must land on it,
 * not on an empty card that would then be saved over it.
 */
function edit(change: (card: Scorecard) => Scorecard): void {
  startScorecard();
  save(change($card.get()));
}

export const scoreCell = (lab: string, analogy: string, level: Level | null) =>
  edit((card) => setLevel(card, lab, analogy, level));
export const setCellConfidence = (lab: string, analogy: string, confidence: Confidence | undefined) =>
  edit((card) => setConfidence(card, lab, analogy, confidence));
export const setCellNote = (lab: string, analogy: string, text: string) =>
  edit((card) => setNote(card, lab, analogy, text));
export const setAnalogyWeight = (analogy: string, weight: Weight) =>
  edit((card) => setWeight(card, analogy, weight));

function replaceUndoably(next: Scorecard, label: string, done: string): void {
  $undo.set({ label, before: $card.get() });
  save(next);
  $message.set({ kind: 'status', text: done });
}

export function resetScores(): void {
  if (isEmpty($card.get())) return;
  replaceUndoably(emptyScorecard(), 'Undo reset', 'Your scores were reset. You can undo this.');
}

export function replaceWithShared(): void {
  const shared = $shared.get();
  if (shared === null) return;
  replaceUndoably(
    shared.card,
    'Undo replace',
    'Your scores were replaced by the shared scorecard. You can undo this.',
  );
  $shared.set(null);
}

export function importScores(card: Scorecard, from: string): void {
  replaceUndoably(card, 'Undo import', `Imported scores from ${from}. You can undo this.`);
}

export function undo(): void {
  const change = $undo.get();
  if (change === null) return;
  $undo.set(null);
  save(change.before);
  $message.set({ kind: 'status', text: 'Undone: your previous scores are back.' });
}

/** Hides the shared card; the share-link module also clears the address so a reload shows the reader's own. */
export function closeShared(): void {
  $shared.set(null);
}

export const say = (message: Message | null) => $message.set(message);
