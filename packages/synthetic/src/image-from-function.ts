import type { Image } from '@tace/imaging';

/** A voxel-wise array type for synthetic images. */
export type VoxelArrayConstructor = typeof Float32Array | typeof Int16Array | typeof Uint8Array;

/**
 * An Image whose voxel (i, j, k) holds `value(i, j, k, point)`, where `point` is the voxel's LPS position
 * in mm (`origin + direction · (i, j, k) ∘ spacing`). Voxels are visited with i fastest, then j, then k, so a
 * stateful `value` (a noise stream) fills them in storage order.
 *
 * @param size - grid size (x, y, z).
 * @param value - the voxel value.
 * @param geometry - spacing (default [1, 1, 1]), origin (default [0, 0, 0]) and direction (default identity).
 * @param ArrayType - the voxel array type. @default Float32Array
 * @example
 * ```ts
 * // A linear ramp along x on a 1 mm grid: trilinear interpolation reproduces it exactly.
 * const ramp = imageFromFunction([8, 8, 4], (_i, _j, _k, p) => p[0]);
 * ```
 */
export function imageFromFunction(
  size: [number, number, number],
  value: (i: number, j: number, k: number, point: [number, number, number]) => number,
  geometry: Partial<Omit<Image, 'data' | 'size'>> = {},
  ArrayType: VoxelArrayConstructor = Float32Array,
): Image {
  const spacing = geometry.spacing ?? [1, 1, 1];
  const origin = geometry.origin ?? [0, 0, 0];
  const direction = geometry.direction ?? [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const data = new ArrayType(size[0] * size[1] * size[2]);
  let o = 0;
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++, o++) {
        const idx = [i * spacing[0], j * spacing[1], k * spacing[2]];
        const point: [number, number, number] = [0, 1, 2].map(
          (r) =>
            origin[r] +
            direction[3 * r] * idx[0] +
            direction[3 * r + 1] * idx[1] +
            direction[3 * r + 2] * idx[2],
        ) as [number, number, number];
        data[o] = value(i, j, k, point);
      }
  return { data, size, spacing, origin, direction };
}

/**
 * A label mask (Uint8, label 1) on the grid of `image`, set where `inside(i, j, k)`.
 *
 * @example
 * ```ts
 * const image = imageFromFunction([10, 10, 4], () => 0);
 * const box = maskFromFunction(image, (i, j) => i > 2 && i < 7 && j > 2 && j < 7);
 * ```
 */
export function maskFromFunction(image: Image, inside: (i: number, j: number, k: number) => boolean): Image {
  return imageFromFunction(image.size, (i, j, k) => (inside(i, j, k) ? 1 : 0), image, Uint8Array);
}
