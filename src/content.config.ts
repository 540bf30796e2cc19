import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { changeSchema } from './content/change-schema';
import { analogySchema, essaySchema, evidenceSchema, labSchema, readingsSchema } from './content/schemas';

/** Where each collection's files live, relative to the project root. */
export const contentPaths = {
  essay: './content/essay',
  analogies: './content/analogies',
  labs: './content/labs',
  evidence: './content/evidence',
  readings: './content/readings',
  changes: './content/changes',
} as const;

const yamlIn = (base: string) => glob({ pattern: '*.yaml', base });

export const collections = {
  essay: defineCollection({
    loader: glob({ pattern: '*.mdx', base: contentPaths.essay }),
    schema: essaySchema,
  }),
  analogies: defineCollection({ loader: yamlIn(contentPaths.analogies), schema: analogySchema }),
  labs: defineCollection({ loader: yamlIn(contentPaths.labs), schema: labSchema }),
  evidence: defineCollection({ loader: yamlIn(contentPaths.evidence), schema: evidenceSchema }),
  readings: defineCollection({ loader: yamlIn(contentPaths.readings), schema: readingsSchema }),
  changes: defineCollection({ loader: yamlIn(contentPaths.changes), schema: changeSchema }),
};
