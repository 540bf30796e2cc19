import { getSiteContent } from './site';

/** One preview card: its file name in /og/ and the words on it. */
export interface CardSpec {
  readonly name: string;
  readonly kicker: string;
  readonly title: string;
  readonly thesis: string;
}

/** Every preview card the build draws: one per analogy, per lab, and for the main pages. */
export async function getCardSpecs(): Promise<CardSpec[]> {
  const site = await getSiteContent();
  return [
    {
      name: 'site',
      kicker: 'An essay and an open rubric',
      title: 'Do the AI labs have an alignment problem of their own?',
      thesis: 'Six analogies between AI labs and a misaligned AI, weighed against dated, sourced evidence.',
    },
    {
      name: 'essay',
      kicker: 'The essay',
      title: "The labs' own alignment problem",
      thesis:
        'Where the comparison between AI labs and a misaligned AI holds, where it breaks, and what would settle it.',
    },
    {
      name: 'scorecard',
      kicker: 'Your scorecard',
      title: 'Score the AI labs yourself',
      thesis:
        'Every lab against six analogies: weigh, rank, share and compare. Your scores stay in your browser.',
    },
    ...site.analogies.map((a) => ({
      name: `analogy-${a.id}`,
      kicker: `Analogy ${a.data.order} of ${site.analogies.length}`,
      title: a.data.title,
      thesis: a.data.thesis,
    })),
    ...site.labs.map((l) => ({
      name: `lab-${l.id}`,
      kicker: 'Lab',
      title: l.data.name,
      thesis: `${l.data.name} against the six analogies: the evidence, the site's reading, and your own score.`,
    })),
  ];
}
