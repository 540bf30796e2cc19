/** A site path with the configured base path in front, so the site works under a sub-path too. */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Where an evidence item is shown in full (summary, every source, the check note): the page of
 * the first lab it bears on. Analogy pages list items in one line each, to stay within one round
 * trip, and link here.
 */
export function evidenceItemHref(currentPath: string, lab: string, id: string): string {
  const page = sitePath(`/labs/${lab}/`);
  return currentPath === page ? `#evidence-${id}` : `${page}#evidence-${id}`;
}
