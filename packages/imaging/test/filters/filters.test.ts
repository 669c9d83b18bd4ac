import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradientMagnitudeImage } from '../../src/filters/gradient.js';
import {
  exponentialImage,
  logarithmImage,
  squareImage,
  squareRootImage,
} from '../../src/filters/intensity-filters.js';
import { laplacianOfGaussian, logImageName } from '../../src/filters/laplacian-of-gaussian.js';
import { waveletImages } from '../../src/filters/wavelet.js';
import { volume } from './volume.js';

const row = volume([4, 1, 1], (x) => [-4, 0, 1, 4][x]);

describe('intensity filters (PyRadiomics imageoperations formulas, hand-worked, 1e-15)', () => {
  it('squareImage: (x / sqrt(max|x|))^2', () => {
    expect([...squareImage(row).data]).toEqual([4, 0, 0.25, 4]);
  });
  it('squareRootImage: sign(x) sqrt(|x| max|x|)', () => {
    expect([...squareRootImage(row).data]).toEqual([-4, 0, 2, 4]);
  });
  it('logarithmImage: sign(x) log(|x| + 1), rescaled to max|x|', () => {
    const s = 4 / Math.log(5);
    const got = logarithmImage(row).data;
    [-Math.log(5) * s, 0, Math.log(2) * s, 4].forEach((want, k) => {
      expect(got[k]).toBeCloseTo(want, 14);
    });
  });
  it('exponentialImage: exp(x log(max|x|) / max|x|)', () => {
    const got = exponentialImage(row).data;
    [0.25, 1, 4 ** 0.25, 4].forEach((want, k) => {
      expect(got[k]).toBeCloseTo(want, 14);
    });
  });
  it('reject NaN voxels and an all-zero image with a TaceError', () => {
    const nan = volume([2, 1, 1], (x) => (x === 0 ? Number.NaN : 1));
    expect(() => squareImage(nan)).toThrow(/NaN/);
    expect(() => laplacianOfGaussian(nan, 1)).toThrow(/NaN/);
    expect(() => squareRootImage(volume([2, 1, 1], () => 0))).toThrow(/0 everywhere/);
  });
});

describe('gradientMagnitudeImage (SimpleITK GradientMagnitudeImageFilter conventions)', () => {
  it('is |slope| inside a ramp and half of it on the edge voxels (edge-value extension), with spacing', () => {
    const ramp = volume([5, 3, 3], (x) => 2 * x, [0.5, 1, 1]);
    const g = gradientMagnitudeImage(ramp).data;
    expect(g[1 + 5 * (1 + 3)]).toBeCloseTo(4, 14); // 2 per voxel / 0.5 mm
    expect(g[0 + 5 * (1 + 3)]).toBeCloseTo(2, 14);
    expect(gradientMagnitudeImage(ramp, { useSpacing: false }).data[1 + 5 * (1 + 3)]).toBeCloseTo(2, 14);
  });
});

describe('waveletImages (PyWavelets swtn, periodization)', () => {
  it("reproduces PyWavelets' documented swt([1..8], 'db1') along x (constant along y, z: factor 2)", () => {
    const img = volume([8, 2, 2], (x) => x + 1);
    const bands = new Map(waveletImages(img, { wavelet: 'haar' }).map((b) => [b.name, b.image.data]));
    // PyWavelets documentation: cA = [2.1213, 3.5355, 4.9497, 6.3640, 7.7782, 9.1924, 10.6066, 6.3640],
    // cD = [-0.7071 (x7), 4.9497], i.e. (x[o] + x[o+1]) / sqrt 2 and (x[o] - x[o+1]) / sqrt 2, periodic.
    const cA = [3, 5, 7, 9, 11, 13, 15, 9].map((v) => v * Math.SQRT1_2);
    const cD = [-1, -1, -1, -1, -1, -1, -1, 7].map((v) => v * Math.SQRT1_2);
    for (let x = 0; x < 8; x++) {
      expect(bands.get('wavelet-LLL')![x]).toBeCloseTo(2 * cA[x], 7);
      expect(bands.get('wavelet-HLL')![x]).toBeCloseTo(2 * cD[x], 7);
      expect(bands.get('wavelet-LHL')![x]).toBeCloseTo(0, 12);
    }
  });
  it('names the 8 bands as PyRadiomics, x y z letter order, approximation last', () => {
    const names = waveletImages(volume([4, 4, 4], (x, y, z) => x * y + z)).map((b) => b.name);
    expect(names).toEqual([
      'wavelet-HHH',
      'wavelet-HHL',
      'wavelet-HLH',
      'wavelet-HLL',
      'wavelet-LHH',
      'wavelet-LHL',
      'wavelet-LLH',
      'wavelet-LLL',
    ]);
    const two = waveletImages(
      volume([4, 4, 4], () => 1),
      { level: 2 },
    ).map((b) => b.name);
    expect(two.slice(7, 9)).toEqual(['wavelet2-HHH', 'wavelet2-HHL']);
    expect(two.at(-1)).toBe('wavelet2-LLL');
    expect(
      waveletImages(
        volume([4, 4, 4], () => 1),
        { force2D: true },
      ).map((b) => b.name),
    ).toEqual(['wavelet-HH', 'wavelet-HL', 'wavelet-LH', 'wavelet-LL']);
  });
  it('coif1 bands of an even-sized volume hold 8 times its energy (orthonormal filters), 1e-9 relative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 96, maxLength: 96 }),
        (values) => {
          const img = volume([6, 4, 4], (x, y, z) => values[x + 6 * (y + 4 * z)]);
          let energy = 0;
          for (const v of img.data) energy += v * v;
          let total = 0;
          for (const band of waveletImages(img)) for (const v of band.image.data) total += v * v;
          expect(Math.abs(total - 8 * energy)).toBeLessThanOrEqual(1e-9 * (8 * energy) + 1e-9);
        },
      ),
      { numRuns: 30 },
    );
  });
  it('wraps an odd axis by one voxel and crops back, like PyRadiomics (constant image stays 2^1.5 c)', () => {
    const bands = waveletImages(volume([5, 4, 3], () => 3));
    expect(bands.at(-1)!.image.size).toEqual([5, 4, 3]);
    for (const v of bands.at(-1)!.image.data) expect(v).toBeCloseTo(3 * 2 ** 1.5, 12);
    for (const v of bands[0].image.data) expect(v).toBeCloseTo(0, 12);
  });
});

describe('laplacianOfGaussian (ITK recursive Gaussian, NormalizeAcrossScale)', () => {
  it('names images as PyRadiomics', () => {
    expect(logImageName(3)).toBe('log-sigma-3-0-mm-3D');
    expect(logImageName(0.5)).toBe('log-sigma-0-5-mm-3D');
  });
  it('is 0 on a constant image (1e-9) and sigma^2 * 2 on x^2 away from the borders (1%: Deriche approximation)', () => {
    const flat = laplacianOfGaussian(
      volume([12, 12, 12], () => 7),
      1.5,
    ).data;
    for (const v of flat) expect(Math.abs(v)).toBeLessThan(1e-9);
    const sigma = 2;
    const quad = laplacianOfGaussian(
      volume([40, 9, 9], (x) => (0.5 * x) ** 2, [0.5, 1, 1]),
      sigma,
    );
    const centre = 20 + 40 * (4 + 9 * 4);
    expect(Math.abs(quad.data[centre] / (2 * sigma * sigma) - 1)).toBeLessThan(0.01); // 0.71% measured
  });
  it('approximates the analytic LoG kernel on an impulse within 3% of its peak (ITK Deriche IIR accuracy; 1.8% measured)', () => {
    const n = 41;
    const sigma = 3;
    const impulse = volume([n, n, n], (x, y, z) => (x === 20 && y === 20 && z === 20 ? 1 : 0));
    const got = laplacianOfGaussian(impulse, sigma).data;
    // sigma^2 * Laplacian of the normalised 3D Gaussian at r: sigma^2 G(r) (r^2 - 3 sigma^2) / sigma^4
    const g = (r2: number) =>
      (Math.exp(-r2 / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma) ** 1.5) *
      ((r2 - 3 * sigma * sigma) / (sigma * sigma));
    const peak = Math.abs(g(0));
    for (const r of [0, 2, 4, 6]) {
      const v = got[20 + r + n * (20 + n * 20)];
      expect(Math.abs(v - g(r * r)) / peak).toBeLessThan(0.03);
    }
  });
  it('refuses an image smaller than the kernel (PyRadiomics skips that sigma)', () => {
    expect(() =>
      laplacianOfGaussian(
        volume([3, 8, 8], () => 1),
        1,
      ),
    ).toThrow(/at least 4 voxels/);
    expect(() =>
      laplacianOfGaussian(
        volume([8, 8, 8], () => 1),
        10,
      ),
    ).toThrow(/needs at least 11/);
  });
});
