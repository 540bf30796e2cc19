const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-01-10" as "10 January 2024", "2024-01" as "January 2024": as precise as the record, no more. */
export function formatDate(date: string | Date): string {
  const iso = typeof date === 'string' ? date : date.toISOString().slice(0, 10);
  const [year, month, day] = iso.split('-');
  const monthName = MONTHS[Number(month) - 1] ?? '';
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** A summary cut to at most `max` characters at a word's end, marked as cut: for links and tooltips. */
export function shortened(text: string, max = 90): string {
  return text.length > max ? `${text.slice(0, max - 2).replace(/\s+\S*$/, '')}…` : text;
}

/**
 * How an item's sources were read, in the same words wherever the item is shown in full. A checked
 * item's note is shown too: it says how the source was read (a verbatim copy, say), which a reader
 * weighing the item needs as much as the caveats of an unchecked one.
 */
export function checkStatement({
  checked,
  checkNote,
}: {
  checked: boolean;
  checkNote?: string | undefined;
}): string {
  if (!checked) return `Not checked by us: ${checkNote}`;
  return ['Checked: we read its sources.', checkNote].filter(Boolean).join(' ');
}

/**
 * An evidence id as written in running text, such as a note's "see anthropic-lobbying-2025": words
 * joined by hyphens, ending in a year. Every id ends in one (the integrity check says so), and no prose word does.
 */
const ITEM_ID_IN_TEXT = /(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)*-(?:19|20)\d\d(?![\w-])/g;

/** A text cut at each evidence id it names, so that a page can link the ids and a search can pass over them. */
export function splitItemIds(text: string): (string | { id: string })[] {
  const parts: (string | { id: string })[] = [];
  let from = 0;
  for (const match of text.matchAll(ITEM_ID_IN_TEXT)) {
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push({ id: match[0] });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
