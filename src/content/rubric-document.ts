import { z } from 'astro/zod';
import {
  analogySchema,
  evidenceSchema,
  labSchema,
  level,
  partialDate,
  readingsSchema,
  slug,
} from './schemas';
import { LEVELS } from '../rubric/types';
import { SITE_NAME } from '../data/paths';

/** A day, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** One reference reading as rubric.json carries it: the reading of one cell, with the cell named. */
const referenceSchema = readingsSchema.shape.cells.valueType.extend({
  /** The lab, by slug. */
  lab: slug,
  /** The analogy, by slug. */
  analogy: slug,
});

/**
 * The shape of /rubric.json, built from the content schemas so that the two cannot drift:
 * the build parses the document with it, and /rubric.schema.json is generated from it.
 */
export const rubricDocumentSchema = z
  .strictObject({
    /** The address of this document's JSON Schema (/rubric.schema.json). */
    $schema: z.url(),
    /** Within a version the shape only gains fields. */
    schemaVersion: z.literal(2),
    /** The licence of the rubric, summaries and readings. */
    license: z.string().min(10),
    /** The day the essay last changed in substance. */
    generated: day,
    /** The date of the newest evidence item. */
    evidenceReaches: partialDate.optional(),
    /** The day the evidence base was last checked. */
    evidenceCheckedOn: day.optional(),
    /** The site's home page. */
    homepage: z.url(),
    /** The post the site analyses. */
    source: z.strictObject({
      title: z.string(),
      url: z.url(),
      site: z.string(),
      author: z.string().optional(),
      published: z.string().optional(),
    }),
    /** The shared labels of the 0-4 scale. */
    scale: z.array(z.strictObject({ level, label: z.string() })).length(LEVELS.length),
    /** The analogies in their fixed order. */
    analogies: z.array(analogySchema.omit({ order: true, thesis: true }).extend({ id: slug })),
    /** The labs, in display order. */
    labs: z.array(labSchema.pick({ key: true, name: true, alsoCalled: true }).extend({ id: slug })),
    /** Every evidence item, newest first. */
    evidence: z.array(z.strictObject({ id: slug, ...evidenceSchema.shape })),
    /** The site's reading of every lab on every analogy. */
    reference: z.array(referenceSchema),
  })
  .meta({
    title: `${SITE_NAME}: rubric, evidence and reference readings`,
    description: 'The open data behind the site, as published at /rubric.json.',
  });

export type RubricDocument = z.infer<typeof rubricDocumentSchema>;

/** The JSON Schema of /rubric.json (draft 2020-12), as zod 4 writes it. */
export function rubricJsonSchema(id: string): Record<string, unknown> {
  return { ...z.toJSONSchema(rubricDocumentSchema, { target: 'draft-2020-12', io: 'output' }), $id: id };
}
