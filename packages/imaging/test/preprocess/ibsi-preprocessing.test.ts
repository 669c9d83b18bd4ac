import { describe, expect, it } from 'vitest';
import { ibsiStatistics } from '../../src/features/firstorder/ibsi-statistics.js';
import { IDENTITY_DIRECTION, type Image } from '../../src/image/types.js';
import { ibsiDiscretize } from '../../src/preprocess/ibsi-discretize.js';
import { ibsiInterpolate, ibsiResegmentInPlace } from '../../src/preprocess/ibsi-interpolate.js';
import { ibsiResample } from '../../src/preprocess/ibsi-resample.js';

const row = (values: number[], spacing: number): Image => ({
  data: Float64Array.from(values),
  size: [values.length, 1, 1],
  spacing: [spacing, 1, 1],
  origin: [0, 0, 0],
  direction: [...IDENTITY_DIRECTION],
});

describe('ibsiDiscretize (IBSI 1 reference manual 2.7)', () => {
  it('fixed bin size counts bins from the lower bound, not from multiples of the width', () => {
    const { levels, nLevels } = ibsiDiscretize([-500, -476, -475, 399, 0], [1, 1, 1, 1, 0], {
      binWidth: 25,
      lowerBound: -500,
    });
    expect([...levels]).toEqual([1, 1, 2, 36, 0]);
    expect(nLevels).toBe(36);
  });
  it('fixed bin number puts the maximum in the top bin and a flat ROI in bin 1', () => {
    expect([...ibsiDiscretize([0, 1, 2, 3, 4], [1, 1, 1, 1, 1], { binCount: 4 }).levels]).toEqual([
      1, 2, 3, 4, 4,
    ]);
    expect([...ibsiDiscretize([7, 7], [1, 1], { binCount: 32 }).levels]).toEqual([1, 1]);
  });
  it('rejects NaN in the ROI, voxels below the bound and more than 10^4 bins', () => {
    expect(() => ibsiDiscretize([Number.NaN, 1], [1, 1], { binCount: 4 })).toThrow(/NaN/);
    expect(() => ibsiDiscretize([-600, 1], [1, 1], { binWidth: 25, lowerBound: -500 })).toThrow(/below/);
    expect(() => ibsiDiscretize([0, 1e6], [1, 1], { binWidth: 1 })).toThrow(/10000/);
  });
});

describe('ibsiResample (IBSI 1 reference manual 2.4, grid centres aligned)', () => {
  it('halving the resolution of 4 voxels gives 2 voxels centred on the old grid', () => {
    // new voxel j samples old index (3 - 2 * 1) / 2 + 2 j = 0.5 + 2 j
    const out = ibsiResample(row([0, 10, 20, 30], 1), [2, null, null]);
    expect(out.size).toEqual([2, 1, 1]);
    expect([...out.data]).toEqual([5, 25]);
    expect(out.origin[0]).toBeCloseTo(0.5, 12);
  });
  it('rounds the new size up, keeps the grid centred and clamps samples beyond the edge', () => {
    // 5 voxels at 2 mm: ceil(5 / 2) = 3 voxels at old indices 0, 2, 4
    expect([...ibsiResample(row([0, 10, 20, 30, 40], 1), [2, null, null]).data]).toEqual([0, 20, 40]);
    // 3 voxels at 2.5 mm: 2 voxels at old indices -0.25 and 2.25, clamped to 0 and 2
    expect([...ibsiResample(row([0, 10, 20], 1), [2.5, null, null]).data]).toEqual([0, 20]);
  });
});

describe('ibsiStatistics (IBSI 1 reference manual 3.3)', () => {
  it('summarises 1, 2, 3, 4, 10 by hand', () => {
    const s = ibsiStatistics(Float64Array.of(1, 2, 3, 4, 10));
    expect(s.stat_mean).toBe(4);
    expect(s.stat_var).toBe(10); // (9 + 4 + 1 + 0 + 36) / 5
    expect(s.stat_median).toBe(3);
    expect(s.stat_p10).toBeCloseTo(1.4, 12); // linear interpolation at 0.4 between 1 and 2
    expect(s.stat_iqr).toBe(2); // P75 = 4, P25 = 2
    expect(s.stat_mad).toBeCloseTo(2.4, 12); // (3 + 2 + 1 + 0 + 6) / 5
    expect(s.stat_medad).toBeCloseTo(2.2, 12); // (2 + 1 + 0 + 1 + 7) / 5
    expect(s.stat_qcod).toBeCloseTo(2 / 6, 12);
    expect(s.stat_energy).toBe(130);
    expect(s.stat_cov).toBeCloseTo(Math.sqrt(10) / 4, 12);
  });
});

describe('ibsiResegmentInPlace / ibsiInterpolate (IBSI 1 reference manual 2.4-2.5)', () => {
  it('range first, then mean +/- n SD of the voxels left; NaN is left to the caller', () => {
    const roi = Uint8Array.of(1, 1, 1, 1, 1, 0);
    // [0, 50] drops 100; then mean 2.5, SD sqrt(1.25) = 1.118: 1 SD keeps [1.38, 3.62] = {2, 3}
    expect(ibsiResegmentInPlace([1, 2, 3, 4, 100, 2], roi, [0, 50], 1)).toBe(2);
    expect([...roi]).toEqual([0, 1, 1, 0, 0, 0]);
    const withNaN = Uint8Array.of(1, 1);
    expect(ibsiResegmentInPlace([Number.NaN, 1], withNaN, [0, 50], null)).toBe(2);
  });
  it('a 2:1 downsampling interpolates the mask linearly and keeps it at >= 0.5; intensities are rounded', () => {
    const image = row([0, 10, 21, 30], 1);
    const { image: out, roi } = ibsiInterpolate(image, { data: [0, 1, 1, 0] }, [2, null, null]);
    // samples at old indices 0.5 and 2.5: image 5 and 25.5 -> 26 (rounded); mask 0.5 and 0.5 -> kept
    expect([...out.data]).toEqual([5, 26]);
    expect([...roi]).toEqual([1, 1]);
    expect([...ibsiInterpolate(image, { data: [0, 0, 1, 0] }, [2, null, null]).roi]).toEqual([0, 1]);
    expect([...ibsiInterpolate(image, { data: [1, 0, 0, 0] }, [2, null, null]).roi]).toEqual([1, 0]);
  });
});
