/** The panel as one CSV file: one row per rater, lab and analogy, safe to open in a spreadsheet. */
import { csvText } from './csv';
import { getCell, weightOf } from './scorecard';
import type { Rater } from './panel';
import type { RubricFrame } from './types';

export const PANEL_CSV_HEADER = ['rater', 'lab', 'analogy', 'level', 'weight', 'confidence'] as const;

/** Every rater x lab x analogy, unscored cells included (with an empty level), in frame order. */
export function panelCsv(raters: readonly Rater[], frame: RubricFrame): string {
  const rows: string[][] = [[...PANEL_CSV_HEADER]];
  for (const rater of raters) {
    for (const lab of frame.labs) {
      for (const analogy of frame.analogies) {
        const cell = getCell(rater.card, lab.id, analogy.id);
        rows.push([
          rater.name,
          lab.id,
          analogy.id,
          cell.level === null ? '' : String(cell.level),
          String(weightOf(rater.card, analogy.id)),
          cell.confidence ?? '',
        ]);
      }
    }
  }
  return csvText(rows);
}
