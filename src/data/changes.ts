import { getCollection, type CollectionEntry } from 'astro:content';
import { getSiteContent } from './site';
import { contentPaths } from '../content.config';

export type Change = CollectionEntry<'changes'>;

let cached: Promise<Change[]> | undefined;

/**
 * The change log, newest first. Fails the build when an entry names an evidence item, lab or
 * analogy that does not exist, naming the file and the field, as the other content checks do.
 */
export function getChanges(): Promise<Change[]> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Change[]> {
  const [changes, site] = await Promise.all([getCollection('changes'), getSiteContent()]);
  const labs = new Set(site.labs.map((l) => l.id));
  const analogies = new Set(site.analogies.map((a) => a.id));
  const problems: string[] = [];
  for (const change of changes) {
    const file = `${contentPaths.changes}/${change.id}.yaml`;
    change.data.added?.forEach((id, i) => {
      if (site.evidenceById(id) === undefined)
        problems.push(`${file}: field "added[${i}]": no evidence item "${id}"`);
    });
    change.data.corrected?.forEach(({ item }, i) => {
      if (site.evidenceById(item) === undefined)
        problems.push(`${file}: field "corrected[${i}].item": no evidence item "${item}"`);
    });
    change.data.readings?.forEach(({ lab, analogy }, i) => {
      if (!labs.has(lab)) problems.push(`${file}: field "readings[${i}].lab": no lab "${lab}"`);
      if (!analogies.has(analogy))
        problems.push(`${file}: field "readings[${i}].analogy": no analogy "${analogy}"`);
    });
  }
  // The newest entry that moves a reading must leave it where content/readings/ has it now.
  // Entries of one day are ordered by the number their file name starts with, as numbers: "…-10-…"
  // came after "…-9-…" (as text it would sort before "…-2-…").
  const newestFirst = [...changes].sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || b.id.localeCompare(a.id, 'en', { numeric: true }),
  );
  const seen = new Set<string>();
  for (const change of newestFirst) {
    change.data.readings?.forEach(({ lab, analogy, to }, i) => {
      const cell = `${lab}/${analogy}`;
      if (seen.has(cell) || !labs.has(lab) || !analogies.has(analogy)) return;
      seen.add(cell);
      const now = site.reading(lab, analogy).level;
      if (now !== to)
        problems.push(
          `${contentPaths.changes}/${change.id}.yaml: field "readings[${i}].to": ${to}, but the reading of ${cell} is now ${now}; log the move that followed`,
        );
    });
  }
  if (problems.length > 0) {
    throw new Error(`The change log has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return newestFirst;
}
