import { useStore } from './use-store';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { SHARE_PARAM, type RubricFrame } from '../rubric/types';
import { countScored, fillUnscored, type Reading } from '../rubric/scorecard';
import { $card, replaceScores, useScorecardStore } from './store';
import { Feedback } from './Feedback';
import { StorageNotice } from './StorageNotice';
import { Matrix } from './Matrix';
import { ShareExport } from './ShareExport';

interface Props {
  frame: RubricFrame;
  /** The site's own reading, for readers who would rather start from it and adjust. */
  reading: Reading;
  /**
   * How the aggregate is computed, in words. Static text travels in the page's HTML as a prop
   * rather than in the island's code, which must stay within the page's JavaScript budget.
   */
  aggregateNote: string;
  /** What a share link carries and where it goes, in words; static text, as above. */
  shareNote: string;
  /** What "Start from the site's reading" does, in words; static text, as above. */
  startNote: string;
}

const isShareHash = () => window.location.hash.startsWith(`#${SHARE_PARAM}=`);

/** The reader's whole scorecard: the matrix, the ranking, and what to do with them. */
export default function Scorecard({ frame, reading, aggregateNote, shareNote, startNote }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const [Shared, setShared] = useState<FunctionComponent<{ frame: RubricFrame }> | null>(null);
  useEffect(() => {
    // The read-only view of a shared card is loaded only when the address holds one.
    const open = async (event?: Event) => {
      if (!isShareHash()) return;
      const module = await import('./SharedPanel');
      module.openSharedFromLocation(frame);
      setShared(() => module.SharedPanel);
      // A link arriving in a tab already scrolled down would open the panel far out of sight:
      // once it is drawn, take the reader to it.
      if (event) requestAnimationFrame(() => document.getElementById('shared-title')?.focus());
    };
    void open();
    // A share link pasted into this tab's address bar arrives as a hash change, not a new page.
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  const [Print, setPrint] = useState<FunctionComponent<{ frame: RubricFrame; address: string }> | null>(null);
  useEffect(() => {
    // What only paper shows (date, address, every note) loads after the island, not with it: the
    // page's JavaScript budget is for what a reader needs at once.
    void import('./PrintRecord').then((module) => setPrint(() => module.default));
  }, []);
  const [RankingView, setRanking] = useState<FunctionComponent<{
    frame: RubricFrame;
    card: typeof card;
    note: string;
  }> | null>(null);
  useEffect(() => {
    void import('./Ranking').then((module) => setRanking(() => module.Ranking));
  }, []);
  // The ranking follows an edit in the frame after the one that shows it: sorting, the sensitivity
  // sentences and the meters' layout would otherwise double what a phone does before the edited
  // cell shows (issue 9's budget is one frame). Until then it is the same element, which Preact skips.
  const [rankedCard, setRankedCard] = useState(card);
  useEffect(() => setRankedCard(card), [card]);
  const ranking = useMemo(
    () =>
      RankingView ? (
        <RankingView frame={frame} card={rankedCard} note={aggregateNote} />
      ) : (
        <p class="meta">{aggregateNote}</p>
      ),
    [RankingView, rankedCard],
  );
  const total = frame.labs.length * frame.analogies.length;
  const unscored = total - countScored(card, frame);

  return (
    <div class="scorecard">
      <StorageNotice />
      <Feedback at="shared" />
      {Shared && <Shared frame={frame} />}

      <h2 id="matrix">Your scores</h2>
      {unscored > 0 && (
        <div class="start-from no-print">
          <p>
            <button
              type="button"
              onClick={() =>
                replaceScores(
                  fillUnscored(card, reading, frame),
                  'Undo',
                  `The site’s reading now fills the ${unscored === total ? '' : `${unscored} `}cells you had not scored; change any you see differently.`,
                  'scores',
                )
              }
            >
              Start from the site’s reading
            </button>{' '}
            <span class="meta">{startNote}</span>
          </p>
        </div>
      )}
      <Feedback at="scores" />
      <Matrix frame={frame} card={card} />

      <h2 id="results">Ranking</h2>
      {ranking}

      <ShareExport frame={frame} card={card} note={shareNote} />
      {Print && <Print frame={frame} address={`${window.location.origin}${window.location.pathname}`} />}
    </div>
  );
}
