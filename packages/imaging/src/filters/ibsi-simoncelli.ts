import { assertInteger } from '@tace/core';
import { fft3d } from '../image/fft.js';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { mirrorIndex } from './mirror-convolution.js';

/** Options of {@link ibsiSimoncelli}. */
export interface IbsiSimoncelliOptions {
  /** Decomposition level (1 = the finest band, `nu_max` = the Nyquist frequency; `nu_max` halves per level). @default 1 */
  level?: number;
  /** Filter each z slice in 2D (IBSI 2 configurations "A"). @default false */
  force2D?: boolean;
  /** Fewest mirror-padding voxels per side before the FFT (the padding grows to fill the power-of-two size). @default 32 */
  padding?: number;
}

/**
 * IBSI 2 Simoncelli wavelet (reference manual, 2.6.2; configurations 8.A-9.B): the isotropic, non-separable
 * band-pass filter defined in the Fourier domain, `psi(nu) = cos(pi / 2 log2(2 |nu| / nu_max))` for
 * `nu_max / 4 < |nu| <= nu_max` and 0 elsewhere, `|nu|` the frequency norm in units of the Nyquist frequency
 * and `nu_max = 2^(1 - level)`. Applied through the FFT of the image mirror-extended ({@link mirrorIndex}) to
 * a power-of-two size; the response is real (the filter is real and even).
 * @throws {TaceError} `INVALID_ARGUMENT` for a level below 1; `MISSING_VALUE` for NaN voxels.
 * @example ibsiSimoncelli(image, { level: 1, force2D: true }).data
 */
export function ibsiSimoncelli(image: Image, options: IbsiSimoncelliOptions = {}): Image {
  const level = options.level ?? 1;
  assertInteger(level, 'level', 1);
  const minPad = options.padding ?? 32;
  assertInteger(minPad, 'padding', 0);
  checkFilterInput(image, 'Simoncelli');
  const { size, data } = image;
  const force2D = options.force2D === true;
  const dims = force2D ? 2 : 3;
  const lengths = [0, 1, 2].map((d) => (d < dims ? 2 ** Math.ceil(Math.log2(size[d]! + 2 * minPad)) : 1));
  const pads = [0, 1, 2].map((d) => (d < dims ? Math.floor((lengths[d]! - size[d]!) / 2) : 0));
  const [lx, ly, lz] = lengths as [number, number, number];
  const total = lx * ly * lz;
  const nuMax = 2 ** (1 - level);
  const filter = new Float64Array(total);
  const freq = (k: number, l: number) => (2 * (k <= l / 2 ? k : k - l)) / l; // units of Nyquist
  for (let k = 0; k < lz; k++) {
    const fz = lz > 1 ? freq(k, lz) : 0;
    for (let j = 0; j < ly; j++) {
      const fy = freq(j, ly);
      for (let i = 0; i < lx; i++) {
        const nu = Math.sqrt(freq(i, lx) ** 2 + fy * fy + fz * fz);
        if (nu > nuMax / 4 && nu <= nuMax)
          filter[i + lx * (j + ly * k)] = Math.cos((Math.PI / 2) * Math.log2((2 * nu) / nuMax));
      }
    }
  }
  const [nx, ny, nz] = size;
  const out = new Float64Array(data.length);
  const re = new Float64Array(total);
  const im = new Float64Array(total);
  const blocks = force2D ? nz : 1;
  for (let s = 0; s < blocks; s++) {
    im.fill(0);
    for (let k = 0; k < lz; k++) {
      const z = force2D ? s : mirrorIndex(k - pads[2]!, nz);
      for (let j = 0; j < ly; j++) {
        const y = mirrorIndex(j - pads[1]!, ny);
        for (let i = 0; i < lx; i++)
          re[i + lx * (j + ly * k)] = data[mirrorIndex(i - pads[0]!, nx) + nx * (y + ny * z)]!;
      }
    }
    fft3d(re, im, lengths, false);
    for (let u = 0; u < total; u++) {
      re[u]! *= filter[u]!;
      im[u]! *= filter[u]!;
    }
    fft3d(re, im, lengths, true);
    for (let z = force2D ? s : 0; z < (force2D ? s + 1 : nz); z++) {
      const k = force2D ? 0 : z + pads[2]!;
      for (let y = 0; y < ny; y++)
        for (let x = 0; x < nx; x++)
          out[x + nx * (y + ny * z)] = re[x + pads[0]! + lx * (y + pads[1]! + ly * k)]! / total;
    }
  }
  return withData(image, out);
}
