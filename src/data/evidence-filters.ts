/**
 * The filters on /evidence/ as its script sees them in the browser: their names, how a filtered
 * view is written in the URL query, and the search. Which items each filter keeps is in
 * evidence-filter-rules.ts, used at build time only, so that the script stays small.
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

/** A lab pressing a government or its rules, which a search for lobbying finds (see BROADER). */
const PRESSING_GOVERNMENT =
  /(?<![\p{L}\p{N}])(?:ask|urg|warn|press(?:ed|ing)|oppos|testif|letter|call(?:ed|ing)? (?:for|on|to))\p{L}*[^.;]{0,100}?(?<![\p{L}\p{N}])(?:congress|senat|governor|white house|government|lawmaker|legislat|federal|state (?:ai )?law|rules?(?![\p{L}])|bill(?![\p{L}])|regulat|ai act|code of practice|moratori|preempt)/u;

/** Political giving, which the items say as "gave $20 million", "a gift" or "donated". */
const GIVING = [
  'donat',
  'donor',
  'gift',
  { word: 'gave', found: /(?<![\p{L}\p{N}])gave (?:\$|us\$|usd )/u },
  { word: 'contribut', found: /(?<![\p{L}\p{N}])contribut\p{L}* (?:\$|us\$|usd )/u },
] as const;

/**
 * Words a reader may search for that the items say differently: political giving ("donation",
 * where an item says "gave $20 million" or "gift"), military work, dismissals, and British and
 * American spellings (the site writes "defence" and "favour"). A search word in a group also finds
 * every other word of it. An entry is the start of the words it stands for ("donat" is "donation"
 * and "donated"); a short entry must be the whole word, so that "gave" is not "gavel" nor "pac"
 * "package". A pattern finds a word only in the sense that belongs to the group: "gave" only when
 * money follows ("gave $25 million"), not in "gave no details".
 */
const SYNONYMS: readonly (readonly (string | { readonly word: string; readonly found: RegExp })[])[] = [
  GIVING,
  ['spend', 'spent'],
  ['lawsuit', 'sued', 'suing', 'litigat'],
  ['military', 'pentagon', 'defens', 'defenc'],
  ['fired', 'dismiss', 'oust', 'sack'],
  ['pac', 'political action'],
  // Overriding the states' AI laws: the items call the 2025 moratorium "a ban on state AI laws".
  ['moratori', 'preempt', 'ban on state'],
  // "Political" money: the election spending the items name by its vehicle.
  ['politic', 'super pac', 'super-pac'],
  ['inaugura'],
  ['favour', 'favor'],
  ['licenc', 'licens'],
  ['organis', 'organiz'],
  ['behaviour', 'behavior'],
  ['capex', 'capital expenditure', 'capital spending'],
  // People the items mostly name by surname: "Elon Musk" also finds "Musk".
  ['elon', 'musk'],
  ['sam', 'altman'],
  ['dario', 'amodei'],
  ['sundar', 'pichai'],
  ['satya', 'nadella'],
  ['demis', 'hassabis'],
];
/**
 * Words that stand for more than their group, one way only: "political" also finds the gifts to
 * the President's inauguration and ballroom, which the items never call political, but a search
 * for "inauguration" is not widened to every super PAC.
 */
const BROADER: readonly (readonly [string, readonly Synonym[]])[] = [
  // Lobbying is political spending too, as the hint on /evidence/ groups them.
  ['politic', ['inaugura', 'ballroom', 'lobby', 'lobbi']],
  // "Regulation" is what the items name law by law, rule by rule and code by code.
  ['regulat', ['law', 'rule', 'act', 'bill', 'code of practice', 'statute', 'oversight']],
  // "Legislation" is what the items name bill by bill and law by law.
  ['legislat', ['bill', 'law', 'act', 'statute']],
  // Lobbying, as readers mean it, is also a lab pressing lawmakers or officials in its own name: a
  // submission that "asked that federal policy preempt" state rules, a letter that "asked Governor
  // Newsom". Such a verb counts only with a government or its rules soon after it, in the same
  // sentence, so that staff who "asked Sundar Pichai" are not lobbying. Readers looking for a lab's
  // lobbying also expect the super PACs it funds to fight rules.
  ['lobb', [{ word: 'urged', found: PRESSING_GOVERNMENT }, 'super pac', 'super-pac']],
  // Money spent is often money "paid", "invested" or given: $45 million paid into a super PAC.
  ...(['spend', 'spent'] as const).map((start) => [start, ['paid', 'pay', 'invest', ...GIVING]] as const),
];
const SHORT_ENTRY = 5;
/**
 * Short words found only whole (with a plural or past ending), as the short synonyms are: a bill
 * is not a billion, an act not an action, nor a PAC a pact.
 */
const WHOLE_WORDS = new Set(['bill', 'act', 'law', 'ban', 'pac']);

type Synonym = (typeof SYNONYMS)[number][number];
const wordOf = (entry: Synonym) => (typeof entry === 'string' ? entry : entry.word);

/** The other words a search word stands for. */
function alternativesFor(word: string, stem: string): readonly Synonym[] {
  const inGroup = (entry: Synonym) => {
    const start = wordOf(entry);
    return start.length < SHORT_ENTRY ? word === start || stem === start : word.startsWith(start);
  };
  return [
    ...SYNONYMS.filter((group) => group.some(inGroup)).flat(),
    ...BROADER.filter(([start]) => word.startsWith(start)).flatMap(([, narrower]) => narrower),
  ];
}

/** Whether a text holds a synonym: by its pattern, whole when short, or at the start of a word. */
function holdsSynonym(text: string, entry: Synonym): boolean {
  if (typeof entry !== 'string') return entry.found.test(text);
  return entry.length < SHORT_ENTRY ? holdsWord(text, entry) : startsAWord(text, entry);
}

/**
 * What the search reads of an item: all of its words (`all`), and the part that says whom it is
 * about (`about`: the names of the labs it counts for or names, and its summary). A lab's name in a
 * search is looked for in the latter only, by any of the lab's names, so that "Google lobbying" finds
 * what the items say of Google or Alphabet, and not an OpenAI item whose note mentions a Google Doc.
 */
export interface SearchText {
  readonly all: string;
  readonly about: string;
}
/** Every lab's names in lower case, by lab id: "google-deepmind": ["google deepmind", "google", "alphabet", "deepmind"]. */
export type LabNames = Readonly<Record<string, readonly string[]>>;

/** Whether a search word is a word of one of a lab's names ("Alphabet's" is Alphabet's). */
const isNameOf = (names: readonly string[], word: string) =>
  names.some((name) => name.split(' ').includes(word.replace(/['’]s?$/, '')));

/** The lab a search names, by any of its names, if it names one. */
export function labNamedIn(search: string, labNames: LabNames): string | undefined {
  const words = normalised(search).split(/[\s\-‐–—"“”]+/);
  return Object.keys(labNames).find((lab) => words.some((word) => isNameOf(labNames[lab]!, word)));
}

/**
 * Whether a text holds every word of a search, in any order and case ("openai lobbying"), each at
 * the start of a word of the text: "PAC" finds "PACs" but not "impact". A word's common English
 * ending is dropped first, so that "lobbying" also finds "lobbied" and "lobbyist", "policy" finds
 * "policies", and a short plural such as "PACs" finds "PAC". A word also finds its synonyms (see
 * SYNONYMS), and a hyphen separates words, so that "super-PAC" finds "super PAC" and the reverse. A
 * phrase in quotes is found only as written. A word of a lab's name (see SearchText) is found
 * whole, by any of that lab's names.
 */
export function matchesWords(text: string | SearchText, search: string, labNames: LabNames = {}): boolean {
  const haystack = normalised(typeof text === 'string' ? text : text.all);
  const about = typeof text === 'string' ? haystack : normalised(text.about);
  // A bill's number is a phrase however it is typed: "SB53" is "SB 53", and not "SB 531".
  const query = normalised(search).replace(/(?<![\p{L}\p{N}])(sb|ab|hb)[\s-]?(\d+)/gu, '"$1 $2"');
  // A phrase in quotes must appear as written ("Leading the Future"), whole words from first to last.
  const phrases = [...query.matchAll(/["“”]([^"“”]+)["“”]/g)].map((m) => m[1]!.trim().replace(/\s+/g, ' '));
  const words = query.replace(/["“”][^"“”]*["“”]/g, ' ');
  return (
    phrases.every((phrase) => phrase === '' || holdsWord(haystack, escaped(phrase))) &&
    words
      .split(/[\s\-‐–—"“”]+/)
      .filter(Boolean)
      .every((word) => {
        const lab = Object.values(labNames).find((names) => isNameOf(names, word));
        if (lab) return lab.some((name) => holdsWord(about, escaped(name)));
        const stemmed = word.replace(/(yists?|ying|ied|ies|ing|ed|es|s|y)$/, '');
        const stem =
          stemmed.length >= 4 ? stemmed : word.length >= 4 && word.endsWith('s') ? word.slice(0, -1) : word;
        return (
          (WHOLE_WORDS.has(stem) ? holdsWord(haystack, stem) : startsAWord(haystack, stem)) ||
          alternativesFor(word, stem).some((entry) => holdsSynonym(haystack, entry))
        );
      })
  );
}

/** Whether a text holds a word whole, or with a plural or past ending: "gift", "gifts" and "gifted", not "giftware". */
function holdsWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${word}(?:s|es|ed)?(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** Lower case, one space between words, and a prefix's hyphen dropped, so that "pre-emption" is "preemption". */
const normalised = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(?<![\p{L}\p{N}])(pre|non|co|re)-(?=\p{L})/gu, '$1');

const escaped = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
