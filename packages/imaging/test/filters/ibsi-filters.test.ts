import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ibsiLaplacianOfGaussian } from '../../src/filters/ibsi-laplacian-of-gaussian.js';
import { ibsiWavelet } from '../../src/filters/ibsi-wavelet.js';
import { convolveAxisMirror, mirrorIndex } from '../../src/filters/mirror-convolution.js';
import { volume } from './volume.js';

describe('IBSI mirror convolution (hand-worked, exact)', () => {
  it('mirrors with the edge voxel repeated', () => {
    expect([-4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6].map((i) => mirrorIndex(i, 3))).toEqual([
      2, 2, 1, 0, 0, 1, 2, 2, 1, 0, 0,
    ]);
  });

  it('convolves [1, 2, 4] with [1, 2, 3]: out[o] = sum_j k[j] x[o + 1 - j] = [7, 11, 18]', () => {
    const out = convolveAxisMirror(Float64Array.of(1, 2, 4), [3, 1, 1], 0, Float64Array.of(1, 2, 3));
    expect(Array.from(out)).toEqual([7, 11, 18]);
  });
});

describe('IBSI LoG by convolution', () => {
  // The sampled kernel's moments: sum g'' = 0 and sum g'' k^2 = 2, up to the 4-sigma truncation (the kernel is
  // not re-centred, as IBSI's): 3.990 instead of 4 below (tolerance 0.02), 2.9e-4 c on a constant c.
  it('is the Laplacian in voxel units: 4 on x^2 + y^2 (in voxel indices) in 2D, whatever the spacing', () => {
    const image = volume([31, 31, 3], (x, y) => (x - 15) ** 2 + (y - 15) ** 2, [2, 2, 5]);
    const out = ibsiLaplacianOfGaussian(image, 3, { force2D: true });
    expect(Math.abs(out.data[15 + 31 * (15 + 31)] - 4)).toBeLessThan(0.02);
  });

  it('gives about 0 on a constant image (truncated kernel sum, < 5e-4 of the value)', () => {
    const out = ibsiLaplacianOfGaussian(
      volume([7, 6, 5], () => 10),
      1.5,
    );
    for (const x of out.data) expect(Math.abs(x)).toBeLessThan(5e-3);
  });

  it('rejects sigma <= 0', () => {
    expect(() =>
      ibsiLaplacianOfGaussian(
        volume([5, 5, 5], () => 0),
        0,
      ),
    ).toThrow(/sigma/);
  });
});

describe('IBSI undecimated wavelet', () => {
  it('LLL of a constant c is c 2^(3/2) at level 1 and 8c at level 2 (db3 low-pass sums to sqrt 2), 1e-9', () => {
    const image = volume([8, 7, 6], () => 5);
    for (const x of ibsiWavelet(image, { band: 'LLL' }).data) expect(x).toBeCloseTo(5 * 2 ** 1.5, 9);
    for (const x of ibsiWavelet(image, { band: 'LLL', level: 2 }).data) expect(x).toBeCloseTo(40, 9);
    for (const x of ibsiWavelet(image, { band: 'LLH', rotationInvariant: true }).data)
      expect(Math.abs(x)).toBeLessThan(1e-9);
  });

  it('haar HL of a step along x: (x[o] - x[o + 1]) / sqrt 2, times sqrt 2 along y (hand-worked, 1e-12)', () => {
    // haar dec_hi = [-1, 1] / sqrt 2, centre 1: out[o] = hi[0] x[o + 1] + hi[1] x[o]; the single-voxel y lines
    // mirror to constants, which the low-pass multiplies by sqrt 2.
    const image = volume([4, 1, 1], (x) => [0, 0, 2, 2][x]);
    const out = ibsiWavelet(image, { wavelet: 'haar', band: 'HL', force2D: true }).data;
    [0, -2, 0, 0].forEach((x, o) => {
      expect(Math.abs(out[o] - x)).toBeLessThan(1e-12);
    });
  });

  it('rotation-invariant responses rotate with the image (90 degrees about z), 1e-9', () => {
    const n = 6;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: n ** 3, maxLength: n ** 3 }),
        (values) => {
          const image = volume([n, n, n], (x, y, z) => values[x + n * (y + n * z)]);
          const rotated = volume([n, n, n], (x, y, z) => values[y + n * (n - 1 - x + n * z)]);
          const options = { wavelet: 'db2', band: 'LHH', level: 2, rotationInvariant: true };
          const a = ibsiWavelet(image, options).data;
          const b = ibsiWavelet(rotated, options).data;
          for (let z = 0; z < n; z++)
            for (let y = 0; y < n; y++)
              for (let x = 0; x < n; x++)
                expect(b[x + n * (y + n * z)]).toBeCloseTo(a[y + n * (n - 1 - x + n * z)], 9);
        },
      ),
      { numRuns: 5 },
    );
  });
});
