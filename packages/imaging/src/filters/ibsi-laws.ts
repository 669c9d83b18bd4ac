import { assertInteger, TaceError } from '@tace/core';
import type { Image } from '../image/types.js';
import { checkFilterInput, withData } from './filter-input.js';
import { convolveAxisMirror } from './mirror-convolution.js';

/** IBSI 2 Laws kernels (reference manual, table 2.1), normalised to unit norm. */
export const LAWS_KERNELS: Readonly<Record<string, readonly number[]>> = {
  L3: [1, 2, 1].map((x) => x / Math.sqrt(6)),
  E3: [-1, 0, 1].map((x) => x / Math.sqrt(2)),
  S3: [-1, 2, -1].map((x) => x / Math.sqrt(6)),
  L5: [1, 4, 6, 4, 1].map((x) => x / Math.sqrt(70)),
  E5: [-1, -2, 0, 2, 1].map((x) => x / Math.sqrt(10)),
  S5: [-1, 0, 2, 0, -1].map((x) => x / Math.sqrt(6)),
  W5: [-1, 2, 0, -2, 1].map((x) => x / Math.sqrt(10)),
  R5: [1, -4, 6, -4, 1].map((x) => x / Math.sqrt(70)),
};

/** Options of {@link ibsiLaws}. */
export interface IbsiLawsOptions {
  /** Kernel name, one 1D kernel per axis in x, y(, z) order (`'L5E5E5'`; `'L5E5'` with `force2D`). @default 'L5E5E5' */
  kernel?: string;
  /** Max pooling over the right-angle rotations of the kernel (24 in 3D, 4 in plane): IBSI "rotation invariance". @default true */
  rotationInvariant?: boolean;
  /** Half-width (voxels) of the energy window: the mean of `|response|` over `(2 d + 1)^D` voxels; null for the raw response. @default 7 */
  energyDistance?: number | null;
  /** Filter each z slice in 2D (IBSI 2 configurations "A"). @default false */
  force2D?: boolean;
}

/**
 * IBSI 2 Laws filter (reference manual, 2.4; configurations 4.A / 4.B): the separable product of the 1D Laws
 * kernels of `kernel` (mirror padding), with rotation invariance by max pooling over the kernel's right-angle
 * rotations (permutations of the axes and reversals of the kernels: for the response of one axis assignment,
 * a reversal of an odd kernel negates it), then the energy map (local mean of the absolute pooled response).
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown kernel or one whose length is not the number of axes;
 *   `MISSING_VALUE` for NaN voxels.
 * @example ibsiLaws(image, { kernel: 'L5E5', force2D: true }).data
 */
export function ibsiLaws(image: Image, options: IbsiLawsOptions = {}): Image {
  const force2D = options.force2D === true;
  const name = options.kernel ?? (force2D ? 'L5E5' : 'L5E5E5');
  const parts = name.match(/[LESWR][35]/g) ?? [];
  const axes = (force2D ? [0, 1] : [0, 1, 2]) as (0 | 1 | 2)[];
  if (parts.join('') !== name || parts.length !== axes.length) {
    throw new TaceError('INVALID_ARGUMENT', `unknown Laws kernel "${name}" for ${axes.length} axes`, {
      param: 'kernel',
      remedy: `one of L3 E3 S3 L5 E5 S5 W5 R5 per axis, e.g. ${force2D ? 'L5E5' : 'L5E5E5'}`,
    });
  }
  checkFilterInput(image, 'Laws');
  const kernels = parts.map((p) => Float64Array.from(LAWS_KERNELS[p]!));
  const input = Float64Array.from(image.data);
  const respond = (order: readonly number[]): Float64Array => {
    let work: Float64Array = input;
    for (let a = 0; a < axes.length; a++)
      work = convolveAxisMirror(work, image.size, axes[a]!, kernels[order[a]!]!);
    return work;
  };
  let pooled: Float64Array;
  if (options.rotationInvariant === false) {
    pooled = respond(axes.map((_, a) => a));
  } else {
    // every assignment of the kernels to the axes; reversals only change the sign of the response (or nothing),
    // and both signs occur among the proper rotations unless every kernel is even
    const allEven = parts.every((p) => p[0] === 'L' || p[0] === 'S' || p[0] === 'R');
    const seen = new Set<string>();
    pooled = new Float64Array(input.length).fill(-Infinity);
    for (const order of assignments(axes.length)) {
      const key = order.map((a) => parts[a]).join('');
      if (seen.has(key)) continue;
      seen.add(key);
      const r = respond(order);
      for (let v = 0; v < r.length; v++) {
        const x = allEven ? r[v]! : Math.abs(r[v]!);
        if (x > pooled[v]!) pooled[v] = x;
      }
    }
  }
  const distance = options.energyDistance === undefined ? 7 : options.energyDistance;
  if (distance === null) return withData(image, pooled);
  assertInteger(distance, 'energyDistance', 0);
  let energy: Float64Array = pooled.map(Math.abs);
  const box = new Float64Array(2 * distance + 1).fill(1 / (2 * distance + 1));
  for (const axis of axes) energy = convolveAxisMirror(energy, image.size, axis, box);
  return withData(image, energy);
}

/** All orderings of `0..n-1`. */
function assignments(n: number): number[][] {
  if (n === 1) return [[0]];
  const out: number[][] = [];
  for (const rest of assignments(n - 1))
    for (let k = 0; k < n; k++) out.push([...rest.slice(0, k), n - 1, ...rest.slice(k)]);
  return out;
}
