// Tier 1: hand-worked cases whose answers follow from the definitions.

import {
  chiSquareTest,
  correlationTest,
  fisherExactTest,
  isTaceError,
  kruskalWallis,
  mean,
  median,
  normalCdf,
  normalDensity,
  normalQuantile,
  pAdjust,
  quantile,
  rank,
  studentTCdf,
  studentTDensity,
  variance,
  wilcoxonRankSum,
  wilcoxonSignedRank,
} from '@tace/core';
import { compensatedSum } from '@tace/core/kernels';
import { describe, expect, it } from 'vitest';
import { contingencyTable } from '../../src/stats/contingency-table.js';

describe('summaries', () => {
  it('mean and variance of 1..4 are 2.5 and 5/3', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(variance([1, 2, 3, 4])).toBeCloseTo(5 / 3, 15);
  });
  it('variance is exact for data far from zero (1e9 + small)', () => {
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBe(30);
  });
  it('compensatedSum recovers a sum lost by naive addition', () => {
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
  });
  it('median averages the two middle values', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
  it('quantile type 7 interpolates and type 2 averages at jumps', () => {
    expect(Array.from(quantile([1, 2, 3, 4], [0.25, 0.5]))).toEqual([1.75, 2.5]);
    expect(Array.from(quantile([1, 2, 3, 4], [0.25, 0.5], { type: 2 }))).toEqual([1.5, 2.5]);
  });
  it('quantile refuses NaN and probabilities outside [0, 1]', () => {
    expect(() => quantile([1, Number.NaN], [0.5])).toThrow(/NaN/);
    expect(() => quantile([1, 2], [1.5])).toThrow(/probs\[0\] must be in \[0, 1\]/);
  });
  it('rank resolves ties as R and keeps NaN as NaN', () => {
    expect(Array.from(rank([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
    expect(Array.from(rank([10, 20, 10, 30], { ties: 'max' }))).toEqual([2, 3, 2, 4]);
    expect(Array.from(rank([10, 20, 10, 30], { ties: 'first' }))).toEqual([1, 3, 2, 4]);
    expect(Array.from(rank([5, Number.NaN, 1]))).toEqual([2, Number.NaN, 1]);
  });
});

describe('distributions', () => {
  it("Student's t with infinite df is the normal distribution", () => {
    expect(studentTCdf(1.96, Infinity)).toBe(normalCdf(1.96));
    expect(studentTDensity(0.5, Infinity)).toBe(normalDensity(0.5));
  });
  it('normalQuantile inverts normalCdf far in the tails', () => {
    for (const p of [1e-300, 1e-50, 1e-10, 0.3]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
  });
});

describe('pAdjust', () => {
  it('Bonferroni multiplies by n and caps at 1', () => {
    expect(Array.from(pAdjust([0.01, 0.2, 0.5], 'bonferroni'))).toEqual([0.03, 0.6000000000000001, 1]);
  });
  it('BH of equally spaced p-values is flat', () => {
    // (n / i) p_(i) = 0.04 for every i (4/3 * 0.03 rounds to 0.039999999999999994, in R too)
    for (const v of pAdjust([0.01, 0.02, 0.03, 0.04], 'BH')) expect(v).toBeCloseTo(0.04, 15);
  });
  it('Holm: sorted p times (n - i + 1), running maximum', () => {
    expect(Array.from(pAdjust([0.04, 0.01, 0.03], 'holm'))).toEqual([0.06, 0.03, 0.06]);
  });
});

describe('rank tests', () => {
  it('rank-sum: completely separated samples of 3 and 3 have exact two-sided p = 2/20', () => {
    const result = wilcoxonRankSum([1, 2, 3], [4, 5, 6]);
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBeCloseTo(0.1, 15);
    expect(result.exact).toBe(true);
  });
  it('signed-rank: 5 positive differences give V = 15 and exact two-sided p = 2/32', () => {
    const result = wilcoxonSignedRank([1, 2, 3, 4, 5]);
    expect(result.statistic).toBe(15);
    expect(result.pValue).toBe(0.0625);
  });
  it('Kruskal-Wallis of two separated groups of 2 is H = 2.4 on 1 df', () => {
    const result = kruskalWallis([1, 2, 3, 4], ['a', 'a', 'b', 'b']);
    expect(result.statistic).toBeCloseTo(2.4, 14);
    expect(result.df).toBe(1);
    expect(result.levels).toEqual(['a', 'b']);
  });
  it('Kruskal-Wallis needs two groups', () => {
    try {
      kruskalWallis([1, 2], ['a', 'a']);
      expect.fail('should throw');
    } catch (error) {
      expect(isTaceError(error, 'EMPTY_INPUT')).toBe(true);
    }
  });
});

describe('association', () => {
  it('perfectly linear data have r = 1', () => {
    expect(correlationTest([1, 2, 3, 4], [3, 5, 7, 9]).estimate).toBe(1);
  });
  it('Spearman of a monotone transform is 1 with exact p = 2/4! for n = 4', () => {
    const result = correlationTest([1, 2, 3, 4], [1, 8, 27, 64], { method: 'spearman' });
    expect(result.estimate).toBe(1);
    expect(result.pValue).toBeCloseTo(2 / 24, 15);
  });
  it('Kendall: one discordant pair of 6 gives tau = 2/3 and exact two-sided p = 2 x 4/24', () => {
    const result = correlationTest([1, 2, 3, 4], [1, 3, 2, 4], { method: 'kendall' });
    expect(result.estimate).toBeCloseTo(2 / 3, 15);
    expect(result.statistic).toBe(5);
    expect(result.pValue).toBeCloseTo(1 / 3, 15);
  });
  it('chi-square without correction on [[10, 10], [10, 10]] is 0 with p = 1', () => {
    const result = chiSquareTest(
      [
        [10, 10],
        [10, 10],
      ],
      { correct: false },
    );
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
  });
  it('Fisher: [[3, 1], [1, 3]] has two-sided p = 34/70', () => {
    // hypergeometric with margins 4, 4, 4: P(a) = C(4,a) C(4,4-a) / C(8,4) = [1, 16, 36, 16, 1] / 70
    const result = fisherExactTest([
      [3, 1],
      [1, 3],
    ]);
    expect(result.pValue).toBeCloseTo(34 / 70, 14);
  });
  it('contingencyTable cross-tabulates labels in sorted level order', () => {
    const table = contingencyTable(['a', 'b', 'a', null], ['y', 'y', 'n', 'n']);
    expect(table.counts).toEqual([
      [1, 1],
      [0, 1],
    ]);
    expect(table.omitted).toBe(1);
  });
});
