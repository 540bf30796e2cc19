import siteInfo from '../../content/site.json';

/** The site's name, as the header, titles, feeds, citations and preview images show it. */
export const SITE_NAME: string = siteInfo.name;

/** A site path with the configured base path in front, so the site works under a sub-path too. */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

const page = (path: string, hash?: string) => sitePath(hash === undefined ? path : `${path}#${hash}`);

/**
 * Every public address the pages link to, base path included: the one place that knows how a
 * URL is spelled (tests/build/frozen-urls.ts freezes them). `hash` is a fragment without "#".
 */
export const routes = {
  home: () => page('/'),
  essay: (hash?: string) => page('/essay/', hash),
  analogies: () => page('/analogies/'),
  analogy: (id: string, hash?: string) => page(`/analogies/${id}/`, hash),
  labs: () => page('/labs/'),
  lab: (id: string, hash?: string) => page(`/labs/${id}/`, hash),
  /** The evidence page, or one item's entry on it. */
  evidence: (id?: string) => page('/evidence/', id),
  /** The evidence page with its filters already set, e.g. `{ lab: 'openai' }` (names as in evidence-filters.ts). */
  evidenceFiltered: (filters: Record<string, string>) => page(`/evidence/?${new URLSearchParams(filters)}`),
  scorecard: (hash?: string) => page('/scorecard/', hash),
  panel: () => page('/panel/'),
  method: (hash?: string) => page('/method/', hash),
  changes: (hash?: string) => page('/changes/', hash),
  feed: () => page('/changes.xml'),
  rubricJson: () => page('/rubric.json'),
  rubricSchema: () => page('/rubric.schema.json'),
  evidenceCsv: () => page('/evidence.csv'),
  sitemap: () => page('/sitemap-index.xml'),
  favicon: () => page('/favicon.svg'),
  /** A page's preview image (Open Graph), drawn by src/pages/og/[image].png.ts. */
  ogImage: (name: string) => page(`/og/${name}.png`),
};

/** A route as an absolute URL on the public origin (Astro's `site`). */
export const absoluteUrl = (route: string, origin: URL | string | undefined) => new URL(route, origin).href;

/**
 * Where an evidence item is shown in full (summary, every source, the check note): the page of
 * the first lab it bears on. Essay citations link here, as do an analogy page's items whose
 * bearing on it was corrected away; its current items link to /evidence/.
 */
export function evidenceItemHref(currentPath: string, lab: string, id: string): string {
  return currentPath === routes.lab(lab) ? `#evidence-${id}` : routes.lab(lab, `evidence-${id}`);
}
