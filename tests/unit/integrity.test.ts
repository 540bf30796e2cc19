import { describe, expect, it } from 'vitest';
import { findIntegrityProblems, type EvidenceData, type IntegrityInput } from '../../src/content/integrity';

let sourceCount = 0;

/** An evidence item supporting one analogy for the given labs, opening with a source of its own. */
function item(labs: string[], analogy: string): EvidenceData {
  sourceCount += 1;
  return {
    labs,
    bears: [{ analogy, direction: 'supports' }],
    sources: [{ url: `https://example.com/source-${sourceCount}` }],
  };
}

/** A small, consistent content set: two labs, two analogies, every reading present and well cited. */
function goodInput(): IntegrityInput {
  return {
    labs: [
      { id: 'openai', data: { key: 'oa' } },
      { id: 'meta', data: { key: 'me' } },
    ],
    analogies: [
      { id: 'opacity', data: { key: 'op' } },
      { id: 'deception', data: { key: 'de' } },
    ],
    evidence: [
      { id: 'openai-nda-2024', data: item(['openai'], 'opacity') },
      { id: 'meta-libgen-2025', data: item(['meta'], 'opacity') },
      { id: 'shared-deception-2024', data: item(['openai', 'meta'], 'deception') },
    ],
    readings: [
      {
        id: 'opacity',
        data: {
          cells: { openai: { evidence: ['openai-nda-2024'] }, meta: { evidence: ['meta-libgen-2025'] } },
        },
      },
      {
        id: 'deception',
        data: {
          cells: {
            openai: { evidence: ['shared-deception-2024'] },
            meta: { evidence: ['shared-deception-2024'] },
          },
        },
      },
    ],
    essay: [
      { id: 'introduction', data: {} },
      { id: 'opacity', data: { analogy: 'opacity' } },
      { id: 'deception', data: { analogy: 'deception' } },
      { id: 'disanalogies', data: {} },
      { id: 'conclusion', data: {} },
    ],
  };
}

/** `input` with one reading cell citing `evidence` instead, every other cell as it was. */
function citing(input: IntegrityInput, analogy: string, lab: string, evidence: string[]): IntegrityInput {
  return {
    ...input,
    readings: input.readings.map((r) =>
      r.id === analogy ? { ...r, data: { cells: { ...r.data.cells, [lab]: { evidence } } } } : r,
    ),
  };
}

describe('findIntegrityProblems', () => {
  it('finds nothing wrong in consistent content', () => {
    expect(findIntegrityProblems(goodInput())).toEqual([]);
  });

  it('reports evidence naming an unknown lab, with the file, the field labs[i] and both names', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      evidence: [...input.evidence, { id: 'typo-2024', data: item(['meta', 'openia'], 'opacity') }],
    });
    // Meta's reading does not cite the new item either; only the lab problem concerns this test.
    const labProblems = problems.filter((p) => p.includes('field "labs['));
    expect(labProblems).toHaveLength(1);
    const [problem = ''] = labProblems;
    expect(problem).toContain('content/evidence/typo-2024.yaml');
    expect(problem).toContain('labs[1]');
    expect(problem).toContain('"openia"');
    expect(problem).toContain('"typo-2024"');
  });

  it("names the entry's own filePath when the loader gives one", () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      evidence: [
        ...input.evidence,
        {
          id: 'typo-2024',
          filePath: 'content/evidence/typo-2024-renamed.yaml',
          data: item(['openia'], 'opacity'),
        },
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/evidence\/typo-2024-renamed\.yaml: field "labs\[0\]"/);
  });

  it('reports evidence naming an unknown analogy', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      evidence: [...input.evidence, { id: 'wrong-analogy-2024', data: item(['openai'], 'opacty') }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/evidence/wrong-analogy-2024.yaml');
    expect(problems[0]).toContain('field "bears[0].analogy"');
    expect(problems[0]).toContain('"opacty"');
  });

  it('reports a reading that cites evidence about another lab', () => {
    const problems = findIntegrityProblems(
      citing(goodInput(), 'opacity', 'openai', ['openai-nda-2024', 'meta-libgen-2025']),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/readings/opacity.yaml');
    expect(problems[0]).toContain('cells.openai.evidence[1]');
    expect(problems[0]).toContain('"meta-libgen-2025"');
    expect(problems[0]).toContain('"meta"');
  });

  it('reports a reading that cites evidence about the right lab but another analogy', () => {
    const problems = findIntegrityProblems(
      citing(goodInput(), 'deception', 'openai', ['shared-deception-2024', 'openai-nda-2024']),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/readings/deception.yaml');
    expect(problems[0]).toContain('cells.openai.evidence[1]');
    expect(problems[0]).toContain('"opacity"');
  });

  it('reports a reading that cites a missing evidence id', () => {
    const problems = findIntegrityProblems(
      citing(goodInput(), 'deception', 'openai', ['shared-deception-2024', 'no-such-item']),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/readings/deception.yaml');
    expect(problems[0]).toContain('cells.openai.evidence[1]');
    expect(problems[0]).toContain('"no-such-item" does not exist');
  });

  it('reports a missing reading cell, naming the readings file and cells.<lab>', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      readings: [
        input.readings[0]!,
        { id: 'deception', data: { cells: { openai: { evidence: ['shared-deception-2024'] } } } },
      ],
    });
    expect(problems).toEqual([
      'content/readings/deception.yaml: field "cells.meta": every lab needs a reading on every analogy; this one is missing',
    ]);
  });

  it('reports a whole readings file missing, one problem per lab', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({ ...input, readings: [input.readings[0]!] });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith('content/readings/deception.yaml'))).toBe(true);
    expect(problems.some((p) => p.includes('cells.openai'))).toBe(true);
    expect(problems.some((p) => p.includes('cells.meta'))).toBe(true);
  });

  it('reports a reading for a lab that does not exist', () => {
    const problems = findIntegrityProblems(citing(goodInput(), 'opacity', 'xai', []));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/readings/opacity.yaml');
    expect(problems[0]).toContain('cells.xai');
  });

  it('reports a readings file whose name is not an analogy', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      readings: [...input.readings, { id: 'opaqueness', data: { cells: {} } }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/readings/opaqueness.yaml');
    expect(problems[0]).toContain('"opaqueness"');
  });

  it('reports duplicate share keys among labs, naming the field key and both entries', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      labs: [...input.labs, { id: 'mistral', data: { key: 'me' } }],
    });
    // The new lab also lacks readings; only the key problem concerns this test.
    const keyProblems = problems.filter((p) => p.includes('field "key"'));
    expect(keyProblems).toHaveLength(1);
    expect(keyProblems[0]).toContain('content/labs/mistral.yaml');
    expect(keyProblems[0]).toContain('"me"');
    expect(keyProblems[0]).toContain('"meta"');
  });

  it('reports duplicate share keys among analogies', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      analogies: [input.analogies[0]!, { id: 'deception', data: { key: 'op' } }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/analogies/deception.yaml');
    expect(problems[0]).toContain('field "key"');
    expect(problems[0]).toContain('"opacity"');
  });

  it('allows a lab and an analogy to share a key, since they are different namespaces', () => {
    const input = goodInput();
    expect(
      findIntegrityProblems({ ...input, labs: [input.labs[0]!, { id: 'meta', data: { key: 'op' } }] }),
    ).toEqual([]);
  });

  it('reports a missing essay section, fixed or per analogy', () => {
    const input = goodInput();
    expect(
      findIntegrityProblems({ ...input, essay: input.essay.filter((s) => s.id !== 'conclusion') }),
    ).toEqual(['content/essay/conclusion.mdx: this essay section is missing']);
    expect(
      findIntegrityProblems({ ...input, essay: input.essay.filter((s) => s.id !== 'deception') }),
    ).toEqual(['content/essay/deception.mdx: this essay section is missing']);
  });

  it('reports an essay section whose analogy field does not match its file name', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      essay: input.essay.map((s) =>
        s.id === 'deception' ? { id: 'deception', data: { analogy: 'opacity' } } : s,
      ),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/essay/deception.mdx');
    expect(problems[0]).toContain('field "analogy"');
    expect(problems[0]).toContain('"opacity"');
    expect(problems[0]).toContain('"deception"');
  });

  it('reports an essay section naming an analogy that does not exist', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      essay: [...input.essay, { id: 'sycophancy', data: { analogy: 'sycophancy' } }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/essay/sycophancy.mdx');
    expect(problems[0]).toContain('field "analogy"');
  });

  it('lists every problem at once rather than stopping at the first', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      evidence: [...input.evidence, { id: 'bad-2024', data: item(['openia'], 'opacty') }],
      essay: input.essay.filter((s) => s.id !== 'introduction'),
    });
    expect(problems).toHaveLength(3);
  });

  it('reports a reading that leaves out an item bearing on its cell, in either direction', () => {
    const input = goodInput();
    const problems = findIntegrityProblems({
      ...input,
      evidence: [
        ...input.evidence,
        {
          id: 'openai-card-2025',
          data: { ...item(['openai'], 'opacity'), bears: [{ analogy: 'opacity', direction: 'weakens' }] },
        },
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/readings/opacity.yaml');
    expect(problems[0]).toContain('field "cells.openai.evidence"');
    expect(problems[0]).toContain('"openai-card-2025"');
  });

  it('reports two items opening with the same source, naming both', () => {
    const input = goodInput();
    const twin = input.evidence[0]!;
    const problems = findIntegrityProblems({
      ...citing(input, 'opacity', 'openai', ['openai-nda-2024', 'openai-nda-twin-2024']),
      evidence: [...input.evidence, { id: 'openai-nda-twin-2024', data: { ...twin.data } }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('content/evidence/openai-nda-twin-2024.yaml: field "sources[0].url"');
    expect(problems[0]).toContain('"openai-nda-2024"');
  });

  it('counts a bearing narrowed to some labs only for them, and reports a narrowing to a lab the item does not name', () => {
    const input = goodInput();
    const narrowed: EvidenceData = {
      ...item(['openai', 'meta'], 'deception'),
      bears: [{ analogy: 'deception', direction: 'weakens', labs: ['openai'] }],
    };
    expect(
      findIntegrityProblems({
        ...citing(input, 'deception', 'openai', ['shared-deception-2024', 'narrowed-2025']),
        evidence: [...input.evidence, { id: 'narrowed-2025', data: narrowed }],
      }),
    ).toEqual([]);
    const wrong: EvidenceData = {
      ...narrowed,
      bears: [{ analogy: 'deception', direction: 'weakens', labs: ['anthropic'] }],
    };
    const problems = findIntegrityProblems({
      ...input,
      evidence: [...input.evidence, { id: 'narrowed-2025', data: wrong }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('field "bears[0].labs[0]"');
  });

  it('requires every evidence id and alias to end in a year, and every id a check note names to exist', () => {
    const input = goodInput();
    const first = input.evidence[0]!;
    const withFirst = (id: string, data: Partial<EvidenceData>) => ({
      ...input,
      evidence: [{ id, data: { ...first.data, ...data } }, ...input.evidence.slice(1)],
      readings: input.readings.map((r) =>
        r.id === 'opacity' ? { ...r, data: { cells: { ...r.data.cells, openai: { evidence: [id] } } } } : r,
      ),
    });
    expect(
      findIntegrityProblems(
        withFirst('openai-nda-2024', {
          checkNote: 'See meta-libgen-2025 and openai-nda-old-2024.',
          aliases: ['openai-nda-old-2024'],
        }),
      ),
    ).toEqual([]);
    const undated = findIntegrityProblems(withFirst('openai-nda', { aliases: ['openai-nda-old'] }));
    expect(undated).toEqual([
      'content/evidence/openai-nda.yaml: evidence id "openai-nda" must end in the year of the event, e.g. "openai-nda-2025"',
      'content/evidence/openai-nda.yaml: field "aliases[0]": evidence id "openai-nda-old" must end in the year of the event, e.g. "openai-nda-old-2025"',
    ]);
    const unknown = findIntegrityProblems(
      withFirst('openai-nda-2024', { checkNote: 'The quarter is meta-libgen-2026.' }),
    );
    expect(unknown).toEqual([
      'content/evidence/openai-nda-2024.yaml: field "checkNote": names evidence "meta-libgen-2026", which does not exist; name an item by its id (the file name)',
    ]);
  });

  it('a lab an item mentions must exist and not be among the labs it bears on', () => {
    const input = goodInput();
    const withMentions = (mentions: string[]) => ({
      ...input,
      evidence: [
        { ...input.evidence[0]!, data: { ...input.evidence[0]!.data, mentions } },
        ...input.evidence.slice(1),
      ],
    });
    expect(findIntegrityProblems(withMentions(['meta']))).toEqual([]);
    expect(findIntegrityProblems(withMentions(['openai']))).toEqual([
      'content/evidence/openai-nda-2024.yaml: field "mentions[0]": "openai" is among the item\'s labs; a lab it bears on is not only mentioned',
    ]);
    expect(findIntegrityProblems(withMentions(['mistral']))[0]).toContain(
      'field "mentions[0]": "mistral" is not a lab',
    );
  });

  it('keeps merged-away ids unique: an alias may not be another item or alias, and a reading must cite the survivor', () => {
    const input = goodInput();
    const withAlias = (aliases: string[]) => ({
      ...input,
      evidence: [
        { ...input.evidence[0]!, data: { ...input.evidence[0]!.data, aliases } },
        ...input.evidence.slice(1),
      ],
    });
    expect(findIntegrityProblems(withAlias(['openai-nda-old-2024']))).toEqual([]);
    const clash = findIntegrityProblems(withAlias(['meta-libgen-2025']));
    expect(clash).toHaveLength(1);
    expect(clash[0]).toContain('field "aliases[0]"');
    const cited = findIntegrityProblems(
      citing(withAlias(['openai-nda-old-2024']), 'opacity', 'openai', [
        'openai-nda-2024',
        'openai-nda-old-2024',
      ]),
    );
    expect(cited).toHaveLength(1);
    expect(cited[0]).toContain('merged into "openai-nda-2024"');
  });

  it('reports a level descriptor that names a lab, a product or a person, naming the level', () => {
    const input = goodInput();
    const withLevels = (levels: string[]) => ({
      ...input,
      labs: input.labs.map((l) => ({ ...l, data: { ...l.data, name: l.id === 'meta' ? 'Meta' : 'OpenAI' } })),
      analogies: [{ ...input.analogies[0]!, data: { key: 'op', levels } }, input.analogies[1]!],
    });
    const general = [
      'None documented: nothing found.',
      'Mostly open: cards published with each release; meta-analyses welcome.',
      'Selective: one late disclosure.',
      'Dark grey: repeated late disclosures.',
      'Black box: systematic concealment.',
    ];
    expect(findIntegrityProblems(withLevels(general))).toEqual([]);
    const problems = findIntegrityProblems(
      withLevels([
        ...general.slice(0, 2),
        'Selective: as when Meta tuned a Llama variant for a leaderboard.',
        ...general.slice(3),
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => p.startsWith('content/analogies/opacity.yaml: field "levels[2]"'))).toBe(
      true,
    );
    expect(problems.join('\n')).toContain('"Meta"');
    expect(problems.join('\n')).toContain('"Llama"');
  });
});
