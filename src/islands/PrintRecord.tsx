import { useEffect, useState } from 'preact/hooks';
import { useStore } from './use-store';
import type { RubricFrame } from '../rubric/types';
import { getCell } from '../rubric/scorecard';
import { $card, useScorecardStore } from './store';
import { LEVEL_LABELS } from './labels';
import { formatDate } from '../data/format';

interface Props {
  frame: RubricFrame;
  /** The page's public address, printed so that a paper copy says where it came from. */
  address: string;
}

/**
 * What only the printed scorecard shows: when and where it was printed, and every cell's
 * confidence and note, which the matrix keeps folded on screen. Hidden on screen.
 */
export default function PrintRecord({ frame, address }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const [today, setToday] = useState<string | null>(null);
  useEffect(() => {
    // The day of printing, not of the build: set in the browser, and again should the page stay open past midnight.
    const stamp = () => setToday(formatDate(new Date()));
    stamp();
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  const annotated = frame.labs.flatMap((lab) =>
    frame.analogies
      .map((analogy) => ({ lab, analogy, cell: getCell(card, lab.id, analogy.id) }))
      .filter(({ cell }) => cell.note !== undefined || cell.confidence !== undefined),
  );
  return (
    <div class="print-record">
      <p>
        Printed{today !== null && ` on ${today}`} from {address}
      </p>
      <h2>Confidence and notes</h2>
      {annotated.length === 0 ? (
        <p>No cell has a confidence or a note.</p>
      ) : (
        <ul>
          {annotated.map(({ lab, analogy, cell }) => (
            <li>
              <strong>
                {lab.name}, {analogy.name}
              </strong>
              : {cell.level === null ? 'unscored' : `${cell.level} ${LEVEL_LABELS[cell.level]}`}
              {cell.confidence !== undefined && `, ${cell.confidence} confidence`}
              {cell.note !== undefined && cell.note !== '' && `. ${cell.note}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
