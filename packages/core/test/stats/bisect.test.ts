import { countSortedBelow } from '@tace/core/kernels';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('countSortedBelow (searchsorted left / right)', () => {
  it('counts values below, and at or below, with ties and at the ends', () => {
    const a = Float64Array.from([1, 2, 2, 3]);
    expect([0, 1, 2, 2.5, 3, 4].map((v) => countSortedBelow(a, v))).toEqual([0, 0, 1, 3, 3, 4]);
    expect([0, 1, 2, 2.5, 3, 4].map((v) => countSortedBelow(a, v, true))).toEqual([0, 1, 3, 3, 4, 4]);
    expect(countSortedBelow(new Float64Array(0), 1)).toBe(0);
  });
  it('equals a linear count on any sorted array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 })), fc.integer({ min: -6, max: 6 }), (values, v) => {
        const sorted = Float64Array.from(values).sort();
        expect(countSortedBelow(sorted, v)).toBe(values.filter((x) => x < v).length);
        expect(countSortedBelow(sorted, v, true)).toBe(values.filter((x) => x <= v).length);
      }),
    );
  });
});
