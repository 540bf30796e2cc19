/**
 * The read-only view of a scorecard opened from a share link. Loaded only when the
 * address holds one, so ordinary visits to the scorecard do not download the decoder.
 */
import { useStore } from './use-store';
import { useState } from 'preact/hooks';
import type { RubricFrame } from '../rubric/types';
import { getCell } from '../rubric/scorecard';
import { ranking } from '../rubric/scoring';
import { $card, $shared, closeShared, replaceWithShared } from './store';
import { leaveShareLink } from './share-link';
import { Heatmap } from './Heatmap';
import { CompareTable } from './CompareTable';

export { openSharedFromLocation } from './share-link';

export function SharedPanel({ frame }: { frame: RubricFrame }) {
  const shared = useStore($shared);
  const mine = useStore($card);
  const [comparing, setComparing] = useState(false);
  if (shared === null) return null;
  return (
    <section class="shared card" aria-labelledby="shared-title">
      <h2 id="shared-title">A shared scorecard</h2>
      <p>
        You opened a link with someone's scores. It is shown read-only; your own scores are unchanged unless
        you choose to replace them.
        {shared.unknown.length > 0 &&
          ` The link also scores ${shared.unknown.join(', ')}, which this site does not list; those were left out.`}
      </p>
      <Heatmap
        frame={frame}
        ranked={ranking(shared.card, frame)}
        level={(lab, analogy) => getCell(shared.card, lab, analogy).level}
        caption="The shared scores (read-only)"
      />
      <p class="actions">
        <button type="button" aria-pressed={comparing} onClick={() => setComparing(!comparing)}>
          Compare with mine
        </button>
        <button
          type="button"
          onClick={() => {
            replaceWithShared();
            leaveShareLink();
          }}
        >
          Replace mine
        </button>
        <button
          type="button"
          onClick={() => {
            closeShared();
            leaveShareLink();
          }}
        >
          Close shared scorecard
        </button>
      </p>
      {comparing && <CompareTable frame={frame} theirs={shared.card} mine={mine} />}
    </section>
  );
}
