/**
 * The read-only view of a scorecard opened from a share link. Loaded only when the
 * address holds one, so ordinary visits to the scorecard do not download the decoder.
 */
import { useStore } from './use-store';
import { useState } from 'preact/hooks';
import type { RubricFrame } from '../rubric/types';
import { getCell, isEmpty, weightOf } from '../rubric/scorecard';
import { coverageRanking, inOrder } from '../rubric/coverage';
import { describeUnknownKeys } from '../rubric/share-decode';
import { $card, $shared, closeShared, replaceWithShared } from './store';
import { leaveShareLink } from './share-link';
import { Heatmap } from './Heatmap';
import { CompareTable } from './CompareTable';

export { openSharedFromLocation } from './share-link';

/**
 * Closing the panel (or replacing one's scores with it) removes the button that had the focus;
 * the focus would fall back to the start of the page. It goes on instead to the reader's own
 * scores, which take the panel's place, and where "Undo replace" follows.
 */
function focusOwnScores(): void {
  requestAnimationFrame(() => {
    const heading = document.getElementById('matrix');
    if (heading === null) return;
    heading.tabIndex = -1;
    heading.focus();
  });
}

export function SharedPanel({ frame }: { frame: RubricFrame }) {
  const shared = useStore($shared);
  const mine = useStore($card);
  const [comparing, setComparing] = useState(false);
  if (shared === null) return null;
  const empty = isEmpty(shared.card);
  const notes = frame.labs.flatMap((lab) =>
    frame.analogies.flatMap((analogy) => {
      const note = getCell(shared.card, lab.id, analogy.id).note;
      return note === undefined ? [] : [{ lab, analogy, note }];
    }),
  );
  return (
    <section class="shared card" aria-labelledby="shared-title">
      <h2 id="shared-title" tabindex={-1}>
        A shared scorecard
      </h2>
      <p>
        You opened a link with someone's scores. It is shown read-only; your own scores are unchanged unless
        you choose to replace them. {describeUnknownKeys(shared.unknown)}
      </p>
      {empty ? (
        <p>This link holds no scores.</p>
      ) : (
        <p class="shared-weights">
          <strong>Their weights:</strong>{' '}
          {frame.analogies.map((a) => `${a.name} × ${weightOf(shared.card, a.id)}`).join(', ')}. The
          aggregates below use these weights.
        </p>
      )}
      {/* What the reader can do comes first, with the comparison just below its button: on a phone
          their heatmap and notes run to several screens, and the buttons used to come after them. */}
      <p class="actions">
        {/* With no scores of one's own, a comparison would be a column of dashes. */}
        {!empty && !isEmpty(mine) && (
          <button type="button" aria-pressed={comparing} onClick={() => setComparing(!comparing)}>
            Compare with mine
          </button>
        )}
        {!empty && (
          <button
            type="button"
            onClick={() => {
              replaceWithShared();
              leaveShareLink();
              focusOwnScores();
            }}
          >
            {isEmpty(mine) ? 'Use these as my scores' : 'Replace mine'}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            closeShared();
            leaveShareLink();
            focusOwnScores();
          }}
        >
          Close shared scorecard
        </button>
      </p>
      {!empty && isEmpty(mine) && (
        <p class="meta">You have no scores of your own yet, so there is nothing to compare them with.</p>
      )}
      {comparing && !isEmpty(mine) && <CompareTable frame={frame} theirs={shared.card} mine={mine} />}
      {!empty && (
        <>
          <Heatmap
            frame={frame}
            ranked={inOrder(coverageRanking(shared.card, frame))}
            level={(lab, analogy) => getCell(shared.card, lab, analogy).level}
            caption="The shared scores (read-only), with each lab's aggregate under their weights"
            phoneCards
          />
          {notes.length > 0 && (
            <>
              <h3>Their notes</h3>
              <ul class="shared-notes">
                {notes.map(({ lab, analogy, note }) => (
                  <li>
                    <strong>
                      {lab.name}, {analogy.name}:
                    </strong>{' '}
                    {note}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
