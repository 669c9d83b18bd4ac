import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderDecreasing, orderScratch, rankDecreasing } from '../../src/scoring/order.js';

function naiveOrder(values: number[]): number[] {
  // R order(x, decreasing = TRUE): stable, ties in index order; -0 ties with +0
  return values.map((_, i) => i).sort((a, b) => (values[a] === values[b] ? a - b : values[b] - values[a]));
}

describe('orderDecreasing (radix sort on IEEE bits)', () => {
  it('hand-worked: ties keep index order, -0 ties +0, infinities at the ends', () => {
    const v = Float64Array.from([1, -0, 3, 0, -Infinity, 3, Infinity, -2.5]);
    const order = orderDecreasing(v, new Uint32Array(v.length), orderScratch(v.length));
    expect(Array.from(order)).toEqual([6, 2, 5, 0, 1, 3, 7, 4]);
  });

  it('equals a stable comparator sort, with tie groups and positions (property)', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, Number.MIN_VALUE, -Number.MIN_VALUE, 1e308, -1e308),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (values) => {
        const v = Float64Array.from(values);
        const scratch = orderScratch(v.length);
        const order = orderDecreasing(v, new Uint32Array(v.length), scratch);
        expect(Array.from(order)).toEqual(naiveOrder(values));
        rankDecreasing(v, scratch);
        for (let g = 0; g < v.length; g++) {
          expect(order[scratch.position[g]]).toBe(g);
          const greater = values.filter((x) => x > values[g]).length;
          expect(scratch.start[g]).toBe(greater);
          expect(scratch.taken[greater]).toBe(values.filter((x) => x === values[g]).length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
