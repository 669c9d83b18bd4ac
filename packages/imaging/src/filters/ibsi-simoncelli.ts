import { assertInteger } from '@tace/core';
import { fft3d, linePlan } from '../image/fft.js';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { mirrorIndex } from './mirror-convolution.js';

/** Options of {@link ibsiSimoncelli}. */
export interface IbsiSimoncelliOptions {
  /** Decomposition level (1 = the finest band, `nu_max` = 1; `nu_max` halves per level). @default 1 */
  level?: number;
  /** Filter each z slice in 2D (IBSI 2 configurations "A"). @default false */
  force2D?: boolean;
  /**
   * Mirror-padding voxels per side ({@link mirrorIndex}) before the transform. The default 0 filters the image's
   * own grid, whose discrete Fourier transform makes the boundary periodic: what the IBSI 2 consensus
   * implementations do for this Fourier-domain filter (their configuration 8-9 values are reproduced only so).
   * @default 0
   */
  padding?: number;
}

/**
 * Normalised frequency of DFT index `k` on a grid of `l` samples, as the IBSI 2 consensus implementations of the
 * Simoncelli wavelet sample it: the centred grid `(c - (l - 1) / 2) / ((l - 1) / 2)` (outermost samples at -1
 * and 1) moved to DFT order by `ifftshift` (`c = (k + floor(l / 2)) mod l`). For even `l` the zero frequency
 * falls half a sample off index 0, so the filter is not exactly even and the response's real part is kept.
 */
function centredFrequency(k: number, l: number): number {
  if (l === 1) return 0;
  const half = (l - 1) / 2;
  return (((k + Math.floor(l / 2)) % l) - half) / half;
}

/**
 * In place: the real part of the periodic convolution of the real volume `x` (`lx x ly x lz`, x fastest) with
 * the real frequency response `h(i, j, k)`, computed as the convolution with its even part
 * `(h(k) + h(-k)) / 2` (the same real part) by a real-input transform: pairs of x lines share one complex
 * transform, and only the `floor(lx / 2) + 1` non-redundant x frequencies are transformed along y and z
 * (half the work of a complex transform).
 */
function realPeriodicFilter(
  x: Float64Array,
  lengths: readonly [number, number, number],
  h: (i: number, j: number, k: number) => number,
): void {
  const [lx, ly, lz] = lengths;
  const half = Math.floor(lx / 2);
  const plane = ly * lz;
  const lines = plane;
  const sRe = new Float64Array((half + 1) * plane);
  const sIm = new Float64Array((half + 1) * plane);
  const cRe = new Float64Array(lx);
  const cIm = new Float64Array(lx);
  const forward = linePlan(lx, false);
  const inverse = linePlan(lx, true);
  for (let n = 0; n < lines; n += 2) {
    const second = n + 1 < lines;
    for (let i = 0; i < lx; i++) {
      cRe[i] = x[i + lx * n]!;
      cIm[i] = second ? x[i + lx * (n + 1)]! : 0;
    }
    forward(cRe, cIm, 0, 1);
    for (let k = 0; k <= half; k++) {
      const m = (lx - k) % lx;
      const [ar, ai, mr, mi] = [cRe[k]!, cIm[k]!, cRe[m]!, cIm[m]!];
      sRe[k * plane + n] = (ar + mr) / 2;
      sIm[k * plane + n] = (ai - mi) / 2;
      if (second) {
        sRe[k * plane + n + 1] = (ai + mi) / 2;
        sIm[k * plane + n + 1] = -(ar - mr) / 2;
      }
    }
  }
  for (let k = 0; k <= half; k++) {
    const re = sRe.subarray(k * plane, (k + 1) * plane);
    const im = sIm.subarray(k * plane, (k + 1) * plane);
    fft3d(re, im, [ly, lz, 1], false);
    const km = (lx - k) % lx;
    for (let z = 0; z < lz; z++) {
      const zm = (lz - z) % lz;
      for (let y = 0; y < ly; y++) {
        const g = (h(k, y, z) + h(km, (ly - y) % ly, zm)) / 2;
        re[y + ly * z]! *= g;
        im[y + ly * z]! *= g;
      }
    }
    fft3d(re, im, [ly, lz, 1], true);
  }
  const total = lx * ly * lz;
  for (let n = 0; n < lines; n += 2) {
    const second = n + 1 < lines;
    for (let k = 0; k < lx; k++) {
      const m = k <= half ? k : lx - k;
      const ar = sRe[m * plane + n]!;
      const ai = sIm[m * plane + n]!;
      const br = second ? sRe[m * plane + n + 1]! : 0;
      const bi = second ? sIm[m * plane + n + 1]! : 0;
      // C = A + i B; above half, A and B are the conjugates of their mirrors (real a, b)
      if (k <= half) {
        cRe[k] = ar - bi;
        cIm[k] = ai + br;
      } else {
        cRe[k] = ar + bi;
        cIm[k] = br - ai;
      }
    }
    inverse(cRe, cIm, 0, 1);
    for (let i = 0; i < lx; i++) {
      x[i + lx * n] = cRe[i]! / total;
      if (second) x[i + lx * (n + 1)] = cIm[i]! / total;
    }
  }
}

/**
 * IBSI 2 Simoncelli wavelet (reference manual, non-separable wavelets; phase 2 configurations 8.A-9.B): the
 * isotropic band-pass filter defined in the Fourier domain, `psi(nu) = cos(pi / 2 log2(2 |nu| / nu_max))` for
 * `nu_max / 4 <= |nu| <= nu_max` and 0 elsewhere, `nu_max = 2^(1 - level)`, on the normalised frequency grid of
 * the (optionally mirror-padded) image ({@link centredFrequency}: the grid of the implementations whose
 * results form the IBSI 2 consensus, e.g. MIRP's, which reproduces the 8.A and 9.A consensus teams' statistics
 * to 1e-9). The response is the real part of the inverse transform.
 * @throws {TaceError} `INVALID_ARGUMENT` for a level below 1 or a negative padding; `MISSING_VALUE` for NaN voxels.
 * @example ibsiSimoncelli(image, { level: 1, force2D: true }).data
 */
export function ibsiSimoncelli(image: Image, options: IbsiSimoncelliOptions = {}): Image {
  const level = options.level ?? 1;
  assertInteger(level, 'level', 1);
  const pad = options.padding ?? 0;
  assertInteger(pad, 'padding', 0);
  checkFilterInput(image, 'Simoncelli');
  const { size, data } = image;
  const force2D = options.force2D === true;
  const dims = force2D ? 2 : 3;
  const lengths = [0, 1, 2].map((d) => (d < dims ? size[d]! + 2 * pad : 1));
  const pads = [0, 1, 2].map((d) => (d < dims ? pad : 0));
  const [lx, ly, lz] = lengths as [number, number, number];
  const nuMax = 2 ** (1 - level);
  const fxs = Float64Array.from({ length: lx }, (_, i) => centredFrequency(i, lx));
  const fys = Float64Array.from({ length: ly }, (_, j) => centredFrequency(j, ly));
  const fzs = Float64Array.from({ length: lz }, (_, k) => centredFrequency(k, lz));
  const response = (i: number, j: number, k: number) => {
    const nu = Math.sqrt(fxs[i]! ** 2 + fys[j]! ** 2 + fzs[k]! ** 2);
    return nu >= nuMax / 4 && nu <= nuMax ? Math.cos((Math.PI / 2) * Math.log2((2 * nu) / nuMax)) : 0;
  };
  const [nx, ny, nz] = size;
  const out = new Float64Array(data.length);
  const re = new Float64Array(lx * ly * lz);
  const blocks = force2D ? nz : 1;
  for (let s = 0; s < blocks; s++) {
    for (let k = 0; k < lz; k++) {
      const z = force2D ? s : mirrorIndex(k - pads[2]!, nz);
      for (let j = 0; j < ly; j++) {
        const y = mirrorIndex(j - pads[1]!, ny);
        for (let i = 0; i < lx; i++)
          re[i + lx * (j + ly * k)] = data[mirrorIndex(i - pads[0]!, nx) + nx * (y + ny * z)]!;
      }
    }
    realPeriodicFilter(re, [lx, ly, lz], response);
    for (let z = force2D ? s : 0; z < (force2D ? s + 1 : nz); z++) {
      const k = force2D ? 0 : z + pads[2]!;
      for (let y = 0; y < ny; y++)
        for (let x = 0; x < nx; x++)
          out[x + nx * (y + ny * z)] = re[x + pads[0]! + lx * (y + pads[1]! + ly * k)]!;
    }
  }
  return withData(image, out);
}
