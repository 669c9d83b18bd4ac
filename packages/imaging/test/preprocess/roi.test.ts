import { isTaceError } from '@tace/core';
import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/index.js';
import {
  assertSameGeometry,
  checkRoi,
  extractFeatures,
  normalizeImage,
  resampleToReference,
  resampleToSpacing,
  selectLabel,
} from '../../src/index.js';
import { resegment } from '../../src/kernels.js';

function grid(
  data: Image['data'],
  size: [number, number, number],
  spacing: [number, number, number] = [1, 1, 1],
): Image {
  return { data, size, spacing, origin: [0, 0, 0], direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] };
}

describe('ROI selection and checks', () => {
  it('an absent label lists the labels present', () => {
    const mask = grid(Int16Array.of(0, 2, 3, 0), [4, 1, 1]);
    expect(() => selectLabel(mask, 1)).toThrow(/label 1 is not present in the mask; labels present: 2, 3/);
  });
  it('an all-zero mask, a one-voxel ROI and too few dimensions are EMPTY_INPUT errors', () => {
    expect(() => selectLabel(grid(new Uint8Array(4), [4, 1, 1]), 1)).toThrow(/no segmented voxel/);
    const one = Uint8Array.of(0, 1, 0, 0);
    expect(() => checkRoi(one, [4, 1, 1])).toThrow(/single voxel/);
    const line = Uint8Array.of(0, 1, 1, 0);
    try {
      checkRoi(line, [4, 1, 1], { minimumROIDimensions: 2 });
      expect.unreachable();
    } catch (error) {
      expect(isTaceError(error, 'EMPTY_INPUT')).toBe(true);
    }
    expect(checkRoi(line, [4, 1, 1], { minimumROIDimensions: 1 }).box).toEqual({
      lower: [1, 0, 0],
      size: [2, 1, 1],
    });
  });
  it('a mask on another grid is a GEOMETRY_MISMATCH that prints both geometries', () => {
    const image = grid(new Int16Array(8), [2, 2, 2]);
    const mask = { ...image, origin: [0, 0, 0.5] as [number, number, number] };
    expect(() => assertSameGeometry(image, mask)).toThrow(/origin \(0, 0, 0\).*origin \(0, 0, 0\.5\)/);
    expect(() => extractFeatures(image, { ...mask, data: Uint8Array.of(1, 1, 1, 1, 0, 0, 0, 0) })).toThrow(
      /grids differ/,
    );
  });
  it('correctMask resamples a shifted mask onto the image grid (nearest neighbour)', () => {
    const image = grid(
      Int16Array.from({ length: 27 }, (_, i) => i),
      [3, 3, 3],
    );
    const mask = {
      ...grid(new Uint8Array(27).fill(1), [3, 3, 3]),
      origin: [0.2, 0, 0] as [number, number, number],
    };
    const { features } = extractFeatures(image, mask, {
      setting: { correctMask: true },
      featureClass: { firstorder: ['Mean'] },
    });
    // voxels with i = 0 lie outside the shifted mask's extent (index -0.2 >= -0.5 is inside; all inside here)
    expect(features.original_firstorder_Mean).toBe(13);
  });
});

describe('resegment (PyRadiomics resegmentMask)', () => {
  const data = [1, 2, 3, 4, 5, 100];
  const mask = Uint8Array.of(1, 1, 1, 1, 1, 1);
  it('absolute: closed interval; one threshold keeps values >= it', () => {
    expect(Array.from(resegment(data, mask, [2, 5]))).toEqual([0, 1, 1, 1, 1, 0]);
    expect(Array.from(resegment(data, mask, [4]))).toEqual([0, 0, 0, 1, 1, 1]);
  });
  it('relative to the ROI maximum and in population standard deviations', () => {
    expect(Array.from(resegment(data, mask, [0.03], 'relative'))).toEqual([0, 0, 1, 1, 1, 1]);
    expect(Array.from(resegment(data, mask, [-1, 1], 'sigma'))).toEqual([1, 1, 1, 1, 1, 0]);
  });
  it('keeping one voxel or fewer is an error', () => {
    expect(() => resegment(data, mask, [50, 200])).toThrow(/kept 1 voxel/);
  });
});

describe('normalizeImage (SimpleITK Normalize, PyRadiomics normalizeImage)', () => {
  it('z-scores over all voxels with the N - 1 standard deviation, then scale', () => {
    const out = normalizeImage(grid(Int16Array.of(1, 2, 3, 4), [4, 1, 1]), { scale: 10 });
    const sd = Math.sqrt(5 / 3);
    [1, 2, 3, 4].forEach((x, i) => {
      expect(out.data[i]).toBeCloseTo((10 * (x - 2.5)) / sd, 12);
    });
  });
  it('clips z-scores at removeOutliers before scaling', () => {
    const out = normalizeImage(grid(Float64Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 100), [10, 1, 1]), {
      removeOutliers: 1,
    });
    expect(out.data[9]).toBe(1);
  });
});

describe('resampling', () => {
  it('nearest and linear on the same grid return the input; B-spline passes through the samples', () => {
    const ramp = grid(
      Float64Array.from({ length: 6 * 5 * 4 }, (_, i) => (i % 6) * 2 + Math.floor(i / 30)),
      [6, 5, 4],
    );
    for (const interpolator of ['sitkNearestNeighbor', 'sitkLinear', 'sitkBSpline'] as const) {
      const same = resampleToReference(ramp, ramp, interpolator);
      same.data.forEach((v, i) => {
        expect(v).toBeCloseTo(ramp.data[i]!, 9);
      });
    }
    const shifted = {
      ...ramp,
      size: [3, 5, 4] as [number, number, number],
      origin: [1.5, 0, 0] as [number, number, number],
    };
    const linear = resampleToReference(ramp, shifted, 'sitkLinear');
    expect(linear.data[0]).toBeCloseTo(3, 12);
    // cubic B-spline interpolation passes through the samples
    const onSamples = { ...shifted, origin: [2, 1, 1] as [number, number, number] };
    const spline = resampleToReference(ramp, onSamples, 'sitkBSpline');
    expect(spline.data[0]).toBeCloseTo(2 * 2 + 1 + 0, 9);
  });
  it('keeps the voxel type, truncating interpolated integers as ITK casts', () => {
    const image = grid(Int16Array.of(0, 3), [2, 1, 1]);
    const half = {
      ...image,
      size: [1, 1, 1] as [number, number, number],
      origin: [0.5, 0, 0] as [number, number, number],
    };
    const out = resampleToReference(image, half, 'sitkLinear');
    expect(out.data).toBeInstanceOf(Int16Array);
    expect(out.data[0]).toBe(1); // 1.5 truncated
  });
  it('PyRadiomics grid: ROI bounding box plus padDistance, aligned to the first voxel corner', () => {
    const image = grid(new Int16Array(20 * 20 * 5), [20, 20, 5], [1, 1, 2]);
    const mask = new Uint8Array(20 * 20 * 5);
    for (let k = 1; k < 4; k++)
      for (let j = 8; j < 12; j++) for (let i = 5; i < 10; i++) mask[i + 20 * (j + 20 * k)] = 1;
    const out = resampleToSpacing(image, mask, [2, 2, 1], { padDistance: 1 });
    expect(out.image.spacing).toEqual([2, 2, 1]);
    // x: floor((5 - 0.5) * 0.5 - 1) = 1 .. ceil((10 - 0.5) * 0.5 + 1) = 6 -> 6 voxels
    expect(out.image.size[0]).toBe(6);
    // origin = (0.5 * (2 - 1) / 1 + 1 / 0.5) * 1 = 2.5 mm along x
    expect(out.image.origin[0]).toBeCloseTo(2.5, 12);
    let inside = 0;
    for (const v of out.mask) inside += v;
    expect(inside).toBeGreaterThan(0);
  });
});
