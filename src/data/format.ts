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
