import { assertFiniteNumber, TaceError } from '@tace/core';
import { fft3d } from '../image/fft.js';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { mirrorIndex } from './mirror-convolution.js';

/** Options of {@link ibsiGabor}. */
export interface IbsiGaborOptions {
  /** Standard deviation of the Gaussian envelope (mm). @default 5 */
  sigma?: number;
  /** Wavelength of the harmonic (mm). @default 2 */
  lambda?: number;
  /** Spatial aspect ratio (envelope `sigma / gamma` across the harmonic). @default 1.5 */
  gamma?: number;
  /** Orientation (rad) without rotation invariance; the step between orientations with it. @default Math.PI / 8 */
  theta?: number;
  /** Average the modulus over the orientations `0, theta, 2 theta, ...` below 2 pi (IBSI "average pooling"). @default true */
  rotationInvariant?: boolean;
  /** Filter the axial planes only (IBSI 2 configurations "A"); otherwise the mean over the three orthogonal planes. @default false */
  force2D?: boolean;
  /** Kernel half-width in envelope standard deviations (the larger of `sigma`, `sigma / gamma`). @default 4 */
  truncate?: number;
}

/**
 * IBSI 2 Gabor filter (reference manual, 2.5; configurations 5.A / 5.B): the modulus of the convolution of
 * each 2D plane with `g(x, y) = exp(-(u^2 + gamma^2 v^2) / (2 sigma^2)) exp(2 pi i u / lambda)`,
 * (not normalised, as IBSI's reference values), `u = x cos theta + y sin theta`, `v = -x sin theta + y cos theta` (mm on the plane's voxel grid), sampled on a
 * square of half-width `floor(truncate * sigma / spacing + 0.5)` voxels, mirror padding; average over the
 * orientations (rotation invariance) and, in 3D, over the axial, coronal and sagittal planes. Each plane is
 * convolved through a zero-padded 2D FFT of the mirror-extended plane.
 * @throws {TaceError} `INVALID_ARGUMENT` for non-positive parameters; `MISSING_VALUE` for NaN voxels.
 * @example ibsiGabor(image, { sigma: 5, lambda: 2, gamma: 1.5, force2D: true }).data
 */
export function ibsiGabor(image: Image, options: IbsiGaborOptions = {}): Image {
  const sigma = options.sigma ?? 5;
  const lambda = options.lambda ?? 2;
  const gamma = options.gamma ?? 1.5;
  const step = options.theta ?? Math.PI / 8;
  const truncate = options.truncate ?? 4;
  for (const [name, v] of Object.entries({ sigma, lambda, gamma, truncate })) {
    assertFiniteNumber(v, name);
    if (v <= 0) throw new TaceError('INVALID_ARGUMENT', `${name} must be > 0, but was ${v}`, { param: name });
  }
  assertFiniteNumber(step, 'theta');
  checkFilterInput(image, 'Gabor');
  const thetas: number[] = [];
  if (options.rotationInvariant === false) thetas.push(step);
  else {
    if (step <= 0)
      throw new TaceError('INVALID_ARGUMENT', `theta must be > 0, but was ${step}`, { param: 'theta' });
    // the modulus at theta + pi equals that at theta (conjugate kernel, real image): half the turn suffices
    for (let t = 0; t < Math.PI - 1e-9; t += step) thetas.push(t);
  }
  const planes: [number, number][] =
    options.force2D === true
      ? [[0, 1]]
      : [
          [0, 1],
          [0, 2],
          [1, 2],
        ];
  const out = new Float64Array(image.data.length);
  for (const [a, b] of planes) {
    const response = planeGabor(image, a, b, thetas, { sigma, lambda, gamma, truncate });
    for (let v = 0; v < out.length; v++) out[v]! += response[v]! / planes.length;
  }
  return withData(image, out);
}

/** Mean modulus over `thetas` of the Gabor response of every plane spanned by axes `a` (u) and `b` (v). */
function planeGabor(
  image: Image,
  a: number,
  b: number,
  thetas: readonly number[],
  p: { sigma: number; lambda: number; gamma: number; truncate: number },
): Float64Array {
  const { size, spacing, data } = image;
  const stride = [1, size[0], size[0] * size[1]];
  const c = 3 - a - b;
  const na = size[a]!;
  const nb = size[b]!;
  const ha = spacing[a]!;
  const hb = spacing[b]!;
  const reach = Math.max(p.sigma, p.sigma / p.gamma) * p.truncate;
  const ra = Math.floor(reach / ha + 0.5);
  const rb = Math.floor(reach / hb + 0.5);
  const pow2 = (m: number) => 2 ** Math.ceil(Math.log2(m));
  const la = pow2(na + 2 * ra);
  const lb = pow2(nb + 2 * rb);
  const total = la * lb;
  // kernel spectra, one per orientation (kernel centred at index 0, wrapped)
  const spectra = thetas.map((theta) => {
    const re = new Float64Array(total);
    const im = new Float64Array(total);
    const cos = Math.cos(theta);
    const sin = Math.sin(theta);
    for (let j = -rb; j <= rb; j++) {
      for (let i = -ra; i <= ra; i++) {
        const x = i * ha;
        const y = j * hb;
        const u = x * cos + y * sin;
        const w = -x * sin + y * cos;
        const envelope = Math.exp(-(u * u + p.gamma * p.gamma * w * w) / (2 * p.sigma * p.sigma));
        const phase = (2 * Math.PI * u) / p.lambda;
        const k = ((i + la) % la) + la * ((j + lb) % lb);
        re[k] = envelope * Math.cos(phase);
        im[k] = envelope * Math.sin(phase);
      }
    }
    fft3d(re, im, [la, lb, 1], false);
    return [re, im] as const;
  });
  const out = new Float64Array(data.length);
  const sre = new Float64Array(total);
  const sim = new Float64Array(total);
  const wre = new Float64Array(total);
  const wim = new Float64Array(total);
  for (let s = 0; s < size[c]!; s++) {
    // the plane, mirror-extended by the kernel half-widths, at offset (0, 0) of the padded array
    sre.fill(0);
    sim.fill(0);
    for (let j = 0; j < nb + 2 * rb; j++) {
      const jb = mirrorIndex(j - rb, nb);
      for (let i = 0; i < na + 2 * ra; i++) {
        const ia = mirrorIndex(i - ra, na);
        sre[i + la * j] = data[ia * stride[a]! + jb * stride[b]! + s * stride[c]!]!;
      }
    }
    fft3d(sre, sim, [la, lb, 1], false);
    for (const [kre, kim] of spectra) {
      for (let k = 0; k < total; k++) {
        wre[k] = sre[k]! * kre[k]! - sim[k]! * kim[k]!;
        wim[k] = sre[k]! * kim[k]! + sim[k]! * kre[k]!;
      }
      fft3d(wre, wim, [la, lb, 1], true);
      for (let j = 0; j < nb; j++) {
        for (let i = 0; i < na; i++) {
          const k = i + ra + la * (j + rb);
          const modulus = Math.hypot(wre[k]!, wim[k]!) / total;
          out[i * stride[a]! + j * stride[b]! + s * stride[c]!]! += modulus / thetas.length;
        }
      }
    }
  }
  return out;
}
