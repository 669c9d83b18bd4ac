import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/extract/extract-features.js';
import { IMAGE_TYPES } from '../../src/extract/image-types.js';
import { laplacianOfGaussian, laplacianOfGaussianRegion } from '../../src/filters/laplacian-of-gaussian.js';
import {
  type RecursiveGaussianCoefficients,
  recursiveFilterAxis,
  recursiveFilterLine,
  recursiveGaussianCoefficients,
} from '../../src/filters/recursive-gaussian.js';
import { WAVELET_DEC_LO, waveletImages, waveletImagesRegion } from '../../src/filters/wavelet.js';
import type { Image } from '../../src/image/types.js';
import { cropArray } from '../../src/preprocess/crop.js';
import type { BoundingBox } from '../../src/preprocess/roi-mask.js';
import { volume } from './volume.js';

// The filters computed on a region (what extraction asks for: the ROI's box) equal the whole-image filters
// there bit for bit (toEqual on the voxel lists: exact), and the whole-image filters equal straight
// transcriptions of ITK's line recursion and of PyWavelets' periodic SWT.

/** ITK RecursiveSeparableImageFilter::FilterDataArray as written there (out, then scratch, then the sum). */
function itkLine(data: Float64Array, c: RecursiveGaussianCoefficients): Float64Array {
  const l = data.length;
  const out = new Float64Array(l);
  const s = new Float64Array(l);
  const [n0, n1, n2, n3] = c.n;
  const [m1, m2, m3, m4] = c.m;
  const [d1, d2, d3, d4] = c.d;
  const [bn1, bn2, bn3, bn4] = c.bn;
  const [bm1, bm2, bm3, bm4] = c.bm;
  const v1 = data[0];
  out[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  out[1] = data[1] * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  out[2] = data[2] * n0 + data[1] * n1 + v1 * n2 + v1 * n3;
  out[3] = data[3] * n0 + data[2] * n1 + data[1] * n2 + v1 * n3;
  out[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  out[1] -= out[0] * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  out[2] -= out[1] * d1 + out[0] * d2 + v1 * bn3 + v1 * bn4;
  out[3] -= out[2] * d1 + out[1] * d2 + out[0] * d3 + v1 * bn4;
  for (let i = 4; i < l; i++) {
    out[i] = data[i] * n0 + data[i - 1] * n1 + data[i - 2] * n2 + data[i - 3] * n3;
    out[i] -= out[i - 1] * d1 + out[i - 2] * d2 + out[i - 3] * d3 + out[i - 4] * d4;
  }
  const v2 = data[l - 1];
  s[l - 1] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  s[l - 2] = data[l - 1] * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  s[l - 3] = data[l - 2] * m1 + data[l - 1] * m2 + v2 * m3 + v2 * m4;
  s[l - 4] = data[l - 3] * m1 + data[l - 2] * m2 + data[l - 1] * m3 + v2 * m4;
  s[l - 1] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  s[l - 2] -= s[l - 1] * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  s[l - 3] -= s[l - 2] * d1 + s[l - 1] * d2 + v2 * bm3 + v2 * bm4;
  s[l - 4] -= s[l - 3] * d1 + s[l - 2] * d2 + s[l - 1] * d3 + v2 * bm4;
  for (let i = l - 4; i > 0; i--) {
    s[i - 1] = data[i] * m1 + data[i + 1] * m2 + data[i + 2] * m3 + data[i + 3] * m4;
    s[i - 1] -= s[i] * d1 + s[i + 1] * d2 + s[i + 2] * d3 + s[i + 3] * d4;
  }
  for (let i = 0; i < l; i++) out[i] += s[i];
  return out;
}

/** One level of PyWavelets' periodic stationary transform of `data` (a padded, even-sized volume) along `axis`. */
function swtAxis(data: Float64Array, size: number[], axis: number, filter: readonly number[]): Float64Array {
  const out = new Float64Array(data.length);
  const stride = [1, size[0], size[0] * size[1]][axis];
  const n = size[axis];
  const half = Math.floor(filter.length / 2);
  for (let v = 0; v < data.length; v++) {
    const p = Math.floor(v / stride) % n;
    let sum = 0;
    for (let j = 0; j < filter.length; j++) {
      const q = (((p + half - j) % n) + n) % n;
      sum += filter[j] * data[v + (q - p) * stride];
    }
    out[v] = sum;
  }
  return out;
}

/** PyRadiomics' level-1 wavelet bands (`wavelet-<xyz letters>`) by padding, swtAxis along x, y, z and cropping. */
function referenceBands(image: Image, wavelet: string): Map<string, number[]> {
  const lo = WAVELET_DEC_LO[wavelet];
  const hi = lo.map((_, k) => (k % 2 === 0 ? -1 : 1) * lo[lo.length - 1 - k]);
  const padded = image.size.map((n) => n + (n % 2));
  const wrap = volume(padded as [number, number, number], (x, y, z) => {
    const [nx, ny, nz] = image.size;
    return image.data[(x % nx) + nx * ((y % ny) + ny * (z % nz))];
  });
  let bands = [{ key: '', data: wrap.data as Float64Array }];
  for (const axis of [0, 1, 2]) {
    bands = bands.flatMap((b) => [
      { key: `${b.key}L`, data: swtAxis(b.data, padded, axis, lo) },
      { key: `${b.key}H`, data: swtAxis(b.data, padded, axis, hi) },
    ]);
  }
  const size = image.size;
  return new Map(
    bands.map((b) => [
      `wavelet-${b.key}`,
      [...cropArray(b.data, padded as [number, number, number], [0, 0, 0], size)],
    ]),
  );
}

/** A volume of `size` with seeded pseudo-random voxels in [-500, 500). */
function noise(size: [number, number, number], seed: number, spacing = [1, 1, 1]): Image {
  let s = seed;
  return volume(
    size,
    () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return (s / 2147483648) * 1000 - 500;
    },
    spacing,
  );
}

/** An arbitrary box inside a grid of `size`, from three pairs of fractions. */
function boxIn(size: number[], f: number[]): BoundingBox {
  const lower = size.map((n, d) => Math.floor(f[2 * d] * n)) as BoundingBox['lower'];
  const extent = size.map((n, d) => 1 + Math.floor(f[2 * d + 1] * (n - lower[d]))) as BoundingBox['size'];
  return { lower, size: extent.map((e, d) => Math.min(e, size[d] - lower[d])) as BoundingBox['size'] };
}

const sizes = fc.tuple(
  fc.integer({ min: 4, max: 13 }),
  fc.integer({ min: 4, max: 13 }),
  fc.integer({ min: 4, max: 9 }),
);
const fractions = fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 6, maxLength: 6 });

describe('recursive Gaussian line and LoG on a region (bit for bit)', () => {
  it('recursiveFilterLine equals the transcription of ITK FilterDataArray exactly', () => {
    const line = noise([23, 1, 1], 5).data as Float64Array;
    for (const [sigma, order] of [
      [0.6, 0],
      [2, 2],
      [7, 0],
    ] as const) {
      const c = recursiveGaussianCoefficients(sigma, 0.9, order, true);
      const out = new Float64Array(23);
      recursiveFilterLine(out, line, 23, c);
      expect([...out]).toEqual([...itkLine(line, c)]);
    }
  });
  it('laplacianOfGaussian equals D2x Gy Gz sx + Gx (D2y Gz sy + Gy D2z sz) by whole-volume recursiveFilterAxis passes, exactly', () => {
    const image = noise([11, 9, 7], 2, [0.9, 1, 1.1]);
    const sigma = 1.5;
    const c = (axis: number, order: 0 | 2) =>
      recursiveGaussianCoefficients(sigma, image.spacing[axis], order, true);
    const [sx, sy, sz] = image.spacing.map((s) => 1 / (s * s));
    const size = image.size;
    const gz = Float64Array.from(image.data);
    const dz = Float64Array.from(image.data);
    recursiveFilterAxis(gz, size, 2, c(2, 0));
    recursiveFilterAxis(dz, size, 2, c(2, 2));
    const total = Float64Array.from(gz);
    recursiveFilterAxis(total, size, 1, c(1, 0));
    recursiveFilterAxis(total, size, 0, c(0, 2));
    recursiveFilterAxis(gz, size, 1, c(1, 2));
    recursiveFilterAxis(dz, size, 1, c(1, 0));
    for (let v = 0; v < gz.length; v++) gz[v] = gz[v] * sy + dz[v] * sz;
    recursiveFilterAxis(gz, size, 0, c(0, 0));
    const want = total.map((t, v) => t * sx + gz[v]);
    expect([...laplacianOfGaussian(image, sigma).data]).toEqual([...want]);
  });
  it('laplacianOfGaussianRegion equals the whole-image LoG cropped, exactly (fast-check, 40 cases)', () => {
    fc.assert(
      fc.property(sizes, fractions, fc.constantFrom(0.7, 1.5, 2.5), (size, f, sigma) => {
        const image = noise(size, size[0] * 131 + size[2], [0.9, 1, 1.1]);
        const box = boxIn(size, f);
        const region = laplacianOfGaussianRegion(image, sigma, box);
        const whole = laplacianOfGaussian(image, sigma).data as Float64Array;
        expect(region.size).toEqual(box.size);
        expect([...region.data]).toEqual([...cropArray(whole, size, box.lower, box.size)]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('wavelet on a region (bit for bit)', () => {
  it('the whole-image bands equal a direct periodic SWT of the wrap-padded volume, exactly (odd and even sizes)', () => {
    for (const [size, wavelet] of [
      [[7, 6, 5], 'coif1'],
      [[4, 9, 3], 'db2'],
    ] as const) {
      const image = noise([...size], 3);
      const want = referenceBands(image, wavelet);
      for (const band of waveletImages(image, { wavelet }))
        expect([...band.image.data]).toEqual(want.get(band.name));
    }
  });
  it('waveletImagesRegion equals the whole-image bands cropped, exactly, for every option (fast-check, 40 cases)', () => {
    const options = fc.constantFrom(
      {},
      { wavelet: 'haar' },
      { wavelet: 'db3', level: 2 },
      { startLevel: 1 },
      { force2D: true },
      { force2D: true, force2Ddimension: 2 },
    );
    fc.assert(
      fc.property(sizes, fractions, options, (size, f, opts) => {
        const image = noise(size, size[1] * 17 + size[2]);
        const box = boxIn(size, f);
        const region = waveletImagesRegion(image, box, opts);
        const whole = waveletImages(image, opts);
        expect(region.map((b) => b.name)).toEqual(whole.map((b) => b.name));
        for (const [k, band] of region.entries()) {
          const want = cropArray(whole[k].image.data as Float64Array, size, box.lower, box.size);
          expect([...band.image.data]).toEqual([...want]);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('extraction with filters on the ROI box', () => {
  it('gives the features of the same filters run on the whole image (an image type returning whole images)', () => {
    const image = noise([20, 18, 10], 11, [0.8, 0.8, 2]);
    const mask = volume(
      [20, 18, 10],
      (x, y, z) => ((x - 9) ** 2 + (y - 8) ** 2 + 4 * (z - 5) ** 2 < 20 ? 1 : 0),
      [0.8, 0.8, 2],
    );
    const featureClass = { firstorder: null, glcm: null };
    IMAGE_TYPES.WholeLoGForTest = function* whole(img) {
      yield { name: 'log-sigma-1-5-mm-3D', image: laplacianOfGaussian(img, 1.5) };
    };
    try {
      const onBox = extractFeatures(image, mask, { imageType: { LoG: { sigma: [1.5] } }, featureClass });
      const whole = extractFeatures(image, mask, { imageType: { WholeLoGForTest: {} }, featureClass });
      expect(Object.keys(onBox.features).length).toBeGreaterThan(30);
      expect(onBox.features).toEqual(whole.features);
    } finally {
      delete IMAGE_TYPES.WholeLoGForTest;
    }
  });
});
