/**
 * Share links: the whole scorecard in the URL fragment, which browsers never send
 * to a server. Decoding reads characters and builds a card; it never evaluates
 * anything and never throws.
 *
 * Format, version 2 (groups joined by "."):
 *   v2                       version, always first
 *   oa mi3 psM opR           a lab row: lab key, then per cell analogy key + one cell character
 *   _ mi2 ps0                weights that are not the default: analogy key + digit
 *   - oa mi <base64url>      a note: lab key, analogy key, UTF-8 note in base64url
 *   ~ <check>                always last: a checksum of everything before it, so a link cut
 *                            off anywhere (even after a complete cell) is refused, not read
 *                            as a smaller card
 * (spaces only for reading here). Version 1 is the same without the checksum; links made
 * with it keep opening (tests/unit/fixtures/share-link-v1.json). Decoding lives in share-decode.ts, which only the
 * page that opens share links loads. Every payload character is unreserved in RFC 3986,
 * so chat apps have no reason to escape it, and the payload never ends in punctuation
 * that linkifiers leave out of a link.
 */
import { getCell, weightOf } from './scorecard';
import {
  CONFIDENCES,
  DEFAULT_WEIGHT,
  SHARE_PARAM,
  type Cell,
  type Result,
  type RubricFrame,
  type Scorecard,
} from './types';
export const VERSION = 'v2';
/** Links made before the checksum: read as they are, since they cannot be checked. */
export const LEGACY_VERSION = 'v1';
export const CHECK_PREFIX = '~';
/**
 * Longer input is refused unread. A 5 x 6 card whose every note is 280 emoji comes to
 * about 45,000 characters, so the cap sits above that.
 */
export const MAX_SHARE_LENGTH = 60_000;

export type ShareErrorKind =
  'empty' | 'not-a-scorecard' | 'unknown-version' | 'malformed' | 'truncated' | 'too-long';
export interface ShareError {
  readonly kind: ShareErrorKind;
  /** A sentence to show the reader. */
  readonly message: string;
}
export type DecodeResult = Result<
  {
    readonly card: Scorecard;
    /** Keys in the link that this page does not know, as "lab:xx" or "analogy:xx"; their scores were left out. */
    readonly unknown: readonly string[];
    /** False for a version 1 link, which carries no checksum, so a cut could not be detected. */
    readonly checked: boolean;
  },
  { readonly error: ShareError }
>;

/**
 * One character per cell holds level and confidence: the row is the confidence
 * (none, low, medium, high), the column the level 0-4, then "no level" for a cell
 * that carries only a confidence. A cell with only a note needs no character.
 */
export const CELL_CHARS = ['012345', 'ABCDEF', 'GHIJKL', 'MNOPQR'] as const;
export const NO_LEVEL = 5;
export const KEY = /^[a-z]{2}$/;
export const BASE64URL = /^[A-Za-z0-9_-]*$/;

function cellChar(cell: Cell): string {
  const row = cell.confidence === undefined ? 0 : CONFIDENCES.indexOf(cell.confidence) + 1;
  return CELL_CHARS[row]?.[cell.level ?? NO_LEVEL] ?? '';
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export interface EncodeOptions {
  /** Put the notes in the link. Off by default: notes are often private, and links travel. */
  readonly notes?: boolean;
}

/**
 * FNV-1a (32 bit) of the payload before the checksum, in base 36: six characters at most.
 * It guards against cuts and typos, not tampering; anyone may make a link.
 */
export function shareChecksum(payload: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < payload.length; i += 1) {
    hash ^= payload.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The fragment without "#", e.g. "share=v2.oami3.~1x2y3z"; cells and weights outside the frame are not encoded. */
export function encodeShare(card: Scorecard, frame: RubricFrame, options: EncodeOptions = {}): string {
  const groups = [VERSION];
  const notes: string[] = [];
  for (const lab of frame.labs) {
    let row = '';
    for (const analogy of frame.analogies) {
      const cell = getCell(card, lab.id, analogy.id);
      const note = options.notes === true ? cell.note : undefined;
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
  const payload = [...groups, ...notes].join('.');
  return `${SHARE_PARAM}=${payload}.${CHECK_PREFIX}${shareChecksum(payload)}`;
}

/** The payload of a `#share=` hash, or null for any other hash, such as a section anchor. */
export function shareFragmentFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_PARAM}=`;
  return body.startsWith(prefix) ? body.slice(prefix.length) : null;
}

/**
 * What chat apps, mail and trackers glue onto a link, cut off: a tracking parameter
 * ("&utm_source=...", "?utm..."), anything after a space, and punctuation from the sentence
 * around it (".", ")", ","). No share or panel payload holds "&", "?", "#" or a space, nor
 * ends in punctuation, so none of this can be part of one. Escaped characters are the
 * caller's to undo: a panel link's names are escaped on purpose.
 */
export function cutAddedText(raw: string): string {
  return (raw.trim().split(/[&?#\s]/, 1)[0] ?? '').replace(/[^A-Za-z0-9_~-]+$/, '');
}
