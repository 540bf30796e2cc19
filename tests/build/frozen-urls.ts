/**
 * The public URL list is a contract: people link to these. Changing this list
 * means breaking links, so a renamed page needs a redirect page too.
 */
export const FROZEN_PAGES = [
  '/',
  '/404.html',
  '/analogies/',
  '/analogies/constraint-subversion/',
  '/analogies/deception/',
  '/analogies/incorrigibility/',
  '/analogies/misaligned-incentives/',
  '/analogies/opacity/',
  '/analogies/power-seeking/',
  '/essay/',
  '/labs/',
  '/labs/anthropic/',
  '/labs/google-deepmind/',
  '/labs/meta/',
  '/labs/microsoft/',
  '/labs/openai/',
  '/method/',
  '/panel/',
  '/scorecard/',
];

export const FROZEN_FILES = ['/rubric.json', '/robots.txt', '/sitemap-index.xml', '/favicon.svg'];

export const ANALOGY_SLUGS = [
  'misaligned-incentives',
  'power-seeking',
  'opacity',
  'deception',
  'incorrigibility',
  'constraint-subversion',
];
export const ESSAY_SECTION_IDS = ['introduction', ...ANALOGY_SLUGS, 'disanalogies', 'conclusion'];
export const LAB_SLUGS = ['openai', 'anthropic', 'google-deepmind', 'meta', 'microsoft'];
