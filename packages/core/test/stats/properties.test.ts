// Tier 3: invariants of the statistics primitives on random inputs (fast-check).

import {
  correlationTest,
  createRng,
  mean,
  pAdjust,
  quantile,
  rank,
  variance,
  wilcoxonRankSum,
} from '@tace/core';
import { selectInPlace, sortOrder } from '@tace/core/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const sample = fc.array(finite, { minLength: 2, maxLength: 60 });
const scaled = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((v) => v / 7);
const pValue = fc.double({ min: 0, max: 1, noNaN: true });

describe('stats invariants', () => {
  it('average ranks sum to n(n + 1)/2 whatever the ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 80 }), (values) => {
        const n = values.length;
        const sum = rank(values).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo((n * (n + 1)) / 2, 9);
      }),
    );
  });
  it('first-ties ranks are a permutation of 1..n', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const ranks = Array.from(rank(values, { ties: 'first' })).sort((a, b) => a - b);
        expect(ranks).toEqual(values.map((_, i) => i + 1));
      }),
    );
  });
  it('quantiles are monotone in p and lie within [min, max]', () => {
    fc.assert(
      fc.property(sample, fc.constantFrom<7 | 2>(7, 2), (values, type) => {
        const probs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
        const q = quantile(values, probs, { type });
        for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
        expect(q[0]).toBe(Math.min(...values));
        expect(q[q.length - 1]).toBe(Math.max(...values));
      }),
    );
  });
  it('variance is shift-invariant and non-negative', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: -1e3, max: 1e3, noNaN: true }), (values, shift) => {
        const v = variance(values);
        expect(v).toBeGreaterThanOrEqual(0);
        const shifted = variance(values.map((x) => x + shift));
        expect(Math.abs(shifted - v)).toBeLessThanOrEqual(1e-9 * (v + 1e-300) + 1e-6);
        expect(mean(values)).toBeGreaterThanOrEqual(Math.min(...values));
      }),
    );
  });
  it('adjusted p-values are >= raw, <= 1, and keep the order of the raw p-values', () => {
    fc.assert(
      fc.property(
        fc.array(pValue, { minLength: 1, maxLength: 50 }),
        fc.constantFrom('BH', 'BY', 'bonferroni', 'holm', 'hochberg' as const),
        (p, method) => {
          const adjusted = pAdjust(p, method);
          p.forEach((raw, i) => {
            expect(adjusted[i]).toBeGreaterThanOrEqual(raw);
            expect(adjusted[i]).toBeLessThanOrEqual(1);
            p.forEach((other, j) => {
              if (raw < other) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
            });
          });
        },
      ),
    );
  });
  it("rank-sum: swapping x and y gives W' = nx ny - W and the same two-sided p", () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const a = wilcoxonRankSum(x, y);
        const b = wilcoxonRankSum(y, x);
        expect(a.statistic + b.statistic).toBe(x.length * y.length);
        expect(b.pValue).toBeCloseTo(a.pValue, 12);
        expect(a.pValue).toBeGreaterThan(0);
        expect(a.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
  it('correlation (Pearson, Spearman, Kendall) is symmetric, in [-1, 1], with a p-value in (0, 1]', () => {
    const method = fc.constantFrom('pearson' as const, 'spearman' as const, 'kendall' as const);
    fc.assert(
      // integers / 7: no subnormal data, whose squared deviations underflow to 0 (correlation NaN, R's NA)
      fc.property(fc.array(fc.tuple(scaled, scaled), { minLength: 4, maxLength: 40 }), method, (pairs, m) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        fc.pre(new Set(x).size > 1 && new Set(y).size > 1);
        const a = correlationTest(x, y, { method: m });
        const b = correlationTest(y, x, { method: m });
        expect(Math.abs(a.estimate)).toBeLessThanOrEqual(1);
        expect(b.estimate).toBeCloseTo(a.estimate, 12);
        expect(b.pValue).toBeCloseTo(a.pValue, 12);
        expect(a.pValue).toBeGreaterThan(0);
        expect(a.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('sortOrder', () => {
  it('is the stable ascending order of any finite doubles, -0 equal to 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(finite, fc.constantFrom(0, -0, 1e-310, -1e-310, 5)), { maxLength: 200 }),
        (values) => {
          const expected = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
          expect(Array.from(sortOrder(values))).toEqual(expected);
        },
      ),
    );
  });
  it('radix path (n >= 2048) agrees with a comparator sort, ties and signed zeros included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const rng = createRng(seed);
        const values = Float64Array.from({ length: 3000 }, (_, i) =>
          i % 7 === 0 ? -0 : Math.round((rng.nextFloat() - 0.5) * 200) / (i % 3 === 0 ? 1 : 1e150),
        );
        const expected = Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
        expect(Array.from(sortOrder(values))).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });
});

describe('selectInPlace', () => {
  it('puts the k-th smallest value at each requested position, smaller before, larger after', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (ints, raw) => {
          const values = Float64Array.from(ints);
          const sorted = Float64Array.from(ints).sort();
          const positions = [...new Set(raw.map((r) => r % values.length))].sort((a, b) => a - b);
          selectInPlace(values, positions);
          for (const k of positions) {
            expect(values[k]).toBe(sorted[k]);
            for (let i = 0; i < k; i++) expect(values[i]).toBeLessThanOrEqual(values[k]);
            for (let i = k + 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[k]);
          }
        },
      ),
    );
  });
});
