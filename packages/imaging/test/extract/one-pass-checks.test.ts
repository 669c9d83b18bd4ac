import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyNanPolicy, applyNonFinitePolicy } from '../../src/extract/nan-voxels.js';
import type { Image } from '../../src/image/types.js';
import { cropArray, cropToFloat64 } from '../../src/preprocess/crop.js';
import { roiStats, selectLabel, selectLabelStats } from '../../src/preprocess/roi-mask.js';
import { assertFiniteRoi } from '../../src/preprocess/size-bounds.js';

/** A grid of 1-5 voxels per axis with a label image (labels 0..2) and intensities (some NaN or infinite). */
const cases = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([nx, ny, nz]) => {
    const n = nx * ny * nz;
    return fc.record({
      size: fc.constant([nx, ny, nz] as [number, number, number]),
      labels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      values: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }) },
          { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity) },
        ),
        { minLength: n, maxLength: n },
      ),
    });
  });

const image = (data: Image['data'], size: [number, number, number]): Image => ({
  data,
  size,
  spacing: [1, 1, 1],
  origin: [0, 0, 0],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
});

/** The outcome of `f`: its value, or the code and message of the error it throws. */
function outcome<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
}

describe('the one-pass checks of extractFeatures', () => {
  it('selectLabelStats equals selectLabel, roiStats and the sum / minimum / maximum in index order', () => {
    fc.assert(
      fc.property(cases, ({ size, labels, values }) => {
        const mask = image(Int32Array.from(labels), size);
        const data = Float32Array.from(values);
        const one = outcome(() => selectLabelStats(mask, 1, size, data));
        const roi = outcome(() => selectLabel(mask, 1));
        if (typeof roi === 'string') {
          expect(one).toBe(roi);
          return;
        }
        let sum = 0;
        let min = Infinity;
        let max = -Infinity;
        for (const x of data) {
          sum += x;
          if (x < min) min = x;
          if (x > max) max = x;
        }
        expect(one).toEqual({ roi, stats: roiStats(roi, size), range: { sum, min, max } });
        expect(selectLabelStats(mask, 1, size).range).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
  it('applyNonFinitePolicy on the ROI box equals applyNanPolicy then assertFiniteRoi on the whole grid', () => {
    fc.assert(
      fc.property(
        cases,
        fc.constantFrom('error', 'exclude') as fc.Arbitrary<'error' | 'exclude'>,
        (c, policy) => {
          const roi = Uint8Array.from(c.labels, (l) => +(l === 1));
          const { box } = roiStats(roi, c.size);
          if (box === null) return;
          const data = Float64Array.from(c.values);
          const whole = outcome(() => {
            const nan = applyNanPolicy(data, roi, policy, 'original');
            assertFiniteRoi(data, nan.mask, c.size, 'image');
            return nan;
          });
          expect(
            outcome(() => applyNonFinitePolicy(data, roi, c.size, box, policy, 'original', 'image')),
          ).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('cropToFloat64 equals cropArray converted to doubles', () => {
    const data = Int16Array.from({ length: 4 * 3 * 2 }, (_, i) => i * 37 - 400);
    // voxels (1..2, 1..2, 0..1): linear indices 5, 6, 9, 10, 17, 18, 21, 22, value 37 i - 400
    const crop = cropToFloat64(data, [4, 3, 2], [1, 1, 0], [2, 2, 2]);
    expect(crop).toEqual(Float64Array.from(cropArray(data, [4, 3, 2], [1, 1, 0], [2, 2, 2])));
    expect([...crop]).toEqual([-215, -178, -67, -30, 229, 266, 377, 414]);
  });
});
