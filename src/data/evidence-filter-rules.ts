/**
 * Which items the filters on /evidence/ keep: in TypeScript (matchesFilters, which the tests
 * use) and as the CSS the page applies with or without JavaScript (filterCss), from the data
 * attributes each entry carries (filterAttributes). Used at build time only: the page's script
 * never needs it, nor the scoring code it reads.
 */
import { cellBearings, type EvidenceRef } from '../rubric/scoring';
import {
  LATER_ID,
  matchesWords,
  optionId,
  type FilterName,
  type Filters,
  type LabNames,
  type SearchText,
} from './evidence-filters';

/** What the filters read from an item. */
export interface FilterableItem extends EvidenceRef {
  readonly date: string;
  /** The year whose totals the item reports, when that is not its date's year. */
  readonly covers?: number | undefined;
  readonly mentions?: readonly string[] | undefined;
}

/**
 * The years a chosen Year finds the item under: its date's, and the year whose totals it reports
 * (2025's lobbying, reported in January 2026, is found under 2025 and 2026). The date's comes
 * first and is the latest, which is the one "and later years" compares.
 */
export const yearsOf = (item: Pick<FilterableItem, 'date' | 'covers'>) => [
  item.date.slice(0, 4),
  ...(item.covers === undefined ? [] : [String(item.covers)]),
];

/** The names the search knows each lab by (see SearchText): its own, then those it is also called. */
export const labNamesOf = (
  labs: readonly {
    readonly id: string;
    readonly name: string;
    readonly alsoCalled?: readonly string[] | undefined;
  }[],
): LabNames =>
  Object.fromEntries(
    labs.map(({ id, name, alsoCalled = [] }) => [id, [name, ...alsoCalled].map((n) => n.toLowerCase())]),
  );

/**
 * Whether an item matches every filter set. With a lab chosen, the analogy and direction are the
 * ones the item bears on for that lab: an item that weakens one analogy for OpenAI only is not
 * shown as weakening it for Microsoft. Direction goes with the analogy when one is chosen:
 * "Opacity, weakens" means the item weakens the opacity analogy, not that it weakens some other
 * analogy while also touching opacity. An item that only mentions the lab (see the schema's
 * `mentions`) is found under it, and under an analogy it bears on, but never in a direction.
 */
export function matchesFilters(
  item: FilterableItem,
  filters: Filters,
  text: string | SearchText = '',
  labNames: LabNames = {},
): boolean {
  const { lab, analogy, direction, year, from, q } = filters;
  if (year && !yearsOf(item).includes(year)) return false;
  if (from && item.date.slice(0, 4) < from) return false;
  if (q && !matchesWords(text, q, labNames)) return false;
  if (lab) {
    if (item.mentions?.includes(lab))
      return !direction && (!analogy || item.bears.some((b) => b.analogy === analogy));
    if (!item.labs.includes(lab)) return false;
  }
  const bearings = (lab ? cellBearings(item).filter((b) => b.lab === lab) : item.bears).filter(
    (b) => !analogy || b.analogy === analogy,
  );
  if (bearings.length === 0) return false;
  return !direction || bearings.some((b) => b.direction === direction);
}

/**
 * The data attributes an item's list entry carries for the CSS filters. `data-cells` holds what
 * the item says of each lab, for the filters with a lab chosen: "lab:analogy", "lab:direction" and
 * "lab:analogy:direction" for each cell it bears on, and "lab:analogy" alone for a lab it only
 * mentions, which no direction filter finds.
 */
export function filterAttributes(item: FilterableItem): Record<string, string> {
  const cells = cellBearings(item).flatMap(({ lab, analogy, direction }) => [
    `${lab}:${analogy}`,
    `${lab}:${direction}`,
    `${lab}:${analogy}:${direction}`,
  ]);
  const mentioned = (item.mentions ?? []).flatMap((lab) => item.bears.map((b) => `${lab}:${b.analogy}`));
  return {
    'data-labs': [...item.labs, ...(item.mentions ?? [])].join(' '),
    'data-year': yearsOf(item).join(' '),
    'data-analogies': item.bears.map((b) => b.analogy).join(' '),
    'data-directions': [...new Set(item.bears.map((b) => b.direction))].join(' '),
    'data-bears': item.bears.map((b) => `${b.analogy}:${b.direction}`).join(' '),
    'data-cells': [...new Set([...cells, ...mentioned])].join(' '),
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
    // "This year and later" hides the items dated in every earlier year (the date's year leads).
    ...offered.year.flatMap((from) =>
      offered.year
        .filter((year) => year < from)
        .map((year) => `${when(['year', from])}:has(#${LATER_ID}:checked) ${entry}[data-year^="${year}"]`),
    ),
    // With no lab chosen, what the item bears on for any of its labs.
    ...offered.analogy.map((analogy) =>
      hide(when(['lab', ''], ['analogy', analogy]), 'data-analogies', analogy),
    ),
    ...offered.direction.map((direction) =>
      hide(when(['lab', ''], ['analogy', ''], ['direction', direction]), 'data-directions', direction),
    ),
    ...offered.analogy.flatMap((analogy) =>
      offered.direction.map((direction) =>
        hide(
          when(['lab', ''], ['analogy', analogy], ['direction', direction]),
          'data-bears',
          `${analogy}:${direction}`,
        ),
      ),
    ),
    // With a lab chosen, what it bears on for that lab.
    ...offered.lab.flatMap((lab) => [
      ...offered.analogy.map((analogy) =>
        hide(when(['lab', lab], ['analogy', analogy], ['direction', '']), 'data-cells', `${lab}:${analogy}`),
      ),
      ...offered.direction.map((direction) =>
        hide(
          when(['lab', lab], ['analogy', ''], ['direction', direction]),
          'data-cells',
          `${lab}:${direction}`,
        ),
      ),
      ...offered.analogy.flatMap((analogy) =>
        offered.direction.map((direction) =>
          hide(
            when(['lab', lab], ['analogy', analogy], ['direction', direction]),
            'data-cells',
            `${lab}:${analogy}:${direction}`,
          ),
        ),
      ),
    ]),
  ];
  return `${rules.join(',\n')} {\n  ${declaration}\n}\n`;
}
