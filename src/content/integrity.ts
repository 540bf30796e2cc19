/**
 * Cross-references between collections, which zod cannot see file by file:
 * an evidence item naming a lab that does not exist, two items for one event
 * (the same first source), a reading citing evidence about another cell or
 * leaving out an item that bears on its own, a missing reading. Pure, so vitest checks it with fixtures;
 * the build calls it once and fails with every problem listed, each naming the
 * file and the field.
 */

/** The part of each entry the checks need: its id, the file it came from and its data. */
import { cellBearings, evidenceKey, type EvidenceRef } from '../rubric/scoring';
import { splitItemIds } from '../data/format';

export interface Entry<T> {
  readonly id: string;
  readonly filePath?: string | undefined;
  readonly data: T;
}

export interface IntegrityInput {
  readonly labs: readonly Entry<{ key: string; name?: string }>[];
  readonly analogies: readonly Entry<{ key: string; levels?: readonly string[] }>[];
  readonly evidence: readonly Entry<EvidenceData>[];
  readonly readings: readonly Entry<{ cells: Readonly<Record<string, { evidence: readonly string[] }>> }>[];
  readonly essay: readonly Entry<{ analogy?: string | undefined }>[];
}

/** What the checks read of an evidence item. */
export interface EvidenceData extends EvidenceRef {
  readonly aliases?: readonly string[] | undefined;
  readonly sources: readonly { readonly url: string }[];
  readonly checkNote?: string | undefined;
  readonly mentions?: readonly string[] | undefined;
}

/**
 * Names a level descriptor must not contain, besides every lab's name: products, people and
 * lab-specific events. A descriptor written around one case scores that case, not the analogy.
 * Matched as whole words, case-sensitively, so that ordinary words ("meta-analysis") pass.
 */
export const NAMES_NOT_IN_DESCRIPTORS = [
  // Labs and parent companies under other names.
  'Google',
  'DeepMind',
  'Alphabet',
  'Facebook',
  'xAI',
  'DeepSeek',
  'Mistral',
  'Amazon',
  'Nvidia',
  // Products and models.
  'ChatGPT',
  'GPT',
  'Claude',
  'Gemini',
  'Gemma',
  'Bard',
  'Llama',
  'Copilot',
  'Bing',
  'Sydney',
  'Grok',
  'Sora',
  'Azure',
  'Stargate',
  'LMArena',
  // People.
  'Altman',
  'Amodei',
  'Hassabis',
  'Zuckerberg',
  'Musk',
  'Nadella',
  'Sutskever',
  'Toner',
  'Pichai',
  'Suleyman',
  // Bodies and instruments tied to one lab's story.
  'Long-Term Benefit Trust',
  'Preparedness Framework',
  'Responsible Scaling Policy',
  'Frontier Safety Framework',
  'Deployment Safety Board',
  'WilmerHale',
  'Super Bowl',
] as const;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sections every essay has besides one per analogy. */
export const FIXED_SECTIONS = ['introduction', 'disanalogies', 'conclusion'] as const;

const where = (entry: Entry<unknown>, collection: string, ext: string) =>
  entry.filePath ?? `content/${collection}/${entry.id}.${ext}`;

const list = (ids: Iterable<string>) => [...ids].map((id) => `"${id}"`).join(', ');

/** Every cross-reference problem in the content, as messages naming file and field; empty when all is well. */
export function findIntegrityProblems(input: IntegrityInput): string[] {
  const problems: string[] = [];
  const labIds = new Set(input.labs.map((l) => l.id));
  const analogyIds = new Set(input.analogies.map((a) => a.id));
  const evidenceById = new Map(input.evidence.map((e) => [e.id, e]));

  for (const [collection, entries] of [
    ['labs', input.labs],
    ['analogies', input.analogies],
  ] as const) {
    const seen = new Map<string, string>();
    for (const entry of entries) {
      const other = seen.get(entry.data.key);
      if (other !== undefined) {
        problems.push(
          `${where(entry, collection, 'yaml')}: field "key": "${entry.data.key}" is already the key of "${other}"; share keys must be unique`,
        );
      }
      seen.set(entry.data.key, entry.id);
    }
  }

  const aliasOwner = new Map<string, string>();
  const firstSourceOwner = new Map<string, string>();
  /** The items bearing on each cell, keyed by evidenceKey(lab, analogy). */
  const bearingOn = new Map<string, string[]>();
  // Descriptors are general: no lab, product, person or lab-specific event named in any of them.
  const forbidden = [...input.labs.flatMap((l) => [l.data.name ?? '', l.id]), ...NAMES_NOT_IN_DESCRIPTORS]
    .filter((name) => name.length > 1)
    .map((name) => ({ name, pattern: new RegExp(`(?<![\\w-])${escapeRegExp(name)}(?![\\w-])`) }));
  for (const analogy of input.analogies) {
    analogy.data.levels?.forEach((text, level) => {
      for (const { name, pattern } of forbidden) {
        if (pattern.test(text)) {
          problems.push(
            `${where(analogy, 'analogies', 'yaml')}: field "levels[${level}]": names "${name}"; a level descriptor must be general (no lab, product, person or lab-specific event)`,
          );
        }
      }
    });
  }

  for (const item of input.evidence) {
    const file = where(item, 'evidence', 'yaml');
    item.data.labs.forEach((lab, i) => {
      if (!labIds.has(lab)) {
        problems.push(
          `${file}: field "labs[${i}]": evidence "${item.id}" names lab "${lab}", which does not exist (labs: ${list(labIds)})`,
        );
      }
    });
    item.data.mentions?.forEach((lab, i) => {
      if (!labIds.has(lab) || item.data.labs.includes(lab)) {
        problems.push(
          `${file}: field "mentions[${i}]": "${lab}" ${labIds.has(lab) ? "is among the item's labs; a lab it bears on is not only mentioned" : `is not a lab (labs: ${list(labIds)})`}`,
        );
      }
    });
    item.data.bears.forEach((bearing, i) => {
      if (!analogyIds.has(bearing.analogy)) {
        problems.push(
          `${file}: field "bears[${i}].analogy": evidence "${item.id}" names analogy "${bearing.analogy}", which does not exist (analogies: ${list(analogyIds)})`,
        );
      }
      bearing.labs?.forEach((lab, j) => {
        if (!item.data.labs.includes(lab)) {
          problems.push(
            `${file}: field "bears[${i}].labs[${j}]": lab "${lab}" is not among the item's labs (${list(item.data.labs)})`,
          );
        }
      });
    });
    item.data.aliases?.forEach((alias, i) => {
      const owner = evidenceById.has(alias) ? alias : aliasOwner.get(alias);
      if (owner !== undefined) {
        problems.push(
          `${file}: field "aliases[${i}]": "${alias}" is already ${owner === alias ? 'an evidence id' : `an alias of "${owner}"`}; an anchor can point to one item only`,
        );
      }
      aliasOwner.set(alias, item.id);
    });
    for (const { lab, analogy } of cellBearings(item.data)) {
      const key = evidenceKey(lab, analogy);
      bearingOn.set(key, [...(bearingOn.get(key) ?? []), item.id]);
    }
  }

  // Notes name other items by id, and the pages link each id (splitItemIds finds them by their
  // closing year): every id must end in a year, and every id a note names must exist.
  for (const item of input.evidence) {
    const file = where(item, 'evidence', 'yaml');
    [item.id, ...(item.data.aliases ?? [])].forEach((id, i) => {
      if (!/-(19|20)\d\d$/.test(id)) {
        problems.push(
          `${i === 0 ? file : `${file}: field "aliases[${i - 1}]"`}: evidence id "${id}" must end in the year of the event, e.g. "${id}-2025"`,
        );
      }
    });
    for (const part of splitItemIds(item.data.checkNote ?? '')) {
      if (typeof part === 'string' || evidenceById.has(part.id) || aliasOwner.has(part.id)) continue;
      problems.push(
        `${file}: field "checkNote": names evidence "${part.id}", which does not exist; name an item by its id (the file name)`,
      );
    }
  }

  // One item per event: two items opening with the same source are almost always one event counted
  // twice. Sorted by id so that the same file is blamed whatever order the loader gives.
  for (const item of [...input.evidence].sort((a, b) => a.id.localeCompare(b.id))) {
    const firstUrl = item.data.sources[0]?.url;
    if (firstUrl === undefined) continue;
    const other = firstSourceOwner.get(firstUrl);
    if (other !== undefined) {
      problems.push(
        `${where(item, 'evidence', 'yaml')}: field "sources[0].url": evidence "${other}" already opens with ${firstUrl}; merge the two into one item (keep the other id in "aliases")`,
      );
    }
    firstSourceOwner.set(firstUrl, item.id);
  }

  const readingsByAnalogy = new Map(input.readings.map((r) => [r.id, r]));
  for (const reading of input.readings) {
    const file = where(reading, 'readings', 'yaml');
    if (!analogyIds.has(reading.id)) {
      problems.push(
        `${file}: the file name must be an analogy slug; "${reading.id}" is not one (analogies: ${list(analogyIds)})`,
      );
      continue;
    }
    for (const [lab, cell] of Object.entries(reading.data.cells)) {
      if (!labIds.has(lab)) {
        problems.push(`${file}: field "cells.${lab}": lab "${lab}" does not exist (labs: ${list(labIds)})`);
      }
      cell.evidence.forEach((id, i) => {
        const item = evidenceById.get(id);
        if (item === undefined) {
          const owner = aliasOwner.get(id);
          problems.push(
            `${file}: field "cells.${lab}.evidence[${i}]": evidence "${id}" does not exist${owner === undefined ? '' : ` (it was merged into "${owner}"; cite that)`}`,
          );
        } else if (!cellBearings(item.data).some((b) => b.lab === lab && b.analogy === reading.id)) {
          const bears = item.data.bears.map((b) => `"${b.analogy}"`).join(', ');
          problems.push(
            `${file}: field "cells.${lab}.evidence[${i}]": evidence "${id}" concerns ${list(item.data.labs)} on ${bears}, not "${lab}" on "${reading.id}"`,
          );
        }
      });
      // No cherry-picking: a reading rests on every item that bears on its cell, both ways.
      const uncited = (bearingOn.get(evidenceKey(lab, reading.id)) ?? []).filter(
        (id) => !cell.evidence.includes(id),
      );
      if (uncited.length > 0) {
        problems.push(
          `${file}: field "cells.${lab}.evidence": ${list(uncited)} bear(s) on ${lab} x ${reading.id} but the reading does not cite them; a reading cites every item bearing on its cell`,
        );
      }
    }
  }
  for (const analogy of analogyIds) {
    const reading = readingsByAnalogy.get(analogy);
    for (const lab of labIds) {
      if (reading === undefined || !(lab in reading.data.cells)) {
        problems.push(
          `content/readings/${analogy}.yaml: field "cells.${lab}": every lab needs a reading on every analogy; this one is missing`,
        );
      }
    }
  }

  const sectionIds = new Set(input.essay.map((s) => s.id));
  for (const section of input.essay) {
    const analogy = section.data.analogy;
    if (analogy !== undefined && (analogy !== section.id || !analogyIds.has(analogy))) {
      problems.push(
        `${where(section, 'essay', 'mdx')}: field "analogy": "${analogy}" must be an analogy slug and match the file name "${section.id}"`,
      );
    }
  }
  for (const id of [...FIXED_SECTIONS, ...analogyIds]) {
    if (!sectionIds.has(id)) problems.push(`content/essay/${id}.mdx: this essay section is missing`);
  }
  return problems;
}
