/**
 * Cross-references between collections, which zod cannot see file by file:
 * an evidence item naming a lab that does not exist, a reading citing evidence
 * about another lab, a missing reading. Pure, so vitest checks it with fixtures;
 * the build calls it once and fails with every problem listed, each naming the
 * file and the field.
 */

/** The part of each entry the checks need: its id, the file it came from and its data. */
export interface Entry<T> {
  readonly id: string;
  readonly filePath?: string | undefined;
  readonly data: T;
}

export interface IntegrityInput {
  readonly labs: readonly Entry<{ key: string }>[];
  readonly analogies: readonly Entry<{ key: string }>[];
  readonly evidence: readonly Entry<{ labs: readonly string[]; analogy: string }>[];
  readonly readings: readonly Entry<{ cells: Readonly<Record<string, { evidence: readonly string[] }>> }>[];
  readonly essay: readonly Entry<{ analogy?: string | undefined }>[];
}

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

  for (const item of input.evidence) {
    const file = where(item, 'evidence', 'yaml');
    item.data.labs.forEach((lab, i) => {
      if (!labIds.has(lab)) {
        problems.push(
          `${file}: field "labs[${i}]": evidence "${item.id}" names lab "${lab}", which does not exist (labs: ${list(labIds)})`,
        );
      }
    });
    if (!analogyIds.has(item.data.analogy)) {
      problems.push(
        `${file}: field "analogy": evidence "${item.id}" names analogy "${item.data.analogy}", which does not exist (analogies: ${list(analogyIds)})`,
      );
    }
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
          problems.push(`${file}: field "cells.${lab}.evidence[${i}]": evidence "${id}" does not exist`);
        } else if (item.data.analogy !== reading.id || !item.data.labs.includes(lab)) {
          problems.push(
            `${file}: field "cells.${lab}.evidence[${i}]": evidence "${id}" concerns ${list(item.data.labs)} on "${item.data.analogy}", not "${lab}" on "${reading.id}"`,
          );
        }
      });
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
