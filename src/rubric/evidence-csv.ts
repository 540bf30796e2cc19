/**
 * The evidence as CSV (/evidence.csv): one row per item, lab and analogy it bears on, for
 * spreadsheets and reuse, written and read by the site's CSV helpers (csv.ts).
 */
import { csvRecords, csvText, parseCsv } from './csv';
import { cellBearings, type EvidenceRef } from './scoring';

export const EVIDENCE_CSV_HEADER = [
  'id',
  'date',
  'lab',
  'analogy',
  'direction',
  'summary',
  'source_url',
  'checked',
  // Added after the first eight, so that a script reading those by position still reads them.
  'date_precision',
  'covers',
  'also_names',
] as const;

/**
 * How precise an item's date is: "2025-01" is January 2025, not its first day. A spreadsheet
 * reads "2025-01" as 1 January; this column says which dates are months.
 */
export function datePrecision(date: string): 'day' | 'month' | 'year' {
  return date.length >= 10 ? 'day' : date.length === 7 ? 'month' : 'year';
}

/** What the CSV holds of an item. */
export interface EvidenceCsvItem extends EvidenceRef {
  readonly id: string;
  readonly date: string;
  readonly summary: string;
  /** The first (most authoritative) source's address. */
  readonly sourceUrl: string;
  readonly checked: boolean;
  /** The year whose totals the item reports, when that is not its date's year. */
  readonly covers?: number;
  /** Labs the item names without counting for them. */
  readonly mentions?: readonly string[];
}

export function evidenceToCsv(items: readonly EvidenceCsvItem[]): string {
  return csvText([
    EVIDENCE_CSV_HEADER,
    ...items.flatMap((item) =>
      cellBearings(item).map(({ lab, analogy, direction }) => [
        item.id,
        item.date,
        lab,
        analogy,
        direction,
        item.summary,
        item.sourceUrl,
        String(item.checked),
        datePrecision(item.date),
        item.covers === undefined ? '' : String(item.covers),
        (item.mentions ?? []).join(' '),
      ]),
    ),
  ]);
}

/** An item's rows gathered: its labs in order of appearance, and the labs of each bearing. */
interface Grouped {
  readonly item: Omit<EvidenceCsvItem, 'labs' | 'bears'>;
  readonly labs: string[];
  readonly bears: Map<string, { direction: 'supports' | 'weakens'; labs: string[] }>;
}

/**
 * The items a CSV written by evidenceToCsv holds, in the order they first appear. A bearing
 * that concerns only some of an item's labs gets its own `labs`, as in the content files.
 */
export function evidenceFromCsv(text: string): EvidenceCsvItem[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.join(',') !== EVIDENCE_CSV_HEADER.join(',')) {
    throw new Error(`not an evidence CSV: the first line should be ${EVIDENCE_CSV_HEADER.join(',')}`);
  }
  const byId = new Map<string, Grouped>();
  const records = csvRecords(
    rows,
    EVIDENCE_CSV_HEADER,
    (rowNumber, width) => new Error(`row ${rowNumber} has ${width} fields`),
  );
  for (const { rowNumber, fields } of records) {
    const [id, date, lab, analogy, direction, summary, sourceUrl, checked, precision, covers, alsoNames] =
      fields;
    if (direction !== 'supports' && direction !== 'weakens')
      throw new Error(`row ${rowNumber}: direction "${direction}"`);
    if (precision !== datePrecision(date))
      throw new Error(`row ${rowNumber}: date ${date} is not to the ${precision}`);
    const entry: Grouped = byId.get(id) ?? {
      item: {
        id,
        date,
        summary,
        sourceUrl,
        checked: checked === 'true',
        ...(covers ? { covers: Number(covers) } : {}),
        ...(alsoNames ? { mentions: alsoNames.split(' ') } : {}),
      },
      labs: [],
      bears: new Map(),
    };
    byId.set(id, entry);
    if (!entry.labs.includes(lab)) entry.labs.push(lab);
    const bearing = entry.bears.get(analogy) ?? { direction, labs: [] as string[] };
    entry.bears.set(analogy, bearing);
    bearing.labs.push(lab);
  }
  return [...byId.values()].map(({ item, labs, bears }) => ({
    ...item,
    labs,
    bears: [...bears].map(([analogy, b]) =>
      b.labs.length === labs.length
        ? { analogy, direction: b.direction }
        : { analogy, direction: b.direction, labs: b.labs },
    ),
  }));
}
