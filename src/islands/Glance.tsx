import { useStore } from './use-store';
import { StorageNotice } from './StorageNotice';
import type { RubricFrame } from '../rubric/types';
import { countScored, getCell, weightOf } from '../rubric/scorecard';
import { coverageRanking, inOrder } from '../rubric/coverage';
import { $card, $ready, useScorecardStore } from './store';
import { Heatmap } from './Heatmap';

interface Props {
  frame: RubricFrame;
  /** Where the full scorecard lives, base path included. */
  scorecardHref: string;
}

/** The reader's scorecard in one look, linking to the full one. */
export default function Glance({ frame, scorecardHref }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const ready = useStore($ready);
  const scored = countScored(card, frame);
  const total = frame.labs.length * frame.analogies.length;
  return (
    // Until the saved card is read, the table's cells are hidden rather than shown as unscored.
    <div class="glance" aria-busy={!ready}>
      <StorageNotice />
      <p role="status">
        {!ready
          ? 'Loading your saved scores…'
          : scored === 0
            ? 'You have not scored any lab yet.'
            : `You have scored ${scored} of ${total} cells.`}{' '}
        <a href={scorecardHref}>{ready && scored === 0 ? 'Start scoring' : 'Open your scorecard'}</a>
      </p>
      <Heatmap
        frame={frame}
        ranked={inOrder(coverageRanking(card, frame))}
        level={(lab, analogy) => getCell(card, lab, analogy).level}
        caption={
          frame.analogies.some((a) => weightOf(card, a.id) === 0)
            ? 'Your scores at a glance (an analogy marked ×0 has weight 0 and does not count)'
            : 'Your scores at a glance'
        }
        weight={(analogy) => weightOf(card, analogy)}
        phoneCards
      />
    </div>
  );
}
