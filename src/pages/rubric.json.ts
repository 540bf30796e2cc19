import type { APIRoute } from 'astro';
import { getSiteContent } from '../data/site';
import { SCALE } from '../rubric/types';
import { originalPost } from '../data/original-post';
import siteInfo from '../../content/site.json';
import { rubricDocumentSchema } from '../content/rubric-document';
import { absoluteUrl, routes } from '../data/paths';

/**
 * The rubric as open data: the same content every page renders. Within a schema version the
 * shape only gains fields; version 2 replaced each item's single `analogy` and `direction`
 * with `bears`, since one event can bear on several analogies in different directions.
 */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await getSiteContent();
  const document = {
    $schema: absoluteUrl(routes.rubricSchema(), origin),
    schemaVersion: 2,
    license:
      'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): the rubric, summaries and readings; sources belong to their publishers',
    generated: site.lastUpdated.toISOString().slice(0, 10),
    /** How far the evidence reaches (its newest item) and when it was last checked. */
    evidenceReaches: site.newestEvidenceDate,
    evidenceCheckedOn: siteInfo.evidenceCheckedOn,
    homepage: absoluteUrl(routes.home(), origin),
    source: {
      title: originalPost.title,
      url: originalPost.url,
      site: originalPost.site,
      ...(originalPost.author ? { author: originalPost.author } : {}),
      ...(originalPost.published ? { published: originalPost.published } : {}),
    },
    scale: SCALE.map(({ level, label }) => ({ level, label })),
    analogies: site.analogies.map((a) => ({
      id: a.id,
      key: a.data.key,
      title: a.data.title,
      concept: a.data.concept,
      analogue: a.data.analogue,
      question: a.data.question,
      levels: a.data.levels,
      disanalogies: a.data.disanalogies,
      search: a.data.search,
      literature: a.data.literature,
    })),
    labs: site.labs.map((l) => ({
      id: l.id,
      key: l.data.key,
      name: l.data.name,
      ...(l.data.alsoCalled ? { alsoCalled: l.data.alsoCalled } : {}),
    })),
    evidence: site.evidence.map((e) => ({
      id: e.id,
      ...(e.data.aliases ? { aliases: e.data.aliases } : {}),
      date: e.data.date,
      ...(e.data.covers ? { covers: e.data.covers } : {}),
      labs: e.data.labs,
      ...(e.data.mentions ? { mentions: e.data.mentions } : {}),
      bears: e.data.bears,
      summary: e.data.summary,
      sources: e.data.sources,
      checked: e.data.checked,
      ...(e.data.checkNote ? { checkNote: e.data.checkNote } : {}),
    })),
    reference: site.labs.flatMap((lab) =>
      site.analogies.map((analogy) => {
        const reading = site.reading(lab.id, analogy.id);
        return {
          lab: lab.id,
          analogy: analogy.id,
          level: reading.level,
          rationale: reading.rationale,
          evidence: reading.evidence,
          moves: reading.moves,
          searched: reading.searched,
        };
      }),
    ),
  };
  // The document must match its published schema; a mismatch fails the build, naming the field.
  const checked = rubricDocumentSchema.safeParse(document);
  if (!checked.success) {
    throw new Error(
      `rubric.json does not match src/content/rubric-document.ts:\n${checked.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return new Response(JSON.stringify(document, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
