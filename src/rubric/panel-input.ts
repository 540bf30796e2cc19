/**
 * Turning what a reader pastes and picks into panel raters: one share link per line, with
 * an optional "Name:" before it, and exported JSON or CSV files. Reading never throws; each
 * line or file that cannot be used gets a message naming it, and the rest still count.
 */
import { encodeShare, shareFragmentFromHash } from './codec';
import { decodeShare } from './share-decode';
import { EXPORT_FORMAT, fromCsv, fromJson } from './exchange';
import { countScored } from './scorecard';
import type { Rater } from './panel';
import type { RubricFrame, Scorecard } from './types';

/** A message tied to where the reader put the card: a line of the textbox, or a file. */
export interface InputProblem {
  /** 1-based line of the textbox, or null for a file. */
  readonly line: number | null;
  readonly message: string;
  /** The card was read and is a repeat of one already counted: used, once, rather than lost. */
  readonly repeat?: true;
}

/** A card read from the textbox or a file, before names are settled. */
export interface RaterInput {
  /** The name the reader gave, or null. */
  readonly name: string | null;
  readonly card: Scorecard;
  /** Where it came from, for messages: "line 3" or the file name. */
  readonly where: string;
}

/** Longest rater name kept; longer names are cut, so tables and links stay readable. */
export const MAX_NAME_LENGTH = 40;
/** More raters than this are refused: the page and the panel link would stop being usable. */
export const MAX_RATERS = 100;

// Where a link starts in a line: a web address, or a bare fragment copied from one.
// Each match runs to the next space, so a "#share=" inside an address is not a second link.
const LINK_START = /(?:https?:\/\/|#?share=)\S*/gi;
// What paste formats put around a name: a list marker before it ("- ", "* ", "1. "), and
// brackets, quotes or a colon after it ("Bob: (", "[Alice](", "<", '"').
const LIST_MARKER = /^(?:[-*+•]|\d+[.)])\s+/;
const AFTER_NAME = /[\s:\-–—(<[{"'“‘«]+$/;
const WRAPPED = /^(?:\[(.*)\]|\((.*)\)|<(.*)>|"(.*)"|“(.*)”|'(.*)'|\*\*(.*)\*\*)$/s;

/** The name before a link, without what list, Markdown and chat formats put around it. */
function cleanName(text: string): string | null {
  let name = text.trim().replace(LIST_MARKER, '');
  for (let before = ''; before !== name;) {
    before = name;
    name = name.replace(AFTER_NAME, '').trim();
    const wrapped = WRAPPED.exec(name);
    if (wrapped)
      name = wrapped
        .slice(1)
        .find((inner) => inner !== undefined)!
        .trim();
  }
  name = Array.from(name).slice(0, MAX_NAME_LENGTH).join('').trim();
  return name === '' ? null : name;
}

/**
 * Where the link of a line starts: the last address on the line that carries a scorecard
 * (a name may itself hold an address, as in a spreadsheet's =HYPERLINK("http://...")),
 * else the first address, for the messages; -1 when there is none.
 */
function linkStart(content: string): number {
  const links = [...content.matchAll(LINK_START)];
  const carrying = links.filter((match) => /(share|panel)=/.test(match[0]));
  return (carrying.at(-1) ?? links[0])?.index ?? -1;
}

/** The host name (port aside) a link points to, or null for a bare fragment or an address that does not parse. */
function hostOf(link: string): string | null {
  if (!/^https?:\/\//i.test(link)) return null;
  try {
    return new URL(link).hostname;
  } catch {
    return null;
  }
}

/**
 * Reads the textbox: blank lines are skipped, every other line is a card or a problem.
 * `siteHost` is the host name this page is served from (port aside): a link to another site that holds no
 * readable scorecard is named as such, rather than blamed on being cut off. (A readable card
 * from another host, a copy of this site for instance, still counts.)
 */
export function readLines(
  text: string,
  frame: RubricFrame,
  siteHost: string | null = null,
): { cards: RaterInput[]; problems: InputProblem[]; unknown: string[] } {
  const cards: RaterInput[] = [];
  const problems: InputProblem[] = [];
  const unknown = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') return;
    const problem = (message: string) => problems.push({ line, message: `Line ${line}: ${message}` });
    const start = linkStart(content);
    if (start < 0) {
      problem(
        'this is not a scorecard link. Paste the link from the "Share link" box of a scorecard, one per line, optionally with a name and a colon before it.',
      );
      return;
    }
    const link = content.slice(start).split(/\s/)[0] ?? '';
    if (/[#&]panel=/.test(link)) {
      problem('this is a panel link, not a scorecard link. Open it in the address bar to see that panel.');
      return;
    }
    const hashAt = link.indexOf('#');
    const fragment = hashAt >= 0 ? shareFragmentFromHash(link.slice(hashAt)) : shareFragmentFromHash(link);
    if (fragment === null) {
      problem(
        'this link has no scorecard in it (no "#share=" part). Ask for the link from the "Share link" box of the scorecard page.',
      );
      return;
    }
    const result = decodeShare(fragment, frame);
    if (!result.ok) {
      const host = hostOf(link);
      problem(
        result.error.kind !== 'unknown-version' && siteHost !== null && host !== null && host !== siteHost
          ? `this link goes to ${host}, not to this site (${siteHost}), and holds no scorecard this page can read. Ask for the link from the "Share link" box of this site's scorecard page.`
          : result.error.message,
      );
      return;
    }
    if (countScored(result.card, frame) === 0) {
      problem('this scorecard has no scores yet, so it was left out.');
      return;
    }
    for (const key of result.unknown) unknown.add(key);
    cards.push({ name: cleanName(content.slice(0, start)), card: result.card, where: `line ${line}` });
  });
  return { cards, problems, unknown: [...unknown] };
}

/**
 * A rater's name from an exported file's name: the scorecard's export names files
 * "<EXPORT_FORMAT>-YYYY-MM-DD", which says nothing about the rater, so that part goes
 * ("Eve-labs-alignment-scorecard-2026-11-27.json" is Eve's; the bare export is unnamed), as do
 * the copy counters browsers add (" (1)").
 */
export function nameFromFile(fileName: string): string | null {
  return cleanName(
    fileName
      .replace(/\.(json|csv)$/i, '')
      .replace(/\s*\(\d+\)$/, '')
      .replace(new RegExp(`[\\s_-]*${EXPORT_FORMAT}(?:-\\d{4}-\\d{2}-\\d{2})?$`, 'i'), ''),
  );
}

/** Reads one exported file, choosing the format as the scorecard's import does. */
export function readFile(
  fileName: string,
  text: string,
  frame: RubricFrame,
): { card: RaterInput | null; problem: InputProblem | null; unknown: readonly string[] } {
  // The extension decides, so a broken .json file gets JSON's message; without one, the content.
  const json = /\.json$/i.test(fileName) || (!/\.csv$/i.test(fileName) && text.trimStart().startsWith('{'));
  const result = json ? fromJson(text, frame) : fromCsv(text, frame);
  if (!result.ok)
    return { card: null, problem: { line: null, message: `${fileName}: ${result.message}` }, unknown: [] };
  if (countScored(result.card, frame) === 0) {
    return {
      card: null,
      problem: { line: null, message: `${fileName}: this scorecard has no scores yet, so it was left out.` },
      unknown: [],
    };
  }
  return {
    card: { name: nameFromFile(fileName), card: result.card, where: fileName },
    problem: null,
    unknown: result.unknown,
  };
}

/**
 * Names every card and drops repeats. A card is a repeat when it holds the same levels,
 * confidences and weights as an earlier one, whatever name either was given: far more often
 * the same link pasted twice than two people who chose alike on every cell, and counting
 * it twice would inflate the agreement the panel reports. Each repeat is named in a message.
 */
export function settleRaters(
  inputs: readonly RaterInput[],
  frame: RubricFrame,
): { raters: Rater[]; problems: InputProblem[] } {
  const raters: Rater[] = [];
  const problems: InputProblem[] = [];
  /** Fingerprint -> where the first copy came from and the name it was counted under. */
  const seen = new Map<string, { where: string; name: string }>();
  const names = new Set<string>();
  for (const input of inputs) {
    const fingerprint = scoresFingerprint(input.card, frame);
    const earlier = seen.get(fingerprint);
    const line = /^line (\d+)$/.exec(input.where);
    const lineNumber = line ? Number(line[1]) : null;
    const where = input.where.replace(/^line/, 'Line');
    if (earlier !== undefined) {
      const as = input.name !== null && input.name !== earlier.name ? ` (${input.name})` : '';
      problems.push({
        line: lineNumber,
        message: `${where}${as}: the same scores as ${earlier.where} (${earlier.name}), most likely the same ${lineNumber === null && !/^line /.test(earlier.where) ? 'file added twice' : lineNumber !== null && /^line /.test(earlier.where) ? 'link pasted twice' : 'scorecard given twice'}, so it was counted once, as ${earlier.name}.`,
        repeat: true,
      });
      continue;
    }
    if (raters.length >= MAX_RATERS) {
      problems.push({
        line: lineNumber,
        message: `${where}: a panel holds at most ${MAX_RATERS} scorecards, so this one and any after it were left out.`,
      });
      continue;
    }
    let name = input.name ?? `Rater ${raters.length + 1}`;
    // Two different cards under one name would be indistinguishable in the tables.
    for (let suffix = 2; names.has(name); suffix += 1) name = `${input.name ?? 'Rater'} (${suffix})`;
    names.add(name);
    seen.set(fingerprint, { where: input.where, name });
    raters.push({ name, card: input.card });
  }
  return { raters, problems };
}

/** What makes two cards the same for a panel: levels, confidences and weights; notes aside. */
export function scoresFingerprint(card: Scorecard, frame: RubricFrame): string {
  return encodeShare(card, frame, { notes: false });
}
