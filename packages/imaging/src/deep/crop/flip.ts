import { assertOneOf } from '@tace/core';

/** Image axis to flip for test-time augmentation. */
export type FlipAxis = 'x' | 'y' | 'z';

/**
 * Flips a sample laid out `[c, z, y, x]` (x fastest) along the given image axes into a new array. For an
 * NCHW slice stack use z = adjacent slices per phase (flipping z reverses them).
 *
 * @example
 * ```ts
 * flipSample(Float32Array.of(1, 2), [1, 1, 1, 2], ['x']); // [2, 1]
 * ```
 */
export function flipSample(
  data: Float32Array,
  shape: readonly [number, number, number, number],
  axes: readonly FlipAxis[],
): Float32Array {
  for (const axis of axes) assertOneOf(axis, 'flip axis', ['x', 'y', 'z'] as const);
  const [c, nz, ny, nx] = shape;
  const fx = axes.includes('x');
  const fy = axes.includes('y');
  const fz = axes.includes('z');
  const out = new Float32Array(data.length);
  let o = 0;
  for (let ch = 0; ch < c; ch++) {
    for (let k = 0; k < nz; k++) {
      const kk = fz ? nz - 1 - k : k;
      for (let j = 0; j < ny; j++) {
        const jj = fy ? ny - 1 - j : j;
        const row = ((ch * nz + kk) * ny + jj) * nx;
        for (let i = 0; i < nx; i++, o++) out[o] = data[row + (fx ? nx - 1 - i : i)];
      }
    }
  }
  return out;
}
