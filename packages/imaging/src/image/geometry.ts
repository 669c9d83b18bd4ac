import type { Image } from './types.js';

/** Row-major direction matrix whose columns are the given (unit) axis vectors. */
export function directionFromColumns(columns: readonly (readonly number[])[]): Image['direction'] {
  const [a, b, c] = columns as [number[], number[], number[]];
  return [a[0]!, b[0]!, c[0]!, a[1]!, b[1]!, c[1]!, a[2]!, b[2]!, c[2]!];
}

/** Number of voxels of an image. */
export function voxelCount(image: Pick<Image, 'size'>): number {
  return image.size[0] * image.size[1] * image.size[2];
}

/** Volume of one voxel in mm^3. */
export function voxelVolume(image: Pick<Image, 'spacing'>): number {
  return image.spacing[0] * image.spacing[1] * image.spacing[2];
}

/**
 * LPS position (mm) of a continuous index `(i, j, k)`: `origin + direction * (index * spacing)`, as ITK's
 * `TransformContinuousIndexToPhysicalPoint`.
 */
export function indexToPoint(
  image: Omit<Image, 'data'>,
  i: number,
  j: number,
  k: number,
): [number, number, number] {
  const { origin: o, spacing: s, direction: d } = image;
  const x = i * s[0];
  const y = j * s[1];
  const z = k * s[2];
  return [
    o[0] + d[0] * x + d[1] * y + d[2] * z,
    o[1] + d[3] * x + d[4] * y + d[5] * z,
    o[2] + d[6] * x + d[7] * y + d[8] * z,
  ];
}

/** Continuous index of an LPS point (inverse of {@link indexToPoint}; the direction matrix is orthonormal). */
export function pointToIndex(image: Omit<Image, 'data'>, point: readonly number[]): [number, number, number] {
  const { origin: o, spacing: s, direction: d } = image;
  const x = point[0]! - o[0];
  const y = point[1]! - o[1];
  const z = point[2]! - o[2];
  return [
    (d[0] * x + d[3] * y + d[6] * z) / s[0],
    (d[1] * x + d[4] * y + d[7] * z) / s[1],
    (d[2] * x + d[5] * y + d[8] * z) / s[2],
  ];
}
