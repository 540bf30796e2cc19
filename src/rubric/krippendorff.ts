/**
 * Krippendorff's alpha for reliability data with missing values, following Krippendorff,
 * "Computing Krippendorff's Alpha-Reliability" (2011): a coincidence matrix of the values
 * that can be paired within a unit, then one minus observed over expected disagreement.
 * Plain TypeScript, no framework: the panel page and the unit tests share it.
 */

/** How far apart two values are: categories only, ranks, or distances on a scale. */
export type Metric = 'nominal' | 'ordinal' | 'interval';

/** Why alpha could not be computed. */
export type AlphaGap =
  /** No unit has values from two or more raters, so nothing can be paired. */
  | 'nothing-to-pair'
  /** Every pairable value is the same: agreement is total but says nothing beyond chance. */
  | 'no-variation'
  /**
   * Only one unit has paired values. Alpha weighs the disagreement within units against the
   * disagreement across them, and with one unit the two are the same: it comes out exactly 0
   * whatever the raters said, which would read as "agreement at chance".
   */
  | 'one-unit';

export interface AlphaResult {
  /** Alpha, from 1 (perfect agreement) down through 0 (agreement at chance) to negative values; null when it cannot be computed. */
  readonly alpha: number | null;
  readonly gap: AlphaGap | null;
  /** Units holding values from at least two raters. */
  readonly units: number;
  /** Values in those units: the n of Krippendorff's formulas. */
  readonly pairable: number;
}

/**
 * A unit is one thing rated (here, one lab x analogy cell); each entry is one rater's value
 * or null when that rater left it unscored. Raters need not be in the same order in every
 * unit, and units may differ in length: only the values that are present matter.
 */
export type ReliabilityData = readonly (readonly (number | null)[])[];

export function krippendorffAlpha(data: ReliabilityData, metric: Metric): AlphaResult {
  // The distinct values, sorted, and each unit's count per value: alpha only needs counts.
  const valueSet = new Set<number>();
  for (const unit of data) for (const value of unit) if (value !== null) valueSet.add(value);
  const values = [...valueSet].sort((a, b) => a - b);
  const index = new Map(values.map((value, i) => [value, i]));
  const size = values.length;
  const coincidences = new Float64Array(size * size);
  let units = 0;
  for (const unit of data) {
    const counts = new Float64Array(size);
    let m = 0;
    for (const value of unit) {
      if (value === null) continue;
      counts[index.get(value)!]! += 1;
      m += 1;
    }
    // A value without a partner in its unit cannot be compared with anything.
    if (m < 2) continue;
    units += 1;
    for (let c = 0; c < size; c += 1) {
      const nc = counts[c]!;
      if (nc === 0) continue;
      for (let k = 0; k < size; k += 1) {
        const nk = counts[k]!;
        if (nk === 0) continue;
        // Ordered pairs of values from different raters, each unit weighing 1 per value.
        coincidences[c * size + k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const marginals = new Float64Array(size);
  let n = 0;
  for (let c = 0; c < size; c += 1) {
    for (let k = 0; k < size; k += 1) marginals[c]! += coincidences[c * size + k]!;
    n += marginals[c]!;
  }
  // Counts are sums of fractions such as 1/3, so they are rounded to whole values before use.
  const pairable = Math.round(n);
  if (units === 0) return { alpha: null, gap: 'nothing-to-pair', units, pairable };

  const delta = distance(metric, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c += 1) {
    for (let k = c + 1; k < size; k += 1) {
      const d = delta(c, k);
      observed += coincidences[c * size + k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return { alpha: null, gap: 'no-variation', units, pairable };
  if (units === 1) return { alpha: null, gap: 'one-unit', units, pairable };
  return { alpha: 1 - ((n - 1) * observed) / expected, gap: null, units, pairable };
}

/** The squared difference function of each metric, between the c-th and k-th sorted values (c < k). */
function distance(
  metric: Metric,
  values: readonly number[],
  marginals: Float64Array,
): (c: number, k: number) => number {
  if (metric === 'nominal') return () => 1;
  if (metric === 'interval') return (c, k) => (values[c]! - values[k]!) ** 2;
  // Ordinal: how many pairable values lie between the two, counting each end by half.
  const cumulative = new Float64Array(marginals.length + 1);
  for (let g = 0; g < marginals.length; g += 1) cumulative[g + 1] = cumulative[g]! + marginals[g]!;
  return (c, k) => (cumulative[k + 1]! - cumulative[c]! - (marginals[c]! + marginals[k]!) / 2) ** 2;
}
