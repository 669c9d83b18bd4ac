import { variance } from '@tace/core';
import { bootstrapConcordance, compareConcordance, concordance } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';

describe('compareConcordance (Kang et al. 2015, as R compareC)', () => {
  it('estimates each C as Harrell concordance when times are distinct (1e-12)', () => {
    const { time, event, a, b } = simulate(3, 80);
    const result = compareConcordance(time, event, a, b);
    expect(result.concordance[0]).toBeCloseTo(concordance(time, event, a).concordance, 12);
    expect(result.concordance[1]).toBeCloseTo(concordance(time, event, b).concordance, 12);
  });

  it('is antisymmetric in the two scores', () => {
    const { time, event, a, b } = simulate(4, 60);
    const ab = compareConcordance(time, event, a, b);
    const ba = compareConcordance(time, event, b, a);
    expect(ba.difference).toBeCloseTo(-ab.difference, 14);
    expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
  });

  it('variance of the difference matches its Monte-Carlo variance (within 15%, 400 seeded replicates, n = 150)', () => {
    const differences = new Float64Array(400);
    let estimated = 0;
    for (let r = 0; r < differences.length; r++) {
      const { time, event, a, b } = simulate(1000 + r, 150);
      const result = compareConcordance(time, event, a, b);
      differences[r] = result.difference;
      estimated += result.varianceDifference / differences.length;
    }
    const empirical = variance(differences);
    expect(Math.abs(estimated / empirical - 1)).toBeLessThan(0.15);
  });

  it('rejects fewer than 4 patients and non-finite values', () => {
    expect(() => compareConcordance([1, 2, 3], [1, 1, 1], [1, 2, 3], [3, 2, 1])).toThrow(/at least 4/);
    expect(() => compareConcordance([1, 2, 3, 4], [1, 1, 1, 1], [1, Number.NaN, 3, 4], [4, 3, 2, 1])).toThrow(
      /row 2/,
    );
  });
});

describe('bootstrapConcordance', () => {
  it('is reproducible for a seed and brackets the estimate', () => {
    const { time, event, a, b } = simulate(5, 100);
    const first = bootstrapConcordance(time, event, [a, b], { replicates: 200, random: 9 });
    const second = bootstrapConcordance(time, event, [a, b], { replicates: 200, random: 9 });
    expect(Array.from(first.lower)).toEqual(Array.from(second.lower));
    expect(first.difference).toEqual(second.difference);
    for (let s = 0; s < 2; s++) {
      expect(first.lower[s]).toBeLessThan(first.estimate[s]);
      expect(first.upper[s]).toBeGreaterThan(first.estimate[s]);
    }
    expect(first.difference.estimate).toBeGreaterThan(0); // a is the less noisy score
  });
});
