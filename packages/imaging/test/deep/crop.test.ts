import { isTaceError } from '@tace/core';
import {
  cropPhases,
  flipSample,
  indexToPoint,
  prepareSamples,
  resampleToReference,
  sliceStack2d,
  TACE_CNN_V1_MANIFEST,
  tumorCrop3d,
  windowAndNormalize,
} from '@tace/imaging';
import { sampleOnGrid } from '@tace/imaging/kernels';
import { imageFromFunction, maskFromFunction } from '@tace/synthetic';
import { describe, expect, it } from 'vitest';
import { roiCenter } from '../../src/deep/crop/roi.js';
import { linear } from './synthetic.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return isTaceError(error) ? error.code : `not a TaceError: ${error}`;
  }
  return undefined;
}

const ct = imageFromFunction([20, 20, 10], (_i, _j, _k, p) => linear(p), {
  spacing: [1, 1, 2],
  origin: [10, -5, 3],
});
const cube = maskFromFunction(ct, (i, j, k) => i >= 5 && i <= 7 && j >= 8 && j <= 10 && k >= 3 && k <= 5);

describe('sampleOnGrid', () => {
  it('returns the image itself on its own grid', () => {
    const out = sampleOnGrid(ct, ct, -1024);
    expect(Array.from(out)).toEqual(Array.from(ct.data));
  });

  it("equals preprocess's resampleToReference(sitkLinear) on a rotated, shifted grid inside the volume (1e-4 absolute, float32)", () => {
    const noisy = imageFromFunction(
      [12, 10, 8],
      (i, j, k) => Math.sin(i * 1.3) * 100 + Math.cos(j * 0.7 + k) * 50,
      {
        spacing: [1.2, 0.9, 2],
      },
    );
    const c = Math.SQRT1_2;
    const target = {
      size: [9, 9, 6] as [number, number, number],
      spacing: [0.7, 0.8, 1.1] as [number, number, number],
      origin: [6, 1, 2] as [number, number, number],
      direction: [c, -c, 0, c, c, 0, 0, 0, 1] as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ],
    };
    const ours = sampleOnGrid(noisy, target, -1024);
    const theirs = resampleToReference(
      { ...noisy, data: Float64Array.from(noisy.data) },
      target,
      'sitkLinear',
    ).data;
    let inside = 0;
    for (let o = 0; o < ours.length; o++) {
      if (ours[o] === -1024) {
        expect(theirs[o]).toBe(0); // same outside rule; resampleToReference fills 0
        continue;
      }
      inside++;
      expect(Math.abs(ours[o] - theirs[o])).toBeLessThan(1e-4); // float32 vs float64 on values |v| <= 150
    }
    expect(inside).toBeGreaterThan(100);
  });
});

describe('roiCenter', () => {
  // L-shaped ROI in slice k = 2: (2..5, 2) plus (2, 3) and (2, 4). Centroid index (3, 2.5, 2); bbox centre (3.5, 3, 2).
  const image = imageFromFunction([8, 8, 4], () => 0);
  const lShape = maskFromFunction(
    image,
    (i, j, k) => k === 2 && ((j === 2 && i >= 2 && i <= 5) || (i === 2 && (j === 3 || j === 4))),
  );
  it('centroid is the mean voxel position (hand-computed (3, 2.5, 2))', () => {
    expect(roiCenter(lShape, 'centroid')).toEqual([3, 2.5, 2]);
  });
  it('bbox is the bounding-box centre (hand-computed (3.5, 3, 2))', () => {
    expect(roiCenter(lShape, 'bbox')).toEqual([3.5, 3, 2]);
  });
  it('maps the index to LPS mm with spacing and origin', () => {
    expect(roiCenter(cube, 'centroid')).toEqual([10 + 6, -5 + 9, 3 + 2 * 4]);
  });
});

describe('tumorCrop3d(image, mask)', () => {
  it('centres the crop on the ROI centroid: the middle voxel is the centroid voxel (hand value 1156)', () => {
    const crop = tumorCrop3d(ct, cube, { size: [5, 5, 3], spacing: [1, 1, 2] });
    expect(crop.size).toEqual([5, 5, 3]);
    // Middle voxel (2, 2, 1) is image index (6, 9, 4): point (16, 4, 11) -> 16 + 40 + 1100.
    expect(crop.data[2 + 5 * (2 + 5 * 1)]).toBe(1156);
    expect(crop.origin).toEqual([14, 2, 9]);
  });

  it('resamples to the target spacing (trilinear; exact on a linear image to 1e-3 HU in float32)', () => {
    const crop = tumorCrop3d(ct, cube, { size: [7, 7, 5], spacing: [0.5, 0.75, 1.5] });
    let o = 0;
    for (let k = 0; k < 5; k++)
      for (let j = 0; j < 7; j++)
        for (let i = 0; i < 7; i++, o++)
          expect(crop.data[o]).toBeCloseTo(linear(indexToPoint(crop, i, j, k)), 3);
  });

  it('pads the part of the crop outside the volume with padValue and keeps the ROI centred', () => {
    const image = imageFromFunction([10, 10, 10], (i, j, k) => 1 + i + 10 * j + 100 * k);
    const corner = maskFromFunction(image, (i, j, k) => i === 0 && j === 0 && k === 0);
    const crop = tumorCrop3d(image, corner, { size: [5, 5, 5], spacing: [1, 1, 1], padValue: -7 });
    // Crop index c maps to image index c - 2 on each axis: c = 0, 1 fall outside (< -0.5), c = 2..4 inside.
    let padded = 0;
    let o = 0;
    for (let k = 0; k < 5; k++)
      for (let j = 0; j < 5; j++)
        for (let i = 0; i < 5; i++, o++) {
          if (i < 2 || j < 2 || k < 2) {
            expect(crop.data[o]).toBe(-7);
            padded++;
          } else expect(crop.data[o]).toBe(1 + (i - 2) + 10 * (j - 2) + 100 * (k - 2));
        }
    expect(padded).toBe(125 - 27);
  });

  it('treats [-0.5, size - 0.5) as inside (as resampleToReference), clamping neighbours', () => {
    const image = imageFromFunction([4, 4, 4], (i) => 10 * i);
    const edge = maskFromFunction(image, (i, j, k) => i === 3 && j === 1 && k === 1);
    // Crop spacing 0.5: crop x index 3 is the ROI voxel (i = 3); index 2 is i = 2.5 -> 25; index 4 is i = 3.5
    // (the upper boundary, outside -> pad). At the lower edge, i = -0.5 is inside (clamped to voxel 0).
    const crop = tumorCrop3d(image, edge, { size: [7, 1, 1], spacing: [0.5, 1, 1], padValue: -1 });
    expect(Array.from(crop.data)).toEqual([15, 20, 25, 30, -1, -1, -1]);
    const low = maskFromFunction(image, (i, j, k) => i === 0 && j === 1 && k === 1);
    const lowCrop = tumorCrop3d(image, low, { size: [5, 1, 1], spacing: [0.5, 1, 1], padValue: -1 });
    expect(Array.from(lowCrop.data)).toEqual([-1, 0, 0, 5, 10]);
  });

  it('uses the bounding-box centre with centre: "bbox"', () => {
    const image = imageFromFunction([8, 8, 4], (i, j) => i + 100 * j);
    const lShape = maskFromFunction(
      image,
      (i, j, k) => k === 2 && ((j === 2 && i >= 2 && i <= 5) || (i === 2 && (j === 3 || j === 4))),
    );
    const crop = tumorCrop3d(image, lShape, { size: [1, 1, 1], spacing: [1, 1, 1], center: 'bbox' });
    expect(crop.data[0]).toBeCloseTo(3.5 + 300, 4);
  });

  it('rejects a mask on another grid, an empty ROI and bad options with TaceErrors', () => {
    const other = maskFromFunction(
      imageFromFunction([20, 20, 9], () => 0),
      () => true,
    );
    expect(codeOf(() => tumorCrop3d(ct, other))).toBe('GEOMETRY_MISMATCH');
    expect(
      codeOf(() =>
        tumorCrop3d(
          ct,
          maskFromFunction(ct, () => false),
        ),
      ),
    ).toBe('EMPTY_INPUT');
    expect(codeOf(() => tumorCrop3d(ct, cube, { size: [0, 4, 4] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => tumorCrop3d(ct, cube, { spacing: [1, -1, 1] }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => tumorCrop3d(ct, cube, { label: 2 }))).toBe('EMPTY_INPUT');
  });
});

describe('cropPhases: multi-phase stacking on the first phase grid', () => {
  const a = imageFromFunction([16, 16, 16], (_i, _j, _k, p) => linear(p));
  const mask = maskFromFunction(a, (i, j, k) => i >= 6 && i <= 9 && j >= 5 && j <= 8 && k >= 7 && k <= 9);
  // The same anatomy on other grids: coarser and shifted; and flipped left-right (direction x = -1).
  const coarse = imageFromFunction([10, 10, 10], (_i, _j, _k, p) => linear(p), {
    spacing: [2, 2, 2],
    origin: [-2.5, -1, -3],
  });
  const flipped = imageFromFunction([16, 16, 16], (_i, _j, _k, p) => linear(p), {
    origin: [15, 0, 0],
    direction: [-1, 0, 0, 0, 1, 0, 0, 0, 1],
  });

  it('samples every phase at the same physical points (channels agree to 1e-3)', () => {
    const { data, channels, grid } = cropPhases([a, coarse, flipped], mask, {
      size: [6, 6, 6],
      spacing: [1.5, 1.5, 1.5],
    });
    expect(channels).toBe(3);
    expect(grid.direction).toEqual(a.direction);
    const v = 216;
    for (let o = 0; o < v; o++) {
      expect(data[v + o]).toBeCloseTo(data[o], 3);
      expect(data[2 * v + o]).toBeCloseTo(data[o], 3);
    }
  });

  it('a phase shifted by one voxel gives a crop shifted by one voxel (misregistration is not hidden)', () => {
    const shifted = imageFromFunction([16, 16, 16], (i, j, k) => linear([i + 1, j, k]));
    const { data } = cropPhases([a, shifted], mask, { size: [4, 4, 4], spacing: [1, 1, 1] });
    for (let o = 0; o < 64; o++) expect(data[64 + o] - data[o]).toBeCloseTo(1, 4);
  });
});

describe('sliceStack2d: largest-area slices', () => {
  const image = imageFromFunction([12, 12, 8], (_i, _j, _k, p) => linear(p), { spacing: [1, 1, 2] });
  // Areas: k = 3 -> 4 voxels, k = 4 -> 9 voxels, k = 5 -> 1 voxel.
  const mask = maskFromFunction(
    image,
    (i, j, k) =>
      (k === 3 && i >= 4 && i <= 5 && j >= 4 && j <= 5) ||
      (k === 4 && i >= 3 && i <= 5 && j >= 6 && j <= 8) ||
      (k === 5 && i === 9 && j === 9),
  );

  it('picks slices by decreasing ROI area and centres each on that slice ROI', () => {
    const stacks = sliceStack2d(image, mask, { size: [3, 3, 1], spacing: [1, 1, 2], slices: 2 });
    expect(Array.from(stacks.sliceIndices)).toEqual([4, 3]);
    expect(Array.from(stacks.areas)).toEqual([9, 4]);
    expect(stacks.samples).toBe(2);
    expect(stacks.channels).toBe(1);
    // Sample 0, middle pixel: slice 4 ROI centroid (4, 7) -> point (4, 7, 8).
    expect(stacks.data[4]).toBeCloseTo(linear([4, 7, 8]), 4);
    // Sample 1, middle pixel: slice 3 centroid (4.5, 4.5) -> point (4.5, 4.5, 6).
    expect(stacks.data[9 + 4]).toBeCloseTo(linear([4.5, 4.5, 6]), 4);
  });

  it('2.5D: adjacent planes k - 1, k, k + 1 around the slice; two phases phase-major', () => {
    const stacks = sliceStack2d([image, image], mask, { size: [1, 1, 3], spacing: [1, 1, 2], slices: 1 });
    expect(stacks.channels).toBe(6);
    const expected = [6, 8, 10].map((z) => linear([4, 7, z]));
    expect(Array.from(stacks.data).map((v) => Math.round(v * 1e3) / 1e3)).toEqual([...expected, ...expected]);
  });

  it('returns fewer samples when the ROI spans fewer slices', () => {
    expect(sliceStack2d(image, mask, { size: [3, 3, 1], slices: 10 }).samples).toBe(3);
  });
});

describe('windowAndNormalize, flipSample, prepareSamples', () => {
  it('clips to the HU window then normalises (hand values)', () => {
    const minmax = windowAndNormalize(Float32Array.of(-1000, 0, 500), [-100, 300], {
      method: 'minmax',
      min: -100,
      max: 300,
    });
    expect(Array.from(minmax)).toEqual([0, 0.25, 1]);
    const z = windowAndNormalize(Float32Array.of(-1000, 0, 500), [-100, 300], {
      method: 'zscore',
      mean: 100,
      std: 200,
    });
    expect(Array.from(z)).toEqual([-1, -0.5, 1]);
  });

  it('flips along x, y, z of a [c, z, y, x] sample', () => {
    // c = 1, z = 2, y = 1, x = 3: [[1, 2, 3], [4, 5, 6]]
    const s = Float32Array.of(1, 2, 3, 4, 5, 6);
    expect(Array.from(flipSample(s, [1, 2, 1, 3], ['x']))).toEqual([3, 2, 1, 6, 5, 4]);
    expect(Array.from(flipSample(s, [1, 2, 1, 3], ['z']))).toEqual([4, 5, 6, 1, 2, 3]);
    expect(Array.from(flipSample(s, [1, 2, 1, 3], ['x', 'z']))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(Array.from(flipSample(s, [1, 2, 1, 3], ['y']))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('prepareSamples names a missing phase', () => {
    let message = '';
    try {
      prepareSamples({ phases: { arterial: ct }, mask: cube }, TACE_CNN_V1_MANIFEST);
    } catch (error) {
      expect(isTaceError(error, 'INVALID_ARGUMENT')).toBe(true);
      message = (error as Error).message;
    }
    expect(message).toContain("phase 'portal-venous' is missing");
  });

  it('prepareSamples gives [C, z, y, x] windowed to [0, 1] for the shipped manifest', () => {
    const { samples, data } = prepareSamples(
      { phases: { arterial: ct, 'portal-venous': ct }, mask: cube },
      TACE_CNN_V1_MANIFEST,
    );
    expect(samples).toBe(1);
    expect(data.length).toBe(2 * 32 ** 3);
    expect(Math.min(...data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...data)).toBeLessThanOrEqual(1);
  });
});
