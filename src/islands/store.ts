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

/** Where a message is shown: next to the control that caused it, so that it is in view. */
export type MessagePlace = 'scores' | 'share' | 'import' | 'reset' | 'shared';

/** A message for the reader: errors go to role="alert", notices to role="status". */
export interface Message {
  readonly kind: 'error' | 'status';
  readonly text: string;
  readonly at: MessagePlace;
}

/** A change the reader can take back: a reset, an import, a replacement by a shared card. */
interface Undoable {
  readonly label: string;
  readonly before: Scorecard;
  readonly at: MessagePlace;
}

/** Where the unreadable data found in storage was copied, until the reader downloads or discards it. */
export interface Unreadable {
  readonly key: string;
  readonly text: string;
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
export const $unreadable = renderedOnServer(atom<Unreadable | null>(null));
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
    if (result.notice !== null && result.setAsideKey !== undefined)
      $unreadable.set({ key: result.setAsideKey, text: result.notice });
    else if (result.notice !== null) $message.set({ kind: 'error', text: result.notice, at: 'scores' });
  } else {
    $message.set({ kind: 'error', text: result.message, at: 'scores' });
  }
}

let unsaved: Scorecard | null = null;

/** Writes the latest card, if one is waiting; also run before reading another tab's change and when the page is hidden. */
export function flushSave(): void {
  if (unsaved === null || persistence === null) return;
  const card = unsaved;
  unsaved = null;
  apply(persistence.write(card));
}

/**
 * Shows the card at once and writes it just after the frame that shows it is painted: the
 * write (read, merge, serialise) is not what the reader waits to see, and a burst of edits
 * is written once. Nothing is lost: the write is flushed when the page is hidden.
 */
function save(card: Scorecard): void {
  $card.set(card);
  if (persistence === null) return;
  if (unsaved === null) requestAnimationFrame(() => setTimeout(flushSave, 0));
  unsaved = card;
}

/** Reads the saved card once per page, and follows changes made in other tabs. */
export function startScorecard(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  persistence = openStore(browserStorage());
  apply(persistence.read());
  $ready.set(true);
  window.addEventListener('storage', (event) => {
    flushSave();
    if (event.key === STORAGE_KEY && persistence !== null) apply(persistence.read());
  });
  window.addEventListener('pagehide', flushSave);
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
  askToKeepScores();
}

let askedToKeep = false;

/**
 * Asks the browser to exempt the site's storage from automatic clearing (Safari clears it after
 * seven days without a visit). Asked at the first edit, not on load: Firefox asks the reader, and
 * the question makes sense only once there is something to keep. A refusal changes nothing: the
 * page says where scores live and how to keep them.
 */
function askToKeepScores(): void {
  if (askedToKeep) return;
  askedToKeep = true;
  void navigator.storage?.persist?.().catch(() => false);
}

export const scoreCell = (lab: string, analogy: string, level: Level | null) =>
  edit((card) => setLevel(card, lab, analogy, level));
export const setCellConfidence = (lab: string, analogy: string, confidence: Confidence | undefined) =>
  edit((card) => setConfidence(card, lab, analogy, confidence));
export const setCellNote = (lab: string, analogy: string, text: string) =>
  edit((card) => setNote(card, lab, analogy, text));
export const setAnalogyWeight = (analogy: string, weight: Weight) =>
  edit((card) => setWeight(card, analogy, weight));

// Undo is kept in memory only: it says so, rather than promising what a reload would break.
const UNDO_LIFETIME = 'You can undo this until you leave or reload the page.';

function replaceUndoably(next: Scorecard, label: string, done: string, at: MessagePlace): void {
  $undo.set({ label, before: $card.get(), at });
  save(next);
  $message.set({ kind: 'status', text: `${done} ${UNDO_LIFETIME}`, at });
}

export function resetScores(): void {
  if (isEmpty($card.get())) return;
  replaceUndoably(emptyScorecard(), 'Undo reset', 'Your scores were reset.', 'reset');
}

export function replaceWithShared(): void {
  const shared = $shared.get();
  if (shared === null) return;
  replaceUndoably(
    shared.card,
    'Undo replace',
    'Your scores were replaced by the shared scorecard.',
    'scores',
  );
  $shared.set(null);
}

/** Takes over a card built elsewhere (an import, the site's reading), undoably. */
export function replaceScores(card: Scorecard, label: string, done: string, at: MessagePlace): void {
  replaceUndoably(card, label, done, at);
}

export function undo(): void {
  const change = $undo.get();
  if (change === null) return;
  $undo.set(null);
  save(change.before);
  $message.set({ kind: 'status', text: 'Undone: your previous scores are back.', at: change.at });
}

/** Hides the shared card; the share-link module also clears the address so a reload shows the reader's own. */
export function closeShared(): void {
  $shared.set(null);
}

export const say = (message: Message | null) => $message.set(message);
