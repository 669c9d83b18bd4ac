import { createRng, kFoldSplits, shuffle } from '@tace/core';
import { describe, expect, it } from 'vitest';

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; i++) expect(a.nextUint32()).toBe(b.nextUint32());
  });
  it('gives floats in [0, 1)', () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const x = rng.nextFloat();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
  it('shuffle is a permutation', () => {
    expect([...shuffle([1, 2, 3, 4, 5], 3)].sort()).toEqual([1, 2, 3, 4, 5]);
  });
  it('kFoldSplits balances stratified folds', () => {
    const strata = Array.from({ length: 20 }, (_, i) => i % 2);
    const folds = kFoldSplits(20, 5, { strata, random: 9 });
    const counts = new Array(5).fill(0);
    for (const f of folds) counts[f]++;
    expect(counts).toEqual([4, 4, 4, 4, 4]);
  });
});
