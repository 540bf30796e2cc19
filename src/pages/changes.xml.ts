import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { getChanges } from '../data/changes';
import { getSiteContent } from '../data/site';
import { absoluteUrl, routes, SITE_NAME } from '../data/paths';
import { scaleLabel } from '../rubric/types';

/** The change log as an RSS feed: one entry per change, each linking to its anchor on /changes/. */
export const GET: APIRoute = async ({ site: origin }) => {
  const [changes, site] = await Promise.all([getChanges(), getSiteContent()]);
  const labName = (id: string) => site.labs.find((l) => l.id === id)?.data.name ?? id;
  const analogyTitle = (id: string) => site.analogies.find((a) => a.id === id)?.data.title ?? id;
  // Entries carry a day, not a time, and feed readers sort by time: the entries of one day are a
  // minute apart, in the log's order, so that a reader's feed lists them as /changes/ does.
  const laterThatDay = new Map<string, number>();
  const pubDates = new Map(
    [...changes].reverse().map((change) => {
      const minute = laterThatDay.get(change.data.date) ?? 0;
      laterThatDay.set(change.data.date, minute + 1);
      return [change.id, new Date(Date.parse(`${change.data.date}T00:00:00Z`) + minute * 60_000)];
    }),
  );
  return rss({
    title: `Changes · ${SITE_NAME}`,
    description:
      'Evidence items added and corrected, readings that moved and why, and changes to the rubric.',
    site: absoluteUrl(routes.home(), origin),
    trailingSlash: true,
    items: changes.map((change) => {
      const { readings = [], corrected = [], rubric = [], added = [] } = change.data;
      const details = [
        ...readings.map(
          (r) =>
            `Reading moved: ${labName(r.lab)} on ${analogyTitle(r.analogy).toLowerCase()}, from ${r.from} (${scaleLabel(r.from)}) to ${r.to} (${scaleLabel(r.to)}). ${r.why}`,
        ),
        ...corrected.map((c) => `Corrected ${c.item}: ${c.what}`),
        ...rubric.map((text) => `Rubric: ${text}`),
        ...(added.length > 0 ? [`${added.length} evidence item(s) added.`] : []),
      ];
      return {
        title: change.data.title,
        link: absoluteUrl(routes.changes(`change-${change.id}`), origin),
        pubDate: pubDates.get(change.id),
        description: [change.data.summary, ...details].join('\n\n'),
      };
    }),
  });
};
