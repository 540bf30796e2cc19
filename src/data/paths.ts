/** A site path with the configured base path in front, so the site works under a sub-path too. */
export function sitePath(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Where an evidence item lives: every analogy page it bears on lists it. On one of those pages
 * the link is a bare fragment (shorter); elsewhere it points to the first analogy it bears on.
 */
export function evidenceHref(currentPath: string, analogies: readonly string[], id: string): string {
  const pages = analogies.map((analogy) => sitePath(`/analogies/${analogy}/`));
  if (pages.includes(currentPath)) return `#evidence-${id}`;
  return `${pages[0] ?? sitePath('/analogies/')}#evidence-${id}`;
}
