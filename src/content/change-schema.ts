import { z } from 'astro/zod';
import { level, slug } from './schemas';

/**
 * One entry of the change log. The file name is its id and its anchor on /changes/
 * (by convention `<date>-<topic>`). An entry says what changed in the evidence, the
 * readings or the rubric, so that a reader can follow any score over time.
 */
export const changeSchema = z.strictObject({
  /** The day the change was published, YYYY-MM-DD. */
  date: z.preprocess(
    (value) =>
      value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value,
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'must be a day written YYYY-MM-DD' }),
  ),
  /** A headline for the change, as the feed shows it. */
  title: z.string().min(5).max(120),
  /** What changed and why, in the project's own words. */
  summary: z.string().min(20).max(1000),
  /** Evidence items added, by id. */
  added: z.array(slug).min(1).optional(),
  /** Evidence items corrected, and what was corrected in each. */
  corrected: z
    .array(
      z.strictObject({
        /** The item, by id (an id merged into another item is still accepted). */
        item: slug,
        /** What was wrong, or what changed, in one sentence. */
        what: z.string().min(10).max(400),
      }),
    )
    .min(1)
    .optional(),
  /** Reference readings that moved, with the old and new level and the reason. */
  readings: z
    .array(
      z.strictObject({
        /** The lab, by slug. */
        lab: slug,
        /** The analogy, by slug. */
        analogy: slug,
        /** The level before the change. */
        from: level,
        /** The level after it. */
        to: level,
        /** Why it moved, in one or two sentences. */
        why: z.string().min(10).max(600),
      }),
    )
    .min(1)
    .optional(),
  /** Changes to the rubric itself: analogies, descriptors, scale, method or the data format. */
  rubric: z.array(z.string().min(10).max(600)).min(1).optional(),
});

export type ChangeEntry = z.infer<typeof changeSchema>;
