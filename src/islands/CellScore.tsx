import { useStore } from './use-store';
import { StorageNotice } from './StorageNotice';
import type { RubricItem } from '../rubric/types';
import { getCell } from '../rubric/scorecard';
import { $card, useScorecardStore, scoreCell } from './store';
import { LevelSelect } from './LevelSelect';
import { CellDetails } from './CellDetails';

interface Props {
  lab: RubricItem;
  analogy: RubricItem;
}

/** One lab on one analogy: the reader's level, how sure they are, and a note. */
export default function CellScore({ lab, analogy }: Props) {
  useScorecardStore();
  const card = useStore($card);
  const cell = getCell(card, lab.id, analogy.id);
  return (
    <div class="cell-score">
      <StorageNotice />
      <LevelSelect
        lab={lab}
        analogy={analogy}
        level={cell.level}
        onChange={(level) => scoreCell(lab.id, analogy.id, level)}
      />
      <CellDetails lab={lab} analogy={analogy} cell={cell} />
    </div>
  );
}
