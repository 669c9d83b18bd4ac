import { assertFiniteNumber, assertInteger, assertOneOf, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';

/** Pattern codes of {@link lbp2DImage} (scikit-image `local_binary_pattern` `method`). */
export const LBP2D_METHODS = ['default', 'ror', 'uniform', 'nri_uniform', 'var'] as const;

/** Pattern code of {@link lbp2DImage}. */
export type Lbp2DMethod = (typeof LBP2D_METHODS)[number];

/** Options of {@link lbp2DImage} (PyRadiomics settings in brackets). */
export interface Lbp2DOptions {
  /** Radius of the circle of samples, in voxels (`lbp2DRadius`). @default 1 */
  radius?: number;
  /** Number of samples on the circle (`lbp2DSamples`; PyRadiomics' code default, its docstring says 9). @default 8 */
  samples?: number;
  /** Pattern code (`lbp2DMethod`). @default 'uniform' */
  method?: Lbp2DMethod;
  /**
   * Axis across which the slices are taken, in PyRadiomics' numpy (z, y, x) order (`force2Ddimension`):
   * 0 = axial slices (rows y, columns x), 1 = coronal (rows z, columns x), 2 = sagittal (rows y, columns z).
   * @default 0
   */
  axis?: 0 | 1 | 2;
}

/** numpy `rint` (round half to even). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * PyRadiomics `LBP2D` image (`imageoperations.getLBP2DImage`): scikit-image's `local_binary_pattern` on every
 * slice across `axis`. Each voxel is compared with `samples` points on a circle of `radius` voxels
 * (row offset `-R sin(2 pi i / P)`, column offset `R cos(2 pi i / P)`, both rounded to 5 decimals), sampled
 * bilinearly with 0 outside the slice; a sample `>=` the centre is a 1. `uniform`: the number of ones when the
 * (non-circular) chain of bits changes at most twice, else `P + 1`; `default`: `sum bit_i 2^i`; `ror`: the
 * smallest circular right rotation of that code; `nri_uniform`: scikit-image's `1 + (ones - 1) P + rotation`
 * (0 all zeros, `P (P - 1) + 1` all ones, `P (P - 1) + 2` non-uniform); `var`: the samples' biased variance
 * (NaN when 0). The arithmetic follows scikit-image's step for step (same floating-point operations), so ties
 * resolve identically. Integer-typed input: the codes are integers; `var` values are truncated as PyRadiomics'
 * in-place assignment into the input array truncates them.
 * @throws {TaceError} `INVALID_ARGUMENT` for a bad option; `MISSING_VALUE` for NaN voxels.
 * @example lbp2DImage(ct, { radius: 1, samples: 8, method: 'uniform' }).data
 */
export function lbp2DImage(image: Image, options: Lbp2DOptions = {}): Image {
  const radius = options.radius ?? 1;
  const samples = options.samples ?? 8;
  const method = options.method ?? 'uniform';
  const axis = options.axis ?? 0;
  assertFiniteNumber(radius, 'radius');
  if (!(radius > 0))
    throw new TaceError('INVALID_ARGUMENT', `radius must be > 0, but was ${radius}`, { param: 'radius' });
  assertInteger(samples, 'samples', 1);
  if (samples > 30) {
    throw new TaceError('INVALID_ARGUMENT', `samples must be at most 30 (a bit code), but was ${samples}`, {
      param: 'samples',
    });
  }
  assertOneOf(method, 'method', LBP2D_METHODS);
  assertOneOf(String(axis), 'axis', ['0', '1', '2']);
  checkFilterInput(image, 'LBP2D');
  const { data, size } = image;
  const [nx, ny] = size;
  // (slice, row, column) axes in x, y, z terms, after numpy's swapaxes(0, axis) of a (z, y, x) array.
  const [sliceAxis, rowAxis, colAxis] = axis === 0 ? [2, 1, 0] : axis === 1 ? [1, 2, 0] : [0, 1, 2];
  const strides = [1, nx, nx * ny];
  const [ns, rows, cols] = [size[sliceAxis]!, size[rowAxis]!, size[colAxis]!];
  const [ss, rs, cs] = [strides[sliceAxis]!, strides[rowAxis]!, strides[colAxis]!];
  const rp = Float64Array.from(
    { length: samples },
    (_, i) => rint(-radius * Math.sin((2 * Math.PI * i) / samples) * 1e5) / 1e5,
  );
  const cp = Float64Array.from(
    { length: samples },
    (_, i) => rint(radius * Math.cos((2 * Math.PI * i) / samples) * 1e5) / 1e5,
  );
  const texture = new Float64Array(samples);
  const bits = new Uint8Array(samples);
  const out = new Float64Array(data.length);
  const integerInput = !(data instanceof Float64Array || data instanceof Float32Array);
  const pixel = (base: number, r: number, c: number) =>
    r < 0 || r >= rows || c < 0 || c >= cols ? 0 : (data[base + r * rs + c * cs] as number);
  const nonUniform = samples * (samples - 1) + 2;
  for (let s = 0; s < ns; s++) {
    const base = s * ss;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const centre = data[base + r * rs + c * cs] as number;
        for (let i = 0; i < samples; i++) {
          const y = r + rp[i]!;
          const x = c + cp[i]!;
          const minr = Math.floor(y);
          const minc = Math.floor(x);
          const maxr = Math.ceil(y);
          const maxc = Math.ceil(x);
          const dr = y - minr;
          const dc = x - minc;
          const top = (1 - dc) * pixel(base, minr, minc) + dc * pixel(base, minr, maxc);
          const bottom = (1 - dc) * pixel(base, maxr, minc) + dc * pixel(base, maxr, maxc);
          texture[i] = (1 - dr) * top + dr * bottom;
          bits[i] = texture[i]! - centre >= 0 ? 1 : 0;
        }
        let lbp = 0;
        if (method === 'var') {
          let sum = 0;
          let squares = 0;
          for (let i = 0; i < samples; i++) {
            sum += texture[i]!;
            squares += texture[i]! * texture[i]!;
          }
          const v = (squares - (sum * sum) / samples) / samples;
          lbp = v !== 0 ? (integerInput ? Math.trunc(v) : v) : Number.NaN;
        } else if (method === 'uniform' || method === 'nri_uniform') {
          let changes = 0;
          for (let i = 0; i < samples - 1; i++) if (bits[i] !== bits[i + 1]) changes++;
          if (method === 'uniform') {
            if (changes <= 2) for (let i = 0; i < samples; i++) lbp += bits[i]!;
            else lbp = samples + 1;
          } else if (changes > 2) lbp = nonUniform;
          else {
            let ones = 0;
            let firstOne = -1;
            let firstZero = -1;
            for (let i = 0; i < samples; i++) {
              if (bits[i] === 1) {
                ones++;
                if (firstOne === -1) firstOne = i;
              } else if (firstZero === -1) firstZero = i;
            }
            if (ones === 0) lbp = 0;
            else if (ones === samples) lbp = samples * (samples - 1) + 1;
            else {
              const rotation = firstOne === 0 ? ones - firstZero : samples - firstOne;
              lbp = 1 + (ones - 1) * samples + rotation;
            }
          }
        } else {
          for (let i = 0; i < samples; i++) lbp += bits[i]! * 2 ** i;
          if (method === 'ror') {
            let rotated = lbp;
            for (let i = 1; i < samples; i++) {
              rotated = (rotated >>> 1) | ((rotated & 1) << (samples - 1));
              if (rotated < lbp) lbp = rotated;
            }
          }
        }
        out[base + r * rs + c * cs] = lbp;
      }
    }
  }
  return withData(image, out);
}
