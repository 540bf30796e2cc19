/**
 * The filters on /evidence/: which items match, how a filtered view is written in the URL
 * query, and the CSS that applies the filters without JavaScript. Plain TypeScript, shared by
 * the page (at build time), its small script (in the browser) and the unit tests.
 */

/** The four choice filters, in the order the page shows them and the URL query writes them. */
export const FILTER_NAMES = ['lab', 'analogy', 'direction', 'year'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
/**
 * A value per filter; "" (or absent) means "any". `from` is a year too: that year and every
 * later one ("since 2025"), written `?from=` so that old `?year=` links keep meaning one year.
 * `q` is the words typed in the search box.
 */
export type Filters = Partial<Record<FilterName | 'from' | 'q', string>>;
/** Every parameter the page writes in its URL query, in order. */
const QUERY_NAMES = ['lab', 'analogy', 'direction', 'year', 'from', 'q'] as const;
/** The id of the "and later years" box that turns a chosen year into `from`. */
export const LATER_ID = 'filter-year-later';

/** What the filters read from an item. */
export interface FilterableItem {
  readonly date: string;
  readonly labs: readonly string[];
  readonly bears: readonly { readonly analogy: string; readonly direction: 'supports' | 'weakens' }[];
}

/**
 * Whether an item matches every filter set. Direction goes with the analogy when one is
 * chosen: "Opacity, weakens" means the item weakens the opacity analogy, not that it
 * weakens some other analogy while also touching opacity.
 */
export function matchesFilters(item: FilterableItem, filters: Filters, text = ''): boolean {
  const { lab, analogy, direction, year, from, q } = filters;
  if (lab && !item.labs.includes(lab)) return false;
  if (year && item.date.slice(0, 4) !== year) return false;
  if (from && item.date.slice(0, 4) < from) return false;
  if (q && !matchesWords(text, q)) return false;
  const bearings = analogy ? item.bears.filter((b) => b.analogy === analogy) : item.bears;
  if (bearings.length === 0) return false;
  return !direction || bearings.some((b) => b.direction === direction);
}

/**
 * Words a reader may search for that the items say differently: political giving ("donation",
 * where an item says "gave" or "gift"), military work, dismissals, and British and American
 * spellings (the site writes "defence" and "favour"). A search word in a group also finds every
 * other word of it. Each entry is the start of the words it stands for ("contribut" is
 * "contribution" and "contributed"); a short entry must be the whole word, so that "gave" does not
 * take in "gavel" nor "pac" "package".
 */
const SYNONYMS: readonly (readonly string[])[] = [
  ['donat', 'donor', 'gave', 'gift', 'contribut'],
  ['spend', 'spent'],
  ['lawsuit', 'sued', 'suing', 'litigat'],
  ['military', 'pentagon', 'defens', 'defenc'],
  ['fired', 'dismiss', 'oust', 'sack'],
  ['pac', 'political action'],
  ['favour', 'favor'],
  ['licenc', 'licens'],
  ['organis', 'organiz'],
  ['behaviour', 'behavior'],
];
const SHORT_ENTRY = 5;

/** The other words a search word stands for, by the start each is matched with. */
function alternativesFor(word: string, stem: string): readonly string[] {
  const inGroup = (entry: string) =>
    entry.length < SHORT_ENTRY ? word === entry || stem === entry : word.startsWith(entry);
  return SYNONYMS.filter((group) => group.some(inGroup)).flat();
}

/**
 * Whether a text holds every word of a search, in any order and case ("openai lobbying"), each at
 * the start of a word of the text: "PAC" finds "PACs" but not "impact". A word's common English
 * ending is dropped first, so that "lobbying" also finds "lobbied" and "lobbyist", "policy" finds
 * "policies", and a short plural such as "PACs" finds "PAC". A word also finds its synonyms (see
 * SYNONYMS), and a hyphen separates words, so that "super-PAC" finds "super PAC" and the reverse.
 */
export function matchesWords(text: string, search: string): boolean {
  const haystack = text.toLowerCase();
  return search
    .toLowerCase()
    .split(/[\s\-‐–—]+/)
    .filter(Boolean)
    .every((word) => {
      const stemmed = word.replace(/(ying|ied|ies|ing|ed|es|s|y)$/, '');
      const stem =
        stemmed.length >= 4 ? stemmed : word.length >= 4 && word.endsWith('s') ? word.slice(0, -1) : word;
      return (
        startsAWord(haystack, stem) ||
        alternativesFor(word, stem).some((entry) =>
          entry.length < SHORT_ENTRY ? holdsWord(haystack, entry) : startsAWord(haystack, entry),
        )
      );
    });
}

/** Whether a text holds a word whole, or with a plural or past ending: "gift" and "gifts", not "gifted". */
function holdsWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?:s|es|ed)?(?![\\p{L}\\p{N}])`, 'u').test(text);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
    if (at === 0 || !WORD_CHARACTER.test(text[at - 1]!)) return true;
  return false;
}

/** The filters a URL query asks for, keeping only values the page offers. */
export function filtersFromQuery(
  search: string,
  offered: Readonly<Record<FilterName, readonly string[]>>,
): Filters {
  const query = new URLSearchParams(search);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = query.get(name);
    if (value && offered[name].includes(value)) filters[name] = value;
  }
  const from = query.get('from');
  if (from && offered.year.includes(from)) filters.from = from;
  const q = query.get('q')?.trim().slice(0, 200);
  if (q) filters.q = q;
  return filters;
}

/** The URL query for a set of filters ("" when none is set), other parameters kept. */
export function queryFromFilters(filters: Filters, search = ''): string {
  const query = new URLSearchParams(search);
  for (const name of QUERY_NAMES) {
    const value = filters[name]?.trim();
    if (value) query.set(name, value);
    else query.delete(name);
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** The id of the radio button for one filter value ("" is "any"). */
export const optionId = (name: FilterName, value: string) => `filter-${name}-${value || 'any'}`;

/** The data attributes an item's list entry carries for the CSS filters. */
export function filterAttributes(item: FilterableItem): Record<string, string> {
  return {
    'data-labs': item.labs.join(' '),
    'data-year': item.date.slice(0, 4),
    'data-analogies': item.bears.map((b) => b.analogy).join(' '),
    'data-directions': [...new Set(item.bears.map((b) => b.direction))].join(' '),
    'data-bears': item.bears.map((b) => `${b.analogy}:${b.direction}`).join(' '),
  };
}

/**
 * CSS that hides the entries a checked filter excludes, so that the filters work without
 * JavaScript (`:has()` reads the radio buttons). It says the same as matchesFilters; the
 * browser tests hold the two together (tests/e2e/evidence.spec.ts).
 */
export function filterCss(
  scope: string,
  entry: string,
  offered: Readonly<Record<FilterName, readonly string[]>>,
  declaration = 'display: none;',
): string {
  const when = (...pairs: [FilterName, string][]) =>
    `${scope}${pairs.map(([name, value]) => `:has(#${optionId(name, value)}:checked)`).join('')}`;
  const hide = (selector: string, attribute: string, token: string) =>
    `${selector} ${entry}:not([${attribute}~="${token}"])`;
  const rules = [
    ...offered.lab.map((lab) => hide(when(['lab', lab]), 'data-labs', lab)),
    ...offered.year.map((year) =>
      hide(`${when(['year', year])}:not(:has(#${LATER_ID}:checked))`, 'data-year', year),
    ),
    // "This year and later" hides the items of every earlier year.
    ...offered.year.flatMap((from) =>
      offered.year
        .filter((year) => year < from)
        .map((year) => `${when(['year', from])}:has(#${LATER_ID}:checked) ${entry}[data-year="${year}"]`),
    ),
    ...offered.analogy.map((analogy) => hide(when(['analogy', analogy]), 'data-analogies', analogy)),
    ...offered.direction.map((direction) =>
      hide(when(['analogy', ''], ['direction', direction]), 'data-directions', direction),
    ),
    ...offered.analogy.flatMap((analogy) =>
      offered.direction.map((direction) =>
        hide(when(['analogy', analogy], ['direction', direction]), 'data-bears', `${analogy}:${direction}`),
      ),
    ),
  ];
  return `${rules.join(',\n')} {\n  ${declaration}\n}\n`;
}
