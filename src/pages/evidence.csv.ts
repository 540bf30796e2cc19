import type { APIRoute } from 'astro';
import { getSiteContent } from '../data/site';
import { evidenceToCsv } from '../rubric/evidence-csv';

/** The evidence as CSV under CC BY 4.0 (see /method/#open-data): one row per item, lab and analogy. */
export const GET: APIRoute = async () => {
  const site = await getSiteContent();
  const csv = evidenceToCsv(
    site.evidence.map((e) => ({
      id: e.id,
      date: e.data.date,
      labs: e.data.labs,
      bears: e.data.bears,
      summary: e.data.summary,
      sourceUrl: e.data.sources[0]!.url,
      checked: e.data.checked,
      ...(e.data.covers === undefined ? {} : { covers: e.data.covers }),
      ...(e.data.mentions === undefined ? {} : { mentions: e.data.mentions }),
    })),
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
