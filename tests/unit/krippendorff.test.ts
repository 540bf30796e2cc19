import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { krippendorffAlpha, type Metric, type ReliabilityData } from '../../src/rubric/krippendorff';

const _ = null;
/** Transposes observer rows into units (columns), the shape krippendorffAlpha takes. */
const units = (...observers: (number | null)[][]): (number | null)[][] =>
  observers[0]!.map((_, u) => observers.map((row) => row[u]!));

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1 to 5, with gaps. The same table is the example of R's irr::kripp.alpha.
 */
const KRIPPENDORFF_2011_C = units(
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
);

/** Wikipedia, "Krippendorff's alpha", a computational example: three coders, fifteen units, many gaps. */
const WIKIPEDIA = units(
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
);

/** Krippendorff (2011), section A: two observers, binary data, no gaps. */
const KRIPPENDORFF_2011_A = units([0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]);

const alpha = (data: ReliabilityData, metric: Metric) => krippendorffAlpha(data, metric).alpha;

describe("Krippendorff's alpha reproduces published examples", () => {
  it('the 4 x 12 table of Krippendorff (2011): nominal 0.743, ordinal 0.815, interval 0.849', () => {
    expect(alpha(KRIPPENDORFF_2011_C, 'nominal')).toBeCloseTo(0.743, 3);
    expect(alpha(KRIPPENDORFF_2011_C, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(alpha(KRIPPENDORFF_2011_C, 'interval')).toBeCloseTo(0.849, 3);
    // Unit 12 has one value only, so it pairs with nothing: 11 units, 40 pairable values.
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'ordinal')).toMatchObject({ units: 11, pairable: 40 });
  });

  it('the same table on the scale 0 to 4 (every value minus one) gives the same three alphas', () => {
    const shifted = KRIPPENDORFF_2011_C.map((unit) => unit.map((v) => (v === null ? null : v - 1)));
    for (const metric of ['nominal', 'ordinal', 'interval'] as const)
      expect(alpha(shifted, metric)).toBeCloseTo(alpha(KRIPPENDORFF_2011_C, metric)!, 12);
  });

  it("Wikipedia's three-coder example: nominal 0.691, interval 0.811", () => {
    expect(alpha(WIKIPEDIA, 'nominal')).toBeCloseTo(0.691, 3);
    expect(alpha(WIKIPEDIA, 'interval')).toBeCloseTo(0.811, 3);
  });

  it("Krippendorff (2011)'s binary example for two observers: 0.095", () => {
    expect(alpha(KRIPPENDORFF_2011_A, 'nominal')).toBeCloseTo(0.095, 3);
  });
});

describe("Krippendorff's alpha says when it cannot be computed", () => {
  it('with no unit scored by two raters', () => {
    expect(krippendorffAlpha(units([1, _, 3], [_, 2, _]), 'ordinal')).toEqual({
      alpha: null,
      gap: 'nothing-to-pair',
      units: 0,
      pairable: 0,
    });
  });

  it('when every pairable value is the same', () => {
    // One unit: the formula gives exactly 0 whatever the values, which is no finding at all.
    expect(krippendorffAlpha(units([1], [3], [3]), 'ordinal')).toEqual({
      alpha: null,
      gap: 'one-unit',
      units: 1,
      pairable: 3,
    });
    expect(krippendorffAlpha(units([2, 2, _], [2, 2, 4]), 'ordinal')).toMatchObject({
      alpha: null,
      gap: 'no-variation',
      units: 2,
      pairable: 4,
    });
  });
});

// Reliability data on the 0-4 scale: 1 to 12 units, 2 to 8 raters, each value missing at times.
const level = fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 4 });
const data = fc
  .tuple(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 12 }))
  .chain(([raters, count]) =>
    fc.array(fc.array(level, { minLength: raters, maxLength: raters }), {
      minLength: count,
      maxLength: count,
    }),
  );
const metric = fc.constantFrom<Metric>('nominal', 'ordinal', 'interval');

describe("Krippendorff's alpha, properties", () => {
  it('is 1 when raters agree perfectly on units that differ', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 2, max: 6 })), {
          minLength: 2,
          maxLength: 12,
        }),
        metric,
        (cells, m) => {
          fc.pre(new Set(cells.map(([value]) => value)).size > 1);
          const perfect = cells.map(([value, raters]) => Array.from({ length: raters }, () => value));
          expect(alpha(perfect, m)).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('does not change when raters swap places within units, or units are reordered', () => {
    fc.assert(
      fc.property(data, metric, fc.infiniteStream(fc.nat()), (rows, m, randoms) => {
        const next = () => randoms.next().value;
        const shuffle = <T>(items: readonly T[]): T[] => {
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i -= 1) {
            const j = next() % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const before = krippendorffAlpha(rows, m);
        const after = krippendorffAlpha(shuffle(rows.map((unit) => shuffle(unit))), m);
        expect(after.gap).toBe(before.gap);
        if (before.alpha !== null) expect(after.alpha).toBeCloseTo(before.alpha, 9);
      }),
    );
  });

  it('never exceeds 1, and counts only units with two or more values', () => {
    fc.assert(
      fc.property(data, metric, (rows, m) => {
        const result = krippendorffAlpha(rows, m);
        if (result.alpha !== null) expect(result.alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(result.units).toBe(rows.filter((unit) => unit.filter((v) => v !== null).length >= 2).length);
      }),
    );
  });

  it('ignores units with a single value, which pair with nothing', () => {
    fc.assert(
      fc.property(data, metric, fc.integer({ min: 0, max: 4 }), (rows, m, lone) => {
        const raters = rows[0]!.length;
        const single = [lone, ...Array.from({ length: raters - 1 }, () => null)];
        expect(krippendorffAlpha([...rows, single], m)).toEqual(krippendorffAlpha(rows, m));
      }),
    );
  });

  it('does not change when every value shifts by the same amount, for every metric', () => {
    fc.assert(
      fc.property(data, metric, fc.integer({ min: -3, max: 3 }), (rows, m, shift) => {
        const moved = rows.map((unit) => unit.map((v) => (v === null ? null : v + shift)));
        const before = krippendorffAlpha(rows, m);
        const after = krippendorffAlpha(moved, m);
        expect(after.gap).toBe(before.gap);
        if (before.alpha !== null) expect(after.alpha).toBeCloseTo(before.alpha, 9);
      }),
    );
  });
});
