import { getSiteContent } from './site';
import { scaleLabel } from '../rubric/types';

/** One cell of an image's figure: a name and the site's reading for it. */
export interface OgImageCell {
  readonly label: string;
  readonly level: number;
}

/** What an image draws below its title: a strip of readings, or the whole heatmap. */
export type OgImageFigure =
  | { readonly kind: 'strip'; readonly cells: readonly OgImageCell[] }
  | {
      readonly kind: 'heatmap';
      readonly columns: readonly string[];
      readonly rows: readonly { readonly label: string; readonly levels: readonly number[] }[];
    };

/** One preview image: its file name in /og/, the words on it, what it draws, and its alt text. */
export interface OgImageSpec {
  readonly name: string;
  readonly kicker: string;
  readonly title: string;
  readonly thesis: string;
  readonly figure?: OgImageFigure;
  /** Describes the image itself, for og:image:alt: what the image shows, not the page's title again. */
  readonly alt: string;
}

const reading = (cell: OgImageCell) =>
  `${cell.label} ${cell.level} (${scaleLabel(cell.level).toLowerCase()})`;

/** Every preview image the build draws: one per analogy, per lab, and for the main pages. */
export async function getOgImageSpecs(): Promise<OgImageSpec[]> {
  const site = await getSiteContent();
  const heatmap: OgImageFigure = {
    kind: 'heatmap',
    columns: site.analogies.map((a) => a.data.title),
    rows: site.labs.map((l) => ({
      label: l.data.name,
      levels: site.analogies.map((a) => site.reading(l.id, a.id).level),
    })),
  };
  return [
    {
      name: 'site',
      kicker: 'An essay and an open rubric',
      title: 'Do the AI labs have an alignment problem of their own?',
      thesis: 'Six analogies between AI labs and a misaligned AI, weighed against dated, sourced evidence.',
      figure: heatmap,
      alt: `A heatmap of the site's reading of ${site.labs.length} AI labs against six analogies, each from 0 (does not fit) to 4 (full).`,
    },
    {
      name: 'essay',
      kicker: 'The essay',
      title: "The labs' own alignment problem",
      thesis:
        'Where the comparison between AI labs and a misaligned AI holds, where it breaks, and what would settle it.',
      alt: "The essay's title and thesis: where the comparison between AI labs and a misaligned AI holds and where it breaks.",
    },
    {
      name: 'scorecard',
      kicker: 'Your scorecard',
      title: 'Score the AI labs yourself',
      thesis:
        'Every lab against six analogies: weigh, rank, share and compare. Your scores stay in your browser.',
      alt: 'An invitation to score every AI lab against six analogies, in the browser.',
    },
    {
      name: 'evidence',
      kicker: 'The evidence',
      title: `${site.evidence.length} dated, sourced events`,
      thesis: 'Every item the readings rest on, newest first, to filter by lab, analogy, direction and year.',
      alt: `The evidence page: ${site.evidence.length} dated, sourced events about the AI labs, filterable by lab, analogy, direction and year.`,
    },
    {
      name: 'changes',
      kicker: 'Changes',
      title: 'What changed, and why',
      thesis: 'Evidence added and corrected, readings that moved, changes to the rubric. Also as a feed.',
      alt: 'The change log: evidence added and corrected, readings that moved, and changes to the rubric.',
    },
    ...site.analogies.map((a): OgImageSpec => {
      const cells = site.labs.map((l) => ({ label: l.data.name, level: site.reading(l.id, a.id).level }));
      return {
        name: `analogy-${a.id}`,
        kicker: `Analogy ${a.data.order} of ${site.analogies.length}`,
        title: a.data.title,
        thesis: a.data.thesis,
        figure: { kind: 'strip', cells },
        alt: `${a.data.title}: the site's reading of each lab, from 0 to 4. ${cells.map(reading).join('; ')}.`,
      };
    }),
    ...site.labs.map((l): OgImageSpec => {
      const cells = site.analogies.map((a) => ({
        label: a.data.title,
        level: site.reading(l.id, a.id).level,
      }));
      return {
        name: `lab-${l.id}`,
        kicker: 'Lab',
        title: l.data.name,
        thesis: `${l.data.name} against the six analogies: the evidence, the site's reading, and your own score.`,
        figure: { kind: 'strip', cells },
        alt: `${l.data.name} against the six analogies, the site's reading from 0 to 4: ${cells.map(reading).join('; ')}.`,
      };
    }),
  ];
}
