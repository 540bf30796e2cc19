/**
 * CSV as the site writes and reads it (scorecard export, panel export, /evidence.csv):
 * RFC 4180 with CRLF line ends, a byte order mark so that spreadsheet programs read UTF-8 as
 * UTF-8, and cells a spreadsheet would run as formulas neutralised with an apostrophe.
 */

/** The byte order mark the site's CSV files start with; imports skip it. */
export const BOM = '\uFEFF';

// OWASP's advice against CSV injection: a cell a spreadsheet would run as a formula gets
// a leading apostrophe. Cells that already begin with apostrophes before such a character
// get one more, so that removing exactly one on import gives back the original.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

function neutralise(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

export function restore(field: string): string {
  return NEUTRALISED.test(field) ? field.slice(1) : field;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * CSV text from rows of fields: RFC 4180 with CRLF line ends, a byte order mark so
 * spreadsheet programs read UTF-8 as UTF-8, and every field neutralised against formulas.
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((fields) => fields.map((field) => quote(neutralise(field))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export class CsvProblem extends Error {}

/** Rows of fields, a leading byte order mark skipped; accepts CRLF, LF or CR line ends and quoted fields spanning lines. */
export function parseCsv(csv: string): string[][] {
  const text = csv.startsWith(BOM) ? csv.slice(1) : csv;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const char = text.charAt(index);
    index += 1;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text.charAt(index) === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text.charAt(index) === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (quoted) throw new CsvProblem('A quoted field is never closed, so the file seems to be cut off.');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((fields) => fields.length > 1 || fields[0] !== '');
}

/** A data row of a CSV whose header is `H`: one string per column, in the header's order. */
export type CsvRecord<H extends readonly string[]> = { -readonly [K in keyof H]: string };

/**
 * The rows after the header as records of the header's width, each field restored; a row of
 * another width throws what `wrongWidth` makes of its line number (the header is line 1) and width.
 */
export function csvRecords<const H extends readonly string[]>(
  rows: readonly (readonly string[])[],
  header: H,
  wrongWidth: (rowNumber: number, width: number) => Error,
): { rowNumber: number; fields: CsvRecord<H> }[] {
  return rows.map((row, index) => {
    if (row.length !== header.length) throw wrongWidth(index + 2, row.length);
    return { rowNumber: index + 2, fields: row.map(restore) as CsvRecord<H> };
  });
}
