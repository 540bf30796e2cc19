/**
 * Share links: the whole scorecard in the URL fragment, which browsers never send
 * to a server. Decoding reads characters and builds a card; it never evaluates
 * anything and never throws.
 *
 * Format, version 1 (groups joined by "."):
 *   v1                       version, always first
 *   oa mi3 psM opR           a lab row: lab key, then per cell analogy key + one cell character
 *   _ mi2 ps0                weights that are not the default: analogy key + digit
 *   - oa mi <base64url>      a note: lab key, analogy key, UTF-8 note in base64url
 * (spaces only for reading here). Every payload character is unreserved in RFC 3986,
 * so chat apps have no reason to escape it, and the payload never ends in punctuation
 * that linkifiers leave out of a link.
 */
import { emptyScorecard, getCell, normaliseNote, setWeight, weightOf, withCell } from './scorecard';
import {
  CONFIDENCES,
  DEFAULT_WEIGHT,
  type Cell,
  type Confidence,
  type Level,
  type RubricFrame,
  type RubricItem,
  type Scorecard,
  type Weight,
} from './types';

/** The hash is `#share=<payload>`, so ordinary section anchors are never mistaken for links. */
export const SHARE_PARAM = 'share';
const VERSION = 'v1';
/**
 * Longer input is refused unread. A 5 x 6 card whose every note is 280 emoji comes to
 * about 45,000 characters, so the cap sits above that.
 */
export const MAX_SHARE_LENGTH = 60_000;

export type ShareErrorKind = 'empty' | 'not-a-scorecard' | 'unknown-version' | 'malformed' | 'too-long';
export interface ShareError {
  readonly kind: ShareErrorKind;
  /** A sentence to show the reader. */
  readonly message: string;
}
export type DecodeResult =
  | {
      readonly ok: true;
      readonly card: Scorecard;
      /** Keys in the link that this page does not know, as "lab:xx" or "analogy:xx"; their scores were left out. */
      readonly unknown: readonly string[];
    }
  | { readonly ok: false; readonly error: ShareError };

/**
 * One character per cell holds level and confidence: the row is the confidence
 * (none, low, medium, high), the column the level 0-4, then "no level" for a cell
 * that carries only a confidence. A cell with only a note needs no character.
 */
const CELL_CHARS = ['012345', 'ABCDEF', 'GHIJKL', 'MNOPQR'] as const;
const NO_LEVEL = 5;
const KEY = /^[a-z]{2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function cellChar(cell: Cell): string {
  const row = cell.confidence === undefined ? 0 : CONFIDENCES.indexOf(cell.confidence) + 1;
  return CELL_CHARS[row]?.[cell.level ?? NO_LEVEL] ?? '';
}

function parseCellChar(char: string): { level: Level | null; confidence: Confidence | undefined } | null {
  for (let row = 0; row < CELL_CHARS.length; row += 1) {
    const column = CELL_CHARS[row]?.indexOf(char) ?? -1;
    if (column >= 0) {
      return {
        level: column === NO_LEVEL ? null : (column as Level),
        confidence: row === 0 ? undefined : CONFIDENCES[row - 1],
      };
    }
  }
  return null;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on anything that is not base64url of valid UTF-8; decodeShare catches it. */
function fromBase64Url(encoded: string): string {
  if (encoded === '' || !BASE64URL.test(encoded) || encoded.length % 4 === 1) malformed();
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export interface EncodeOptions {
  /** Leave notes out, for a short link. Default true. */
  readonly notes?: boolean;
}

/** The fragment without "#", e.g. "share=v1.oami3"; cells and weights outside the frame are not encoded. */
export function encodeShare(card: Scorecard, frame: RubricFrame, options: EncodeOptions = {}): string {
  const groups = [VERSION];
  const notes: string[] = [];
  for (const lab of frame.labs) {
    let row = '';
    for (const analogy of frame.analogies) {
      const cell = getCell(card, lab.id, analogy.id);
      const note = options.notes === false ? undefined : cell.note;
      if (cell.level !== null || cell.confidence !== undefined) row += analogy.key + cellChar(cell);
      if (note !== undefined) notes.push('-' + lab.key + analogy.key + toBase64Url(note));
    }
    if (row !== '') groups.push(lab.key + row);
  }
  let weights = '';
  for (const analogy of frame.analogies) {
    const weight = weightOf(card, analogy.id);
    if (weight !== DEFAULT_WEIGHT) weights += analogy.key + String(weight);
  }
  if (weights !== '') groups.push('_' + weights);
  return `${SHARE_PARAM}=${[...groups, ...notes].join('.')}`;
}

/** The payload of a `#share=` hash, or null for any other hash, such as a section anchor. */
export function shareFragmentFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_PARAM}=`;
  return body.startsWith(prefix) ? body.slice(prefix.length) : null;
}

const MESSAGES: Record<ShareErrorKind, string> = {
  empty: 'This share link has no scorecard in it.',
  'not-a-scorecard': 'This link does not contain a scorecard from this site.',
  'unknown-version':
    'This scorecard was shared from a different version of this site, which this page cannot read. Reload the page and open the link again.',
  malformed:
    'This share link is damaged or incomplete; it may have been cut off when it was copied. Ask for the link again.',
  'too-long':
    'This share link is too long to be a scorecard from this site (the limit is 60,000 characters).',
};

function failure(kind: ShareErrorKind): DecodeResult {
  return { ok: false, error: { kind, message: MESSAGES[kind] } };
}

/**
 * What would make share links ambiguous: keys that are not two lowercase letters, or
 * a key or id used twice within labs or within analogies. Meant for a build-time check.
 */
export function frameProblems(frame: RubricFrame): string[] {
  const problems: string[] = [];
  for (const [kind, items] of [
    ['lab', frame.labs],
    ['analogy', frame.analogies],
  ] as const) {
    const seen = new Set<string>();
    for (const { id, key } of items) {
      if (!KEY.test(key))
        problems.push(`${kind} "${id}" has share key "${key}"; keys are two lowercase letters.`);
      if (seen.has(`key:${key}`)) problems.push(`${kind} share key "${key}" is used twice.`);
      if (seen.has(`id:${id}`)) problems.push(`${kind} id "${id}" is used twice.`);
      seen.add(`key:${key}`).add(`id:${id}`);
    }
  }
  return problems;
}

function malformed(): never {
  throw new Error('malformed share link');
}

function byKey(items: readonly RubricItem[]): Map<string, RubricItem> {
  return new Map(items.map((item) => [item.key, item]));
}

/** Accepts the payload, the fragment ("share=v1..."), or the hash ("#share=v1..."). */
export function decodeShare(fragment: string, frame: RubricFrame): DecodeResult {
  try {
    if (typeof fragment !== 'string') return failure('not-a-scorecard');
    if (fragment.length > MAX_SHARE_LENGTH) return failure('too-long');
    let payload = shareFragmentFromHash(fragment) ?? fragment;
    // Unreserved characters should never be escaped, but some apps escape them anyway.
    if (payload.includes('%')) payload = decodeURIComponent(payload);
    payload = payload.trim();
    if (payload === '') return failure('empty');
    const [version, ...groups] = payload.split('.');
    if (version !== VERSION)
      return failure(/^v\d+$/.test(version ?? '') ? 'unknown-version' : 'not-a-scorecard');
    return decodeGroups(groups, frame);
  } catch {
    return failure('malformed');
  }
}

function decodeGroups(groups: readonly string[], frame: RubricFrame): DecodeResult {
  const labs = byKey(frame.labs);
  const analogies = byKey(frame.analogies);
  const unknown = new Set<string>();
  const known = (kind: 'lab' | 'analogy', key: string): RubricItem | undefined => {
    if (!KEY.test(key)) malformed();
    const item = (kind === 'lab' ? labs : analogies).get(key);
    if (!item) unknown.add(`${kind}:${key}`);
    return item;
  };
  let card = emptyScorecard();
  for (const group of groups) {
    if (group.startsWith('_')) {
      card = decodeWeights(group.slice(1), card, known);
    } else if (group.startsWith('-')) {
      const lab = known('lab', group.slice(1, 3));
      const analogy = known('analogy', group.slice(3, 5));
      const note = fromBase64Url(group.slice(5));
      if (lab && analogy) {
        const cell = getCell(card, lab.id, analogy.id);
        card = withCell(card, lab.id, analogy.id, { ...cell, note: normaliseNote(note) });
      }
    } else {
      card = decodeRow(group, card, known);
    }
  }
  return { ok: true, card, unknown: [...unknown] };
}

type Lookup = (kind: 'lab' | 'analogy', key: string) => RubricItem | undefined;

function decodeRow(group: string, card: Scorecard, known: Lookup): Scorecard {
  if (group.length < 5 || (group.length - 2) % 3 !== 0) malformed();
  const lab = known('lab', group.slice(0, 2));
  let next = card;
  for (let at = 2; at < group.length; at += 3) {
    const analogy = known('analogy', group.slice(at, at + 2));
    const parsed = parseCellChar(group.charAt(at + 2));
    if (!parsed) malformed();
    if (lab && analogy) {
      const { note } = getCell(next, lab.id, analogy.id);
      next = withCell(next, lab.id, analogy.id, {
        level: parsed.level,
        ...(parsed.confidence === undefined ? {} : { confidence: parsed.confidence }),
        ...(note === undefined ? {} : { note }),
      });
    }
  }
  return next;
}

function decodeWeights(body: string, card: Scorecard, known: Lookup): Scorecard {
  if (body.length === 0 || body.length % 3 !== 0) malformed();
  let next = card;
  for (let at = 0; at < body.length; at += 3) {
    const analogy = known('analogy', body.slice(at, at + 2));
    const digit = body.charAt(at + 2);
    if (!/^[0-3]$/.test(digit)) malformed();
    if (analogy) next = setWeight(next, analogy.id, Number(digit) as Weight);
  }
  return next;
}
