/** A site path with the configured base path in front, so the site works under a sub-path too. */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Where an evidence item lives: a bare fragment on its own analogy page (shorter), the full path elsewhere. */
export function evidenceHref(currentPath: string, analogy: string, id: string): string {
  const page = sitePath(`/analogies/${analogy}/`);
  return currentPath === page ? `#evidence-${id}` : `${page}#evidence-${id}`;
}
