/**
 * Panel links: every card of a panel in one URL fragment, which browsers never send to a
 * server. Each card travels as its own share payload (codec.ts), so a panel link is read
 * by the same decoder as a single card.
 *
 * Format, version 1 (fields joined by "~", unreserved in RFC 3986):
 *   panel=p1 ~ <flags> ~ <name> ~ <share payload> ~ <name> ~ <share payload> ... ~ <check>
 * Flags: "s" when the site's reading is one of the raters. Names are percent-encoded UTF-8
 * (empty for a card without a name); payloads are share payloads without notes and without
 * their own check (which begins with "~", the separator here). The last field checks the whole
 * body instead, so a panel link cut off anywhere is refused rather than read as a smaller panel.
 */
import { CHECK_PREFIX, cutAddedText, encodeShare, shareChecksum } from './codec';
import type { Result, RubricFrame, Scorecard } from './types';

export const PANEL_PARAM = 'panel';
export const PANEL_VERSION = 'p1';
/**
 * The longest panel link made or read, in characters, whole address included. RFC 9110
 * (section 4.1) recommends that software support addresses of at least 8,000 octets;
 * beyond that, browsers, chat apps and mail programs may cut a link off.
 */
export const MAX_PANEL_LINK_LENGTH = 8000;

export interface PanelCard {
  readonly name: string | null;
  readonly card: Scorecard;
}

export type PanelLinkResult = Result<
  { readonly link: string },
  { readonly length: number; readonly message: string }
>;

/** Names and share payloads ("v1..."), for the share decoder. */
type PanelContents = {
  readonly includeSite: boolean;
  readonly cards: readonly { readonly name: string | null; readonly payload: string }[];
};

export type PanelDecodeResult = Result<
  PanelContents,
  {
    readonly message: string;
    /**
     * For a damaged link, the whole cards before the damage, when there are any: a link
     * cut off keeps every card that ends before the cut intact.
     */
    readonly recovered?: PanelContents;
  }
>;

const encodeName = (name: string | null) => encodeURIComponent(name ?? '').replace(/~/g, '%7E');
const CARD_CHECK = `.${CHECK_PREFIX}`;
/** A card's share payload without its own check: the panel's check covers it. */
const withoutCheck = (payload: string) =>
  payload.includes(CARD_CHECK) ? payload.slice(0, payload.lastIndexOf(CARD_CHECK)) : payload;
/** The card's share payload as the share decoder reads it, its check restored. */
const withCheck = (body: string) => `${body}${CARD_CHECK}${shareChecksum(body)}`;

/** The whole address of a panel link, or why there is none: too long for a link to survive. */
export function panelLink(
  pageUrl: string,
  cards: readonly PanelCard[],
  includeSite: boolean,
  frame: RubricFrame,
): PanelLinkResult {
  const fields = [PANEL_VERSION, includeSite ? 's' : ''];
  for (const { name, card } of cards) {
    fields.push(
      encodeName(name),
      withoutCheck(encodeShare(card, frame, { notes: false }).replace(/^share=/, '')),
    );
  }
  const body = fields.join('~');
  const link = `${pageUrl}#${PANEL_PARAM}=${body}~${shareChecksum(body)}`;
  if (link.length <= MAX_PANEL_LINK_LENGTH) return { ok: true, link };
  return {
    ok: false,
    length: link.length,
    message: `This panel is too large for one link: it would take ${link.length.toLocaleString('en')} characters, and links longer than ${MAX_PANEL_LINK_LENGTH.toLocaleString('en')} are cut off by many browsers, chat apps and mail programs. To pass the panel on, send the scorecard links or exported scorecard files themselves, which this page reads; the panel CSV is for spreadsheets and cannot be added back here.`,
  };
}

/** The payload of a `#panel=` hash, or null for any other hash. */
export function panelFragmentFromHash(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${PANEL_PARAM}=`;
  return body.startsWith(prefix) ? body.slice(prefix.length) : null;
}

const DAMAGED =
  'This panel link is damaged or incomplete; it may have been cut off when it was copied. Ask for the link again.';

/**
 * The cards of a damaged link that end before its last field. A link cut off mid-field
 * loses that field and the check after it; every earlier name and payload arrived whole.
 * (A link changed in the middle would pass here too; the message tells the reader to ask
 * for the link again either way.)
 */
function recoverCards(fields: readonly string[]): { name: string | null; payload: string }[] {
  const cards: { name: string | null; payload: string }[] = [];
  for (let at = 0; at + 2 < fields.length; at += 2) {
    const payload = fields[at + 1]!;
    if (!/^v\d+(\.|$)/.test(payload)) break;
    try {
      const name = decodeURIComponent(fields[at]!);
      cards.push({ name: name === '' ? null : name, payload: withCheck(payload) });
    } catch {
      break;
    }
  }
  return cards;
}

function damaged(flags: string | undefined, fields: readonly string[]): PanelDecodeResult {
  const cards = flags !== undefined && /^s?$/.test(flags) ? recoverCards(fields) : [];
  if (cards.length === 0) return { ok: false, message: DAMAGED };
  return {
    ok: false,
    message: `This panel link is damaged or incomplete; it may have been cut off when it was copied. The first ${cards.length === 1 ? 'card' : `${cards.length} cards`} could still be read: ${cards.length === 1 ? 'it is' : 'they are'} in the box below, and the panel shown is built from ${cards.length === 1 ? 'it' : 'them'} alone. Ask for the whole link again to see every card.`,
    recovered: { includeSite: flags === 's', cards },
  };
}

/** Reads a panel link's fragment (without "#panel="). Never throws. */
export function decodePanel(fragment: string): PanelDecodeResult {
  if (fragment.length > MAX_PANEL_LINK_LENGTH) {
    return {
      ok: false,
      message: `This panel link is too long to be one from this site (the limit is ${MAX_PANEL_LINK_LENGTH.toLocaleString('en')} characters).`,
    };
  }
  // A link passed on through a chat app may end in the sentence's ")" or "." or carry a
  // tracker's "&utm_source=...": the same clean-up as for a scorecard's share link.
  let body = cutAddedText(fragment);
  // Some apps escape every "~" of a link they pass on; names hold none unescaped, so a link
  // without a single "~" but with an escaped one was escaped as a whole, and is unescaped once.
  if (!body.includes('~') && /%7e/i.test(body)) {
    try {
      body = decodeURIComponent(body);
    } catch {
      return { ok: false, message: DAMAGED };
    }
  }
  const [version, flags, ...rest] = body.split('~');
  const fields = [...rest];
  const check = rest.pop();
  if (version !== PANEL_VERSION) {
    return {
      ok: false,
      message: /^p\d+$/.test(version ?? '')
        ? 'This panel link was made by a different version of this site, which this page cannot read. Reload the page and open the link again.'
        : 'This link does not contain a panel from this site.',
    };
  }
  if (flags === undefined || !/^s?$/.test(flags) || rest.length % 2 !== 0) return damaged(flags, fields);
  if (check !== shareChecksum(body.slice(0, body.lastIndexOf('~')))) return damaged(flags, fields);
  const cards: { name: string | null; payload: string }[] = [];
  try {
    for (let at = 0; at < rest.length; at += 2) {
      const name = decodeURIComponent(rest[at]!);
      cards.push({ name: name === '' ? null : name, payload: withCheck(rest[at + 1]!) });
    }
  } catch {
    return { ok: false, message: DAMAGED };
  }
  return { ok: true, includeSite: flags === 's', cards };
}
