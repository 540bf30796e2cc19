/** The panel as one CSV file: one row per rater, lab and analogy, safe to open in a spreadsheet. */
import { csvText } from './csv';
import { getCell, weightOf } from './scorecard';
import type { Rater } from './panel';
import type { RubricFrame } from './types';

/**
 * The six columns the panel promises, then the lab's and analogy's names as the pages show
 * them: slugs stay the ids to join on, names are what a spreadsheet reader recognises.
 */
export const PANEL_CSV_HEADER = [
  'rater',
  'lab',
  'analogy',
  'level',
  'weight',
  'confidence',
  'lab_name',
  'analogy_name',
] as const;

/**
 * Every rater x lab x analogy in frame order. An unscored cell keeps its row, so every rater
 * has the same rows, but its level and weight are both empty: a weight on a row without a
 * level would be summed or averaged as if that cell had been scored.
 */
export function panelCsv(raters: readonly Rater[], frame: RubricFrame): string {
  const rows: string[][] = [[...PANEL_CSV_HEADER]];
  for (const rater of raters) {
    for (const lab of frame.labs) {
      for (const analogy of frame.analogies) {
        const cell = getCell(rater.card, lab.id, analogy.id);
        const scored = cell.level !== null;
        rows.push([
          rater.name,
          lab.id,
          analogy.id,
          scored ? String(cell.level) : '',
          scored ? String(weightOf(rater.card, analogy.id)) : '',
          scored ? (cell.confidence ?? '') : '',
          lab.name,
          analogy.name,
        ]);
      }
    }
  }
  return csvText(rows);
}
