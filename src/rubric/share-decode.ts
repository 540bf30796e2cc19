/**
 * Reading a share link (the format is described in codec.ts). Kept apart from the
 * encoder so that pages which only make links do not download the reader.
 */
import { emptyScorecard, getCell, normaliseNote, setWeight, withCell } from './scorecard';
import {
  CONFIDENCES,
  LEVELS,
  SHARE_PARAM,
  isWeight,
  type Confidence,
  type Level,
  type RubricFrame,
  type RubricItem,
  type Scorecard,
} from './types';
import {
  BASE64URL,
  CELL_CHARS,
  CHECK_PREFIX,
  KEY,
  LEGACY_VERSION,
  MAX_SHARE_LENGTH,
  VERSION,
  cutAddedText,
  shareChecksum,
  shareFragmentFromHash,
  type DecodeResult,
  type ShareErrorKind,
} from './codec';

function parseCellChar(char: string): { level: Level | null; confidence: Confidence | undefined } | null {
  for (let row = 0; row < CELL_CHARS.length; row += 1) {
    const column = CELL_CHARS[row]?.indexOf(char) ?? -1;
    if (column >= 0) {
      return {
        // The last column, "no level", lies past the scale.
        level: LEVELS[column] ?? null,
        confidence: row === 0 ? undefined : CONFIDENCES[row - 1],
      };
    }
  }
  return null;
}

/** Throws Malformed on anything that is not base64url of valid UTF-8; decodeShare catches it. */
function fromBase64Url(encoded: string): string {
  if (encoded === '' || !BASE64URL.test(encoded) || encoded.length % 4 === 1) malformed();
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return malformed();
  }
}

const MESSAGES: Record<ShareErrorKind, string> = {
  empty: 'This share link has no scorecard in it.',
  'not-a-scorecard': 'This link does not contain a scorecard from this site.',
  'unknown-version':
    'This scorecard was shared from a different version of this site, which this page cannot read. Reload the page and open the link again.',
  malformed:
    'This share link is damaged or incomplete; it may have been cut off when it was copied. Ask for the link again.',
  truncated:
    'This share link is incomplete or was changed on the way: its check does not match, so it may have been cut off when it was copied. Ask for the whole link again.',
  'too-long':
    'This share link is too long to be a scorecard from this site (the limit is 60,000 characters).',
};

function failure(kind: ShareErrorKind): DecodeResult {
  return { ok: false, error: { kind, message: MESSAGES[kind] } };
}

/** A link that is not a share payload; the only error decodeShare turns into a message. */
class Malformed extends Error {}

function malformed(): never {
  throw new Malformed('malformed share link');
}

function byKey(items: readonly RubricItem[]): Map<string, RubricItem> {
  return new Map(items.map((item) => [item.key, item]));
}

/**
 * A pasted payload with what chat apps, mail and trackers added removed (cutAddedText),
 * then unescaped: none of its characters needs escaping, so any escape was added on the way.
 */
export function cleanPayload(raw: string): string {
  let payload = cutAddedText(raw);
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      // Left as it is: the decoder refuses it as damaged.
    }
  }
  return cutAddedText(payload);
}

/** Accepts the payload, the fragment ("share=v2..."), the hash ("#share=v2...") or the whole address. */
export function decodeShare(fragment: string, frame: RubricFrame): DecodeResult {
  // Anything but Malformed thrown below is a bug in this code: it is not shown to readers as a damaged link.
  try {
    if (typeof fragment !== 'string') return failure('not-a-scorecard');
    if (fragment.length > MAX_SHARE_LENGTH) return failure('too-long');
    const prefix = `${SHARE_PARAM}=`;
    const at = fragment.indexOf(prefix);
    const payload = cleanPayload(
      shareFragmentFromHash(fragment) ?? (at >= 0 ? fragment.slice(at + prefix.length) : fragment),
    );
    if (payload === '') return failure('empty');
    const [version, ...groups] = payload.split('.');
    if (version === LEGACY_VERSION) return decodeGroups(groups, frame, false);
    if (version !== VERSION)
      return failure(/^v\d+$/.test(version ?? '') ? 'unknown-version' : 'not-a-scorecard');
    const check = groups.at(-1);
    if (check === undefined || !check.startsWith(CHECK_PREFIX)) return failure('truncated');
    const body = payload.slice(0, payload.length - check.length - 1);
    if (shareChecksum(body) !== check.slice(CHECK_PREFIX.length)) return failure('truncated');
    return decodeGroups(groups.slice(0, -1), frame, true);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    return failure('malformed');
  }
}

/**
 * The unknown keys of a decoded link in words a reader can follow. A link holds only
 * two-letter keys, so a lab this site does not list cannot be named; it is counted.
 */
export function describeUnknownKeys(unknown: readonly string[]): string {
  const count = (kind: string) => unknown.filter((entry) => entry.startsWith(`${kind}:`)).length;
  const parts = [
    [count('lab'), 'lab', 'labs'],
    [count('analogy'), 'analogy', 'analogies'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, one, many]) => `${n === 1 ? 'one' : n} ${n === 1 ? one : many}`);
  if (parts.length === 0) return '';
  return `The link also scores ${parts.join(' and ')} that this site does not list (perhaps added by a newer version of it); those scores were left out.`;
}

function decodeGroups(groups: readonly string[], frame: RubricFrame, checked: boolean): DecodeResult {
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
  return { ok: true, card, unknown: [...unknown], checked };
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
    const weight = /^\d$/.test(digit) ? Number(digit) : NaN;
    if (!isWeight(weight)) malformed();
    if (analogy) next = setWeight(next, analogy.id, weight);
  }
  return next;
}
