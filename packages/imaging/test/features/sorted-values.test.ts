import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedValues } from '../../src/features/firstorder/sorted-values.js';

/** Element-wise identity, telling -0 from 0. */
function expectSame(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    expect(Object.is(a[i], b[i]), `index ${i}: ${a[i]} vs ${b[i]}`).toBe(true);
}

describe('sortedValues', () => {
  it('equals the typed-array sort on integers (counting), -0 before 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -1100, max: 3100 }), fc.constant(-0)), { maxLength: 300 }),
        (v) => {
          const values = Float64Array.from(v);
          expectSame(sortedValues(values), Float64Array.from(values).sort());
        },
      ),
    );
  });
  it('equals the typed-array sort on non-integers, NaN and ranges too wide to count (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.integer({ min: -(2 ** 30), max: 2 ** 30 })), { maxLength: 200 }),
        (v) => {
          const values = Float64Array.from(v);
          expectSame(sortedValues(values), Float64Array.from(values).sort());
        },
      ),
    );
  });
  it('sorts by counting within the range limit: [5, -3, 0, 5] gives [-3, 0, 5, 5]', () => {
    expect([...sortedValues(Float64Array.of(5, -3, 0, 5))]).toEqual([-3, 0, 5, 5]);
    expect([...sortedValues(new Float64Array(0))]).toEqual([]);
  });
});
