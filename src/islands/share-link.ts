/** Opening and leaving a share link: only the scorecard page needs the decoder, so it lives apart from the store. */
import type { RubricFrame } from '../rubric/types';
import { shareFragmentFromHash } from '../rubric/codec';
import { decodeShare } from '../rubric/share-decode';
import { $message, $shared } from './store';

/** Reads a share link from the address, if there is one, without touching the reader's own card. */
export function openSharedFromLocation(frame: RubricFrame): void {
  const fragment = shareFragmentFromHash(window.location.hash);
  if (fragment === null) return;
  const result = decodeShare(fragment, frame);
  if (result.ok) {
    $shared.set({ card: result.card, unknown: result.unknown });
    // A message about an earlier, broken link no longer applies.
    if ($message.get()?.at === 'shared') $message.set(null);
  } else {
    $shared.set(null);
    $message.set({
      kind: 'error',
      text: `${result.error.message} Your own scores are unchanged.`,
      at: 'shared',
    });
  }
}

/** Forgets the share link in the address, so that a reload shows the reader's own scores. */
export function leaveShareLink(): void {
  if (shareFragmentFromHash(window.location.hash) !== null) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}
