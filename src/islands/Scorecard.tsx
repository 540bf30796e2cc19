import { useStore } from './use-store';
import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import type { RubricFrame } from '../rubric/types';
import { countScored, fillUnscored, type Reading } from '../rubric/scorecard';
import { $card, replaceScores, useScorecardStore } from './store';
import { Feedback } from './Feedback';
import { StorageNotice } from './StorageNotice';
import { Matrix } from './Matrix';
import { Ranking } from './Ranking';
import { ShareExport } from './ShareExport';

interface Props {
  frame: RubricFrame;
  /** The site's own reading, for readers who would rather start from it and adjust. */
  reading: Reading;
}

const isShareHash = () => window.location.hash.startsWith('#share=');

/** The reader's whole scorecard: the matrix, the ranking, and what to do with them. */
export default function Scorecard({ frame, reading }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const [Shared, setShared] = useState<FunctionComponent<{ frame: RubricFrame }> | null>(null);
  useEffect(() => {
    // The read-only view of a shared card is loaded only when the address holds one.
    const open = async () => {
      if (!isShareHash()) return;
      const module = await import('./SharedPanel');
      module.openSharedFromLocation(frame);
      setShared(() => module.SharedPanel);
    };
    void open();
    // A share link pasted into this tab's address bar arrives as a hash change, not a new page.
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);
  const [Print, setPrint] = useState<FunctionComponent<{ frame: RubricFrame; address: string }> | null>(null);
  useEffect(() => {
    // What only paper shows (date, address, every note) loads once the page is idle: nobody prints
    // in the first moment, and the page's JavaScript budget is for what a reader needs at once.
    const load = () => void import('./PrintRecord').then((module) => setPrint(() => module.default));
    if ('requestIdleCallback' in window) requestIdleCallback(load);
    else setTimeout(load);
  }, []);
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
            <span class="meta">
              Fills every cell you have not scored with the site’s own level, for you to adjust. Your own
              scores stay.
            </span>
          </p>
        </div>
      )}
      <Feedback at="scores" />
      <Matrix frame={frame} card={card} />

      <h2 id="results">Ranking</h2>
      <Ranking frame={frame} card={card} />

      <ShareExport frame={frame} card={card} />
      {Print && <Print frame={frame} address={`${window.location.origin}${window.location.pathname}`} />}
    </div>
  );
}
