import { LEVELS, choiceOf, type Level, type RubricItem } from '../rubric/types';
import { LEVEL_LABELS } from './labels';
import { useInputBeforeHydration } from './use-store';

interface Props {
  lab: RubricItem;
  analogy: RubricItem;
  level: Level | null;
  onChange: (level: Level | null) => void;
  /** Hide the visible label where a table header already shows it. */
  compact?: boolean;
}

/** The one control every view uses to score a cell; its accessible name is part of the site's contract. */
export function LevelSelect({ lab, analogy, level, onChange, compact = false }: Props) {
  const name = `${analogy.name} score for ${lab.name}`;
  const toLevel = (value: string) => choiceOf(LEVELS, value) ?? null;
  const shown = level === null ? '' : String(level);
  const ref = useInputBeforeHydration<HTMLSelectElement>(shown, (value) => onChange(toLevel(value)));
  const select = (
    <select
      ref={ref}
      // The browser must not refill the control from its history: the saved card is the truth.
      autocomplete="off"
      aria-label={compact ? name : undefined}
      class={level === null ? 'level-select' : `level-select level-${level}`}
      value={shown}
      onChange={(e) => onChange(toLevel(e.currentTarget.value))}
    >
      {/* The server cannot know the reader's saved level: its HTML shows a neutral "…" until the island
          hydrates (Preact patches the text then), so a scored cell scrolled to early never reads as unscored. */}
      <option value="">{import.meta.env.SSR ? '…' : 'Unscored'}</option>
      {LEVELS.map((l) => (
        <option value={String(l)}>{`${l} - ${LEVEL_LABELS[l]}`}</option>
      ))}
    </select>
  );
  return compact ? (
    select
  ) : (
    <label class="level-label">
      <span>{name}</span>
      {select}
    </label>
  );
}
