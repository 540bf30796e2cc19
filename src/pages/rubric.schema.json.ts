import type { APIRoute } from 'astro';
import { rubricJsonSchema } from '../content/rubric-document';
import { absoluteUrl, routes } from '../data/paths';

/** The JSON Schema of /rubric.json, generated from the same zod schemas that validate the content. */
export const GET: APIRoute = ({ site: origin }) =>
  new Response(`${JSON.stringify(rubricJsonSchema(absoluteUrl(routes.rubricSchema(), origin)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
