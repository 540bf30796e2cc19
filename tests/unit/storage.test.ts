import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  emptyScorecard,
  getCell,
  setConfidence,
  setLevel,
  setNote,
  setWeight,
} from '../../src/rubric/scorecard';
import { STORAGE_KEY, openStore, setAside } from '../../src/rubric/storage';
import type { StoredDoc } from '../../src/rubric/stored-card';
import { mergeStored, recordScorecard, toScorecard } from '../../src/rubric/stored-merge';
import { loadStored, migrations, type LoadResult } from '../../src/rubric/stored-versions';
import type { Scorecard } from '../../src/rubric/types';
import { arbitraryCard } from './fixtures/arbitraries';
import { frame } from './fixtures/frame';
import { FailingStorage, MemoryStorage } from './fixtures/memory-storage';

const STATUSES = ['empty', 'ok', 'migrated', 'corrupt', 'newer'];

function clock(start = 1_700_000_000_000): () => number {
  let time = start;
  return () => (time += 1000);
}

function docOf(result: LoadResult): StoredDoc {
  if (result.status !== 'ok' && result.status !== 'migrated')
    throw new Error(`expected a document, got ${result.status}`);
  return result.doc;
}

function read(store: ReturnType<typeof openStore>): Scorecard {
  const result = store.read();
  if (!result.ok) throw new Error(result.message);
  return result.card;
}

function setAsideKeys(storage: MemoryStorage): string[] {
  return storage.keys().filter((key) => key.startsWith(`${STORAGE_KEY}.set-aside.`));
}

describe('loadStored', () => {
  it('treats nothing stored as empty', () => {
    expect(loadStored(null)).toEqual({ status: 'empty' });
    expect(loadStored('')).toEqual({ status: 'empty' });
  });

  it('reads back what recordScorecard wrote', () => {
    const card = setNote(
      setLevel(emptyScorecard(), 'openai', 'opacity', 3),
      'openai',
      'opacity',
      'thin model cards',
    );
    const doc = recordScorecard(null, setWeight(card, 'deception', 3), 1000);
    const loaded = loadStored(JSON.stringify(doc));
    expect(loaded).toEqual({ status: 'ok', doc });
    expect(toScorecard(docOf(loaded))).toEqual(setWeight(card, 'deception', 3));
  });

  it('calls text that is not JSON corrupt, with a reason', () => {
    expect(loadStored('{"schemaVersion":1,')).toEqual({ status: 'corrupt', reason: 'it is not valid JSON' });
  });

  it('names where a document breaks the schema', () => {
    const doc = recordScorecard(null, setLevel(emptyScorecard(), 'openai', 'opacity', 3), 1000);
    const broken = JSON.parse(JSON.stringify(doc)) as {
      card: { cells: { openai: { opacity: { level: number } } } };
    };
    broken.card.cells.openai.opacity.level = 9;
    const result = loadStored(JSON.stringify(broken));
    expect(result.status).toBe('corrupt');
    if (result.status === 'corrupt') expect(result.reason).toContain('card.cells.openai.opacity.level');
  });

  it('names the field for every kind of bad value in a stored card', () => {
    const good = recordScorecard(
      null,
      setWeight(
        setConfidence(setLevel(emptyScorecard(), 'openai', 'opacity', 3), 'openai', 'opacity', 'high'),
        'deception',
        2,
      ),
      1000,
    );
    const cases: [string, (doc: any) => void][] = [
      ['card.cells.openai.opacity.level', (d) => (d.card.cells.openai.opacity.level = '3')],
      ['card.cells.openai.opacity.confidence', (d) => (d.card.cells.openai.opacity.confidence = 'certain')],
      ['card.cells.openai.opacity.note', (d) => (d.card.cells.openai.opacity.note = 42)],
      ['card.cells.openai.opacity.at', (d) => (d.card.cells.openai.opacity.at = -1)],
      ['card.cells.openai.opacity', (d) => (d.card.cells.openai.opacity = [3])],
      ['card.cells.openai', (d) => (d.card.cells.openai = 'x')],
      ['card.cells', (d) => delete d.card.cells],
      ['card.weights.deception.w', (d) => (d.card.weights.deception.w = 4)],
      ['card.weights.deception.at', (d) => (d.card.weights.deception.at = 'now')],
      ['savedAt', (d) => (d.savedAt = 0)],
    ];
    for (const [path, breakIt] of cases) {
      const doc = JSON.parse(JSON.stringify(good));
      breakIt(doc);
      const result = loadStored(JSON.stringify(doc));
      expect(result, path).toEqual({
        status: 'corrupt',
        reason: `the value at "${path}" is not what this site saves`,
      });
    }
  });

  it('calls JSON that is not a scorecard corrupt', () => {
    for (const raw of [
      '42',
      '"text"',
      '[1,2]',
      'null',
      '{"hello":"world"}',
      '{"schemaVersion":"1"}',
      '{"schemaVersion":1.5}',
    ]) {
      expect(loadStored(raw).status, raw).toBe('corrupt');
    }
  });

  it('recognises a document from a newer version', () => {
    expect(loadStored('{"schemaVersion":2,"anything":true}')).toEqual({ status: 'newer', version: 2 });
  });

  it('migrates the first prototype’s bare levels', () => {
    const raw = JSON.stringify({
      cells: { openai: { opacity: 3, deception: 0 }, meta: { 'power-seeking': 4 } },
    });
    const result = loadStored(raw);
    expect(result.status).toBe('migrated');
    if (result.status === 'migrated') expect(result.from).toBe(0);
    let expected = setLevel(emptyScorecard(), 'openai', 'opacity', 3);
    expected = setLevel(expected, 'openai', 'deception', 0);
    expected = setLevel(expected, 'meta', 'power-seeking', 4);
    expect(toScorecard(docOf(result))).toEqual(expected);
  });

  it('stamps migrated prototype cells with time zero, so any later change wins', () => {
    const migrated = migrations[0]?.({ cells: { openai: { opacity: 3 } } });
    expect(migrated).toMatchObject({
      schemaVersion: 1,
      card: { cells: { openai: { opacity: { level: 3, at: 0 } } } },
    });
  });

  it('calls a prototype document with impossible levels corrupt', () => {
    expect(loadStored('{"cells":{"openai":{"opacity":"high"}}}').status).toBe('corrupt');
  });

  it('never throws, whatever is stored', () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.anything().map((value) => JSON.stringify(value) ?? 'undefined'),
      fc
        .record({ schemaVersion: fc.oneof(fc.integer(), fc.double(), fc.string()), card: fc.anything() })
        .map((value) => JSON.stringify(value)),
      fc
        .record({ cells: fc.dictionary(fc.string(), fc.dictionary(fc.string(), fc.anything())) })
        .map((value) => JSON.stringify(value)),
    );
    fc.assert(
      fc.property(raw, (text) => {
        expect(STATUSES).toContain(loadStored(text).status);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a stored key named __proto__ as data, never as a prototype', () => {
    const raw =
      '{"schemaVersion":1,"savedAt":"x","card":{"cells":{"__proto__":{"polluted":{"level":1,"at":1}}},"weights":{}}}';
    const doc = docOf(loadStored(raw));
    const card = toScorecard(doc);
    for (const cells of [doc.card.cells, card.cells]) {
      expect(Object.getPrototypeOf(cells)).toBe(Object.prototype);
      expect('polluted' in cells).toBe(false);
    }
  });
});

describe('recordScorecard', () => {
  it('stamps only the cells and weights that changed', () => {
    const first = recordScorecard(
      null,
      setLevel(setLevel(emptyScorecard(), 'openai', 'opacity', 3), 'meta', 'opacity', 1),
      1000,
    );
    const card = setWeight(setLevel(toScorecard(first), 'meta', 'opacity', 2), 'opacity', 3);
    const second = recordScorecard(first, card, 2000);
    expect(second.card.cells['openai']?.['opacity']).toEqual({ level: 3, at: 1000 });
    expect(second.card.cells['meta']?.['opacity']).toEqual({ level: 2, at: 2000 });
    expect(second.card.weights).toEqual({ opacity: { w: 3, at: 2000 } });
  });

  it('turns a cleared cell and a reset weight into timestamped tombstones', () => {
    const first = recordScorecard(
      null,
      setWeight(setLevel(emptyScorecard(), 'openai', 'opacity', 3), 'opacity', 0),
      1000,
    );
    const second = recordScorecard(first, emptyScorecard(), 2000);
    expect(second.card.cells).toEqual({ openai: { opacity: { level: null, at: 2000 } } });
    expect(second.card.weights).toEqual({ opacity: { w: 1, at: 2000 } });
    expect(toScorecard(second)).toEqual(emptyScorecard());
  });

  it('still stamps a change after the clock went back', () => {
    const first = recordScorecard(null, setLevel(emptyScorecard(), 'openai', 'opacity', 3), 5000);
    const second = recordScorecard(first, setLevel(emptyScorecard(), 'openai', 'opacity', 1), 4000);
    expect(second.card.cells['openai']?.['opacity']?.at).toBe(5001);
  });
});

describe('mergeStored', () => {
  const cell = fc.record(
    {
      level: fc.constantFrom(null, 0, 1, 2, 3, 4),
      confidence: fc.constantFrom('low', 'medium', 'high'),
      note: fc.constantFrom('a', 'b'),
      at: fc.integer({ min: 0, max: 4 }),
    },
    { requiredKeys: ['level', 'at'] },
  );
  const ids = fc.constantFrom('openai', 'meta', 'anthropic');
  const doc: fc.Arbitrary<StoredDoc> = fc.record({
    schemaVersion: fc.constant(1 as const),
    savedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
    card: fc.record({
      cells: fc.dictionary(ids, fc.dictionary(fc.constantFrom('opacity', 'deception'), cell)),
      weights: fc.dictionary(
        fc.constantFrom('opacity', 'deception'),
        fc.record({ w: fc.constantFrom(0, 1, 2, 3), at: fc.integer({ min: 0, max: 4 }) }),
      ),
    }),
  }) as fc.Arbitrary<StoredDoc>;

  it('keeps the later version of each cell and weight', () => {
    const a = recordScorecard(
      null,
      setWeight(setLevel(emptyScorecard(), 'openai', 'opacity', 1), 'opacity', 2),
      1000,
    );
    const b = recordScorecard(
      null,
      setWeight(setLevel(emptyScorecard(), 'openai', 'opacity', 4), 'opacity', 0),
      2000,
    );
    const c = recordScorecard(
      null,
      setWeight(setLevel(emptyScorecard(), 'meta', 'opacity', 2), 'opacity', 3),
      500,
    );
    const merged = toScorecard(mergeStored(mergeStored(a, c), b));
    expect(getCell(merged, 'openai', 'opacity').level).toBe(4);
    expect(getCell(merged, 'meta', 'opacity').level).toBe(2);
    expect(merged.weights).toEqual({ opacity: 0 });
  });

  it('gives the same result in any order and when repeated', () => {
    fc.assert(
      fc.property(doc, doc, doc, (a, b, c) => {
        expect(mergeStored(a, b)).toEqual(mergeStored(b, a));
        expect(mergeStored(mergeStored(a, b), c)).toEqual(mergeStored(a, mergeStored(b, c)));
        expect(mergeStored(a, a)).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the browser store', () => {
  it('reads back what it wrote, in a later visit', () => {
    fc.assert(
      fc.property(arbitraryCard(frame), (card) => {
        const storage = new MemoryStorage();
        const written = openStore(storage, clock()).write(card);
        expect(written).toEqual({ ok: true, card, notice: null });
        expect(openStore(storage, clock()).read()).toEqual({ ok: true, card, notice: null });
      }),
      { numRuns: 100 },
    );
  });

  it('starts empty when nothing is stored', () => {
    expect(openStore(new MemoryStorage()).read()).toEqual({ ok: true, card: emptyScorecard(), notice: null });
  });

  it('keeps both tabs’ changes when they write without seeing each other', () => {
    const storage = new MemoryStorage();
    const now = clock();
    const tabA = openStore(storage, now);
    const tabB = openStore(storage, now);
    read(tabA);
    read(tabB);
    tabA.write(setLevel(emptyScorecard(), 'openai', 'opacity', 3));
    const afterB = tabB.write(setLevel(emptyScorecard(), 'anthropic', 'deception', 2));
    let expected = setLevel(emptyScorecard(), 'openai', 'opacity', 3);
    expected = setLevel(expected, 'anthropic', 'deception', 2);
    expect(afterB).toEqual({ ok: true, card: expected, notice: null });
    expect(read(openStore(storage, now))).toEqual(expected);
    expect(read(tabA)).toEqual(expected);
  });

  it('puts back a change another tab wrote over, when it hears of that write', () => {
    // Chromium gives each tab its own copy of localStorage, so two tabs writing at once can
    // each merge into a stale copy, and the later write drops the earlier one's change.
    const storage = new MemoryStorage();
    const now = clock();
    const tabA = openStore(storage, now);
    const staleCopyOfStorage = {
      getItem: () => null,
      setItem: (key: string, value: string) => storage.setItem(key, value),
      removeItem: (key: string) => storage.removeItem(key),
    };
    const tabB = openStore(staleCopyOfStorage, now);
    read(tabA);
    read(tabB);
    tabA.write(setLevel(emptyScorecard(), 'openai', 'opacity', 3));
    tabB.write(setLevel(emptyScorecard(), 'anthropic', 'deception', 2));
    expect(read(openStore(storage, now))).toEqual(setLevel(emptyScorecard(), 'anthropic', 'deception', 2));
    let expected = setLevel(emptyScorecard(), 'openai', 'opacity', 3);
    expected = setLevel(expected, 'anthropic', 'deception', 2);
    // Tab A's storage event: it reads tab B's write, which lacks A's score, and writes both.
    expect(read(tabA)).toEqual(expected);
    expect(read(openStore(storage, now))).toEqual(expected);
  });

  it('writes nothing when it hears of a write that already holds everything it knows', () => {
    const storage = new MemoryStorage();
    const now = clock();
    const tabA = openStore(storage, now);
    const tabB = openStore(storage, now);
    tabA.write(setLevel(emptyScorecard(), 'openai', 'opacity', 3));
    read(tabB);
    tabB.write(setLevel(setLevel(emptyScorecard(), 'openai', 'opacity', 3), 'meta', 'deception', 1));
    const stored = storage.getItem(STORAGE_KEY);
    read(tabA);
    read(tabB);
    expect(storage.getItem(STORAGE_KEY)).toBe(stored);
  });

  it('carries a reset in one tab over to a tab that still shows the old score', () => {
    const storage = new MemoryStorage();
    const now = clock();
    const tabA = openStore(storage, now);
    const tabB = openStore(storage, now);
    const scored = setWeight(
      setConfidence(setLevel(emptyScorecard(), 'openai', 'opacity', 3), 'openai', 'opacity', 'high'),
      'opacity',
      3,
    );
    tabA.write(scored);
    expect(read(tabB)).toEqual(scored);
    tabA.write(emptyScorecard());
    // Tab B has not read since; it changes something else and still holds the old cell.
    const result = tabB.write(setLevel(scored, 'meta', 'deception', 1));
    expect(result).toEqual({
      ok: true,
      card: setLevel(emptyScorecard(), 'meta', 'deception', 1),
      notice: null,
    });
  });

  it('sets corrupt data aside, says where, and keeps the copy after saving over it', () => {
    const storage = new MemoryStorage();
    const original = '{"schemaVersion":1,"card":oops';
    storage.setItem(STORAGE_KEY, original);
    const store = openStore(storage, clock());
    const result = store.read();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.card).toEqual(emptyScorecard());
    const [key] = setAsideKeys(storage);
    expect(key).toBeDefined();
    expect(storage.getItem(key ?? '')).toBe(original);
    expect(result.notice).toContain(`"${key}"`);
    expect(result.notice).toContain('not valid JSON');

    const card = setLevel(emptyScorecard(), 'openai', 'opacity', 2);
    expect(store.write(card)).toEqual({ ok: true, card, notice: null });
    expect(setAsideKeys(storage)).toEqual([key]);
    expect(storage.getItem(key ?? '')).toBe(original);
    expect(read(openStore(storage))).toEqual(card);
  });

  it('sets aside a scorecard saved by a newer version instead of overwriting it', () => {
    const storage = new MemoryStorage();
    const newer = '{"schemaVersion":2,"card":{"labs":{}}}';
    storage.setItem(STORAGE_KEY, newer);
    const store = openStore(storage, clock());
    const card = setLevel(emptyScorecard(), 'openai', 'opacity', 2);
    const result = store.write(card);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.notice).toMatch(/newer version of this site.*reload/);
    const [key] = setAsideKeys(storage);
    expect(storage.getItem(key ?? '')).toBe(newer);
  });

  it('migrates the prototype’s data on read and saves it in the current shape', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ cells: { meta: { opacity: 2 } } }));
    const store = openStore(storage, clock());
    const card = read(store);
    expect(card).toEqual(setLevel(emptyScorecard(), 'meta', 'opacity', 2));
    store.write(setLevel(card, 'openai', 'opacity', 4));
    expect(loadStored(storage.getItem(STORAGE_KEY)).status).toBe('ok');
    expect(setAsideKeys(storage)).toEqual([]);
  });

  it('refuses to save over unreadable data it cannot copy aside', () => {
    const storage = new FailingStorage({ write: true });
    storage.items.set(STORAGE_KEY, 'garbage');
    const store = openStore(storage, clock());
    const result = store.read();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/will not save over it/);
    expect(store.write(setLevel(emptyScorecard(), 'openai', 'opacity', 1)).ok).toBe(false);
    expect(storage.items.get(STORAGE_KEY)).toBe('garbage');
  });

  it('reports storage that cannot be read or written instead of throwing', () => {
    const card = setLevel(emptyScorecard(), 'openai', 'opacity', 1);
    for (const storage of [new FailingStorage({ read: true }), new FailingStorage({ write: true }), null]) {
      const store = openStore(storage, clock());
      const written = store.write(card);
      expect(written.ok).toBe(false);
      if (!written.ok) expect(written.message).toMatch(/not letting the page save/);
    }
    const unreadable = openStore(new FailingStorage({ read: true })).read();
    expect(unreadable.ok).toBe(false);
  });

  it('does not overwrite an earlier set-aside copy', () => {
    const storage = new MemoryStorage();
    const first = setAside(storage, 'first', 0);
    const second = setAside(storage, 'second', 0);
    expect(first).not.toBe(second);
    expect(storage.getItem(first ?? '')).toBe('first');
    expect(storage.getItem(second ?? '')).toBe('second');
  });
});

describe('unreadable data found again and again', () => {
  it('is set aside once per distinct value, however many pages find it', () => {
    const storage = new MemoryStorage();
    storage.setItem('labs-alignment.scorecard', '{"broken":');
    let times = 0;
    for (let page = 0; page < 5; page += 1) {
      const result = openStore(storage, () => 1_000 + (times += 1)).read();
      expect(result.ok && result.notice).toContain('A copy is kept');
      expect(result.ok && result.setAsideKey).toMatch(/^labs-alignment\.scorecard\.set-aside\./);
    }
    expect(setAsideKeys(storage)).toHaveLength(1);
    storage.setItem('labs-alignment.scorecard', '{"other broken":');
    openStore(storage, () => 9_000).read();
    expect(setAsideKeys(storage)).toHaveLength(2);
  });
});
