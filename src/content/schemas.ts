import { z } from 'astro/zod';
import { LEVELS } from '../rubric/types';

/**
 * A date as precise as the record allows: a day (YYYY-MM-DD) or a month (YYYY-MM).
 * YAML reads an unquoted day as a timestamp; it is turned back into its ISO day
 * so that authors need not quote dates.
 */
export const partialDate = z.preprocess(
  (value) =>
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value,
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
    error: 'must be a date written YYYY-MM-DD or YYYY-MM',
  }),
);

/** A public https address. */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });

/** A slug: lowercase words joined by hyphens, usable in a URL. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  error: 'must be a lowercase slug such as "power-seeking"',
});

/** A share-link key: short so that a whole scorecard fits in a link, stable so old links keep working. */
const shareKey = z.string().regex(/^[a-z]{2}$/, { error: 'must be two lowercase letters, e.g. "gd"' });

/** One published source for a claim. */
export const sourceSchema = z.strictObject({
  /** Who published it: a newspaper, a lab, a court, a government. */
  publisher: z.string().min(2),
  /** The title of the article, post or document, as published. */
  title: z.string().min(3),
  /** When it was published. */
  date: partialDate,
  /** Where to read it. */
  url: httpsUrl,
});

/** The reading of a level 0-4, as the scale labels it. */
export const level = z.literal(LEVELS, {
  error: `must be a whole level from ${LEVELS[0]} to ${LEVELS.at(-1)}`,
});

/** One essay section: introduction, an analogy, disanalogies or conclusion. The file name is the section id. */
export const essaySchema = z.strictObject({
  /** The section heading. */
  title: z.string().min(3),
  /** Position in the essay, from 1. */
  order: z.int().positive(),
  /** The analogy this section discusses, if it is one of the six. */
  analogy: slug.optional(),
  /** A one- or two-sentence summary, used for previews and the table of contents. */
  description: z.string().min(20).max(300),
  /** The day the section's text last changed in substance. */
  updated: z.coerce.date(),
});

/** One of the six analogies. The file name is its public slug. */
export const analogySchema = z.strictObject({
  /** Two letters that stand for this analogy in share links; never change or reuse one. */
  key: shareKey,
  /** Position in design.md's table, from 1. */
  order: z.int().min(1).max(99),
  /** Short title, e.g. "Power seeking". */
  title: z.string().min(3).max(60),
  /** One-line thesis, shown on preview cards. */
  thesis: z.string().min(20).max(160),
  /** The AI-risk idea, in one sentence. */
  concept: z.string().min(20),
  /** The lab analogue, in one sentence. */
  analogue: z.string().min(20),
  /** The question a reader answers when scoring a lab on this analogy. */
  question: z.string().min(20).endsWith('?'),
  /** What each level 0-4 means for this analogy, lowest first. */
  levels: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]),
  /** Where the comparison breaks down. */
  disanalogies: z.array(z.string().min(20)).min(1),
  /**
   * What the search protocol looks for on this analogy, for every lab alike: the kinds of
   * event that would make the analogy fit a lab better, and those that would make it fit worse.
   */
  search: z.strictObject({
    /** Kinds of event that support the analogy, each a short phrase to search for. */
    supports: z.array(z.string().min(5)).min(3),
    /** Kinds of event that weaken it. */
    weakens: z.array(z.string().min(5)).min(3),
  }),
  /** Where the AI-risk idea comes from in the AI-safety literature. */
  literature: z
    .array(
      z.strictObject({
        /** The author or authors, as credited. */
        author: z.string().min(2),
        /** The work's title. */
        title: z.string().min(3),
        /** The year it appeared. */
        year: z.int().min(1950).max(2100),
        /** Where to read it. */
        url: httpsUrl,
      }),
    )
    .min(1),
});

/** One AI lab. The file name is its public slug. */
export const labSchema = z.strictObject({
  /** The name readers know it by. */
  name: z.string().min(2),
  /** Two letters that stand for this lab in share links; never change or reuse one. */
  key: shareKey,
  /** Position in lists, from 1. */
  order: z.int().positive(),
  /** A short neutral description: what it is, who owns or funds it. */
  summary: z.string().min(20),
  /** The year it was founded. */
  founded: z.int().min(1900).max(2100),
  /** The lab's own website. */
  website: httpsUrl,
  /**
   * Other names the items call it by ("Google", its owner "Alphabet"): a summary naming the lab by
   * one of them must count for it or mention it, and a search for one finds the lab's items.
   */
  alsoCalled: z.array(z.string().min(2)).optional(),
});

/** Which way an evidence item pulls: the analogy fits the lab better (supports) or worse (weakens). */
export const direction = z.enum(['supports', 'weakens']);

/** One analogy an evidence item bears on, and which way. */
export const bearingSchema = z.strictObject({
  /** The analogy, by slug. */
  analogy: slug,
  /** Whether the event makes the analogy fit the labs better (supports) or worse (weakens). */
  direction,
  /**
   * The labs this bearing concerns, when it concerns only some of the item's labs (a deal
   * that enlarges two companies but binds only one); all of the item's labs when left out.
   */
  labs: z.array(slug).min(1).optional(),
});

/**
 * One event, dated and sourced, about one or more labs. It may bear on several
 * analogies, each in its own direction. The file name is its id, which is also a
 * public anchor (#evidence-<id>).
 */
export const evidenceSchema = z
  .strictObject({
    /** When the event happened. */
    date: partialDate,
    /**
     * The year whose figures the item gives, when they are a year's totals reported once it is
     * over (a year's lobbying, disclosed the next January): the Year filter finds the item under
     * this year as well as under its date's.
     */
    covers: z.int().min(2000).max(2100).optional(),
    /** The labs it concerns, by slug. */
    labs: z.array(slug).min(1),
    /**
     * Labs the item's summary names but it does not bear on, by slug: a rival it is compared
     * with, or a firm in a joint count of lobbying whose own figure for the year is another
     * item. A reader filtering by such a lab still finds the item, which counts for none of
     * that lab's cells.
     */
    mentions: z.array(slug).min(1).optional(),
    /**
     * Ids of items merged into this one. Each was a public anchor and stays one: pages
     * render an #evidence-<alias> anchor beside this item's own.
     */
    aliases: z.array(slug).min(1).optional(),
    /**
     * Analogies the item was once listed under but no longer bears on (a corrected bearing).
     * Their pages keep its #evidence-<id> anchor, which points readers to the item.
     */
    formerlyOn: z.array(slug).min(1).optional(),
    /** Every analogy the event bears on, each once, with its direction. */
    bears: z
      .array(bearingSchema)
      .min(1)
      .refine((bears) => new Set(bears.map((b) => b.analogy)).size === bears.length, {
        error: 'names an analogy twice; an event bears on each analogy in one direction',
      }),
    /** One sentence in the project's own words. */
    summary: z.string().min(30).max(400),
    /** Where the facts come from, first the most authoritative. */
    sources: z.array(sourceSchema).min(1),
    /**
     * True only if an editor read the text of every listed source, at its own address or in a
     * verbatim copy, and together they say what the summary claims (/method/ says so to readers).
     */
    checked: z.boolean(),
    /** Where a source was read in a copy; when `checked` is false (then required), what was not read itself and what was read instead. */
    checkNote: z.string().min(10).optional(),
  })
  .refine((item) => item.checked || item.checkNote !== undefined, {
    error: 'is required when checked is false: say why the source could not be read',
    path: ['checkNote'],
  })
  .refine((item) => item.covers === undefined || String(item.covers) < item.date.slice(0, 4), {
    error: "must be a year before the item's date: the year whose totals were reported on that date",
    path: ['covers'],
  });

/** The site's own reading of every lab against one analogy. The file name is the analogy's slug. */
export const readingsSchema = z.strictObject({
  /** One reading per lab slug. */
  cells: z.record(
    slug,
    z.strictObject({
      /** The level the site reads from the evidence. */
      level,
      /** Why, in one to three sentences. */
      rationale: z.string().min(30).max(600),
      /** Every evidence item that bears on this cell, supporting and weakening alike. */
      evidence: z.array(slug),
      /** What would move the reading up or down a level: the kind of event that would change it. */
      moves: z.string().min(20).max(400),
      /**
       * What the search protocol looked for on this cell and did not find, one entry per search
       * ("looked for X: nothing in the stored record"). Only searches actually run belong here:
       * a reading never moves because something was not searched for.
       */
      searched: z.array(z.string().min(10)).min(1),
    }),
  ),
});
