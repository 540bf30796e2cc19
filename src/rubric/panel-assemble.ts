/**
 * One press of "Build panel": the textbox, the files, the site's reading and the reader's
 * own card become raters, every problem is tied to the line or file it came from, and the
 * statistics are computed. Plain TypeScript, so that vitest covers the whole path a reader
 * takes without a browser; the island only reads files and shows the result.
 */
import { OTHER_MINE_RATER, buildPanel, type Panel, type Rater } from './panel';
import {
  readFile,
  readLines,
  scoresFingerprint,
  settleRaters,
  type InputProblem,
  type RaterInput,
} from './panel-input';
import { countScored, emptyScorecard } from './scorecard';
import { toScorecard } from './stored-merge';
import { loadStored } from './stored-versions';
import type { Result, RubricFrame, Scorecard } from './types';
import { plural } from './wording';

export const SITE_RATER = "The site's reading";
/**
 * The name of the reader's own card ("Include mine"). It is the name the card keeps in the
 * panel link and the CSV, so whoever opens the link sees the same name the maker saw.
 */
export const MINE_RATER = 'Panel maker';

export interface PanelInput {
  readonly text: string;
  /** Each file's text, or null for a file too large to have been read. */
  readonly files: readonly { readonly name: string; readonly text: string | null }[];
  /** The site's reading as a card, when "Include the site's reading" is ticked. */
  readonly site: Scorecard | null;
  /** What the browser holds of the reader's own card (the saved text, or null), when "Include mine" is ticked. */
  readonly mine: { readonly saved: string | null } | null;
  /** The host name this page is served from (port aside), to name links to other sites as such. */
  readonly siteHost?: string | null;
}

export interface AssembledPanel {
  readonly raters: readonly Rater[];
  /** Null when fewer than one rater remains. */
  readonly panel: Panel | null;
  /** Problems with textbox lines, in line order. */
  readonly lineProblems: readonly InputProblem[];
  /** Problems with files, and with the two checkboxes. */
  readonly otherProblems: readonly string[];
  /** Lab and analogy keys some card held that this site does not list, as "lab:xx". */
  readonly unknown: readonly string[];
  /** One sentence for the status next to the button. */
  readonly summary: string;
}

export function assemblePanel(input: PanelInput, frame: RubricFrame): AssembledPanel {
  const lines = readLines(input.text, frame, input.siteHost ?? null);
  const inputs: RaterInput[] = [...lines.cards];
  const otherProblems: string[] = [];
  let repeats = 0;
  const unknown = new Set(lines.unknown);
  for (const file of input.files) {
    if (file.text === null) {
      otherProblems.push(
        `${file.name}: this file is too large to be a scorecard from this site (over 1 MB).`,
      );
      continue;
    }
    const read = readFile(file.name, file.text, frame);
    if (read.card) inputs.push(read.card);
    if (read.problem) otherProblems.push(read.problem.message);
    for (const key of read.unknown) unknown.add(key);
  }
  const settled = settleRaters(inputs, frame);
  const raters: Rater[] = [...settled.raters];
  // The reader's own card and the site's reading join after the pasted cards, in the order a
  // reopened panel link lists them; each is counted once when a pasted card already holds it.
  const addOnce = (rater: Rater, label: string) => {
    const fingerprint = scoresFingerprint(rater.card, frame);
    const at = raters.findIndex((other) => scoresFingerprint(other.card, frame) === fingerprint);
    if (at < 0) {
      raters.push(rater);
      return;
    }
    const same = raters[at]!;
    repeats += 1;
    otherProblems.push(
      `${label}: ${same.site === true ? "the site's reading" : same.mine === true ? 'your own scorecard' : same.name} already holds the same scores, so they were counted once, as ${same.name}.`,
    );
    if (rater.mine === true) raters[at] = { ...same, mine: true };
    if (rater.site === true && same.site !== true) raters[at] = { ...raters[at]!, alsoSite: true };
  };
  if (input.mine !== null) {
    const mine = ownCard(input.mine.saved);
    if (!mine.ok) otherProblems.push(`Include mine: ${mine.message}`);
    else if (countScored(mine.card, frame) === 0)
      otherProblems.push(
        'Include mine: your own scorecard in this browser has no scores yet, so it was left out.',
      );
    else {
      // A panel link reopened by someone else already holds the maker's card under MINE_RATER.
      const name = uniqueName(
        raters.some((r) => r.name === MINE_RATER) ? OTHER_MINE_RATER : MINE_RATER,
        raters,
      );
      addOnce({ name, card: mine.card, mine: true }, 'Include mine');
    }
  }
  if (input.site !== null)
    addOnce(
      { name: uniqueName(SITE_RATER, raters), card: input.site, site: true },
      "Include the site's reading",
    );
  const lineProblems = [...lines.problems, ...settled.problems.filter((p) => p.line !== null)].sort(
    (a, b) => a.line! - b.line!,
  );
  otherProblems.push(...settled.problems.filter((p) => p.line === null).map((p) => p.message));
  const problems = lineProblems.length + otherProblems.length;
  repeats += settled.problems.filter((p) => p.repeat).length;
  // A repeat was counted, once: saying it "could not be used" would send the reader looking for a lost card.
  const unused = problems - repeats;
  const counts = [
    unused > 0 ? `${plural(unused, 'line or file', 'lines or files')} could not be used` : '',
    repeats > 0 ? `${plural(repeats, 'repeated card was', 'repeated cards were')} counted once` : '',
  ].filter(Boolean);
  const trouble =
    problems === 0
      ? ''
      : ` ${counts.join(', and ')}: see the ${problems === 1 ? 'message' : 'messages'} under ${[
          lineProblems.length > 0 ? 'the links box' : '',
          // File problems and the two boxes' problems are listed together, below the boxes.
          otherProblems.length > 0 ? 'the "Also include" boxes' : '',
        ]
          .filter(Boolean)
          .join(' and under ')}.`;
  if (raters.length === 0) {
    return {
      raters,
      panel: null,
      lineProblems,
      otherProblems,
      unknown: [...unknown],
      summary:
        problems === 0
          ? 'Nothing to pool yet: paste scorecard links, add files, or tick one of the boxes.'
          : `No panel: no scorecard could be read.${trouble}`,
    };
  }
  return {
    raters,
    panel: buildPanel(raters, frame),
    lineProblems,
    otherProblems,
    unknown: [...unknown],
    summary: `Panel built from ${plural(raters.length, 'scorecard')}.${trouble}`,
  };
}

/** The name, or the name with the first free "(2)", "(3)"... when a rater already has it. */
function uniqueName(name: string, raters: readonly Rater[]): string {
  const taken = new Set(raters.map((rater) => rater.name));
  let unique = name;
  for (let suffix = 2; taken.has(unique); suffix += 1) unique = `${name} (${suffix})`;
  return unique;
}

/** The reader's saved card, read without writing anything back; a message when it cannot be used. */
function ownCard(saved: string | null): Result<{ readonly card: Scorecard }> {
  const loaded = loadStored(saved);
  switch (loaded.status) {
    case 'empty':
      return { ok: true, card: emptyScorecard() };
    case 'ok':
    case 'migrated':
      return { ok: true, card: toScorecard(loaded.doc) };
    case 'newer':
      return {
        ok: false,
        message:
          'your scorecard was saved by a newer version of this site. Reload this page and build the panel again.',
      };
    case 'corrupt':
      return {
        ok: false,
        message:
          'your saved scorecard could not be read, so it was left out. Open the scorecard page, which keeps a copy of it aside.',
      };
  }
}
