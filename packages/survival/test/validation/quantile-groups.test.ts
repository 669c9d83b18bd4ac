import { describe, expect, it } from 'vitest';
import { largestDistinctQuantileGroups, quantileGroups } from '../../src/internal/quantile-groups.js';

describe('largestDistinctQuantileGroups', () => {
  it('keeps g when every value differs, gives 1 for a constant', () => {
    expect(largestDistinctQuantileGroups([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toBe(5);
    expect(largestDistinctQuantileGroups([2, 2, 2, 2], 5)).toBe(1);
  });
  it('reduces the groups for a three-level score to a grouping quantileGroups accepts', () => {
    const stage = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2];
    const g = largestDistinctQuantileGroups(stage, 5);
    expect(g).toBeLessThan(5);
    expect(g).toBeGreaterThanOrEqual(2);
    expect(() => quantileGroups(stage, g)).not.toThrow();
    expect(() => quantileGroups(stage, g + 1)).toThrow(/tied quantile breaks/);
  });
});
