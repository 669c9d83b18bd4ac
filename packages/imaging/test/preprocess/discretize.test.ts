import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binEdges, digitize, discretize } from '../../src/kernels.js';

describe('binEdges / discretise (PyRadiomics getBinEdges, binImage)', () => {
  it('aligns fixed-width bins to multiples of the width (PyRadiomics docstring example: 54..166, W = 25)', () => {
    expect(Array.from(binEdges([54, 166], { binWidth: 25 }))).toEqual([50, 75, 100, 125, 150, 175, 200]);
  });
  it('negative intensities use the floored modulo (bins still aligned to 0)', () => {
    expect(Array.from(binEdges([-1024, -980], { binWidth: 25 }))).toEqual([-1025, -1000, -975, -950]);
  });
  it('a flat region still gets edges from its bin (arange to max + 2W)', () => {
    expect(Array.from(binEdges([50, 50], { binWidth: 25 }))).toEqual([50, 75]);
    expect(Array.from(discretize([50, 50], [1, 1], { binWidth: 25 }).levels)).toEqual([1, 1]);
  });
  it('fixed bin count: N equal bins, the maximum in bin N', () => {
    const { levels, nLevels } = discretize([0, 1, 2, 3, 4], [1, 1, 1, 1, 1], { binCount: 4 });
    expect(Array.from(levels)).toEqual([1, 2, 3, 4, 4]);
    expect(nLevels).toBe(4);
  });
  it('level = floor(x / W) - floor(min / W) + 1 inside the mask, 0 outside', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2000, max: 3000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (values, width) => {
          const mask = values.map((_, i) => (i % 3 === 2 ? 0 : 1));
          if (!mask.includes(1)) return;
          const { levels } = discretize(values, mask, { binWidth: width });
          const min = Math.min(...values.filter((_, i) => mask[i] === 1));
          values.forEach((x, i) => {
            const expected = mask[i] === 1 ? Math.floor(x / width) - Math.floor(min / width) + 1 : 0;
            expect(levels[i]).toBe(expected);
          });
        },
      ),
    );
  });
  it('digitize matches numpy for values on edges', () => {
    const edges = Float64Array.of(0, 10, 20);
    expect([-1, 0, 5, 10, 19.9, 20, 25].map((x) => digitize(x, edges))).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
  it('discretize gives digitize(x, binEdges(roi)) for every ROI voxel, widths and counts, on edges too (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ min: -2000, max: 3000, noNaN: true }), fc.integer({ min: -40, max: 40 })),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        fc.oneof(
          fc.record({ binWidth: fc.constantFrom(0.7, 1, 2.5, 25, 1e3) }),
          fc.record({ binCount: fc.integer({ min: 1, max: 70 }) }),
        ),
        (v, options) => {
          // values on the edges of a width of 2.5 and on multiples of the widths
          const data = Float64Array.from(v, (x, i) => (i % 3 === 0 ? Math.round(x) * 2.5 : x));
          // A width giving more than 10^4 bins is refused (tested below): such draws are not this property's.
          if ('binWidth' in options)
            fc.pre((Math.max(...data) - Math.min(...data)) / options.binWidth < 9000);
          const mask = Uint8Array.from(data, () => 1);
          const { levels, edges } = discretize(data, mask, options);
          for (let i = 0; i < data.length; i++) expect(levels[i]).toBe(digitize(data[i]!, edges));
        },
      ),
    );
  });
  it('refuses a bin width that gives more than 10^4 bins, naming binWidth', () => {
    expect(() => binEdges([-1000, 3000], { binWidth: 0.1 })).toThrow(/binWidth 0.1 gives \d+ bins/);
    expect(binEdges([-1000, 3000], { binWidth: 1 }).length).toBe(4002);
  });
});
