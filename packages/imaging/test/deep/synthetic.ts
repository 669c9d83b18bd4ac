import type { Image } from '@tace/imaging';

/** Test helper: an Image whose voxel (i, j, k) holds `value(i, j, k, point)`, point = LPS position in mm. */
export function makeImage(
  size: [number, number, number],
  value: (i: number, j: number, k: number, point: [number, number, number]) => number,
  geometry: Partial<Omit<Image, 'data' | 'size'>> = {},
  ArrayType: typeof Float32Array | typeof Uint8Array = Float32Array,
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

/** A mask on the grid of `image` with label 1 where `inside(i, j, k)`. */
export function makeMask(image: Image, inside: (i: number, j: number, k: number) => boolean): Image {
  return makeImage(image.size, (i, j, k) => (inside(i, j, k) ? 1 : 0), image, Uint8Array);
}

/** A linear function of the LPS position: trilinear interpolation reproduces it exactly. */
export const linear = (p: readonly number[]): number => p[0] + 10 * p[1] + 100 * p[2];
