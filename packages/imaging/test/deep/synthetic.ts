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

/**
 * A synthetic two-phase patient: liver-like background (~60 HU) with seeded noise, a spherical tumour of
 * `radius` mm that enhances in the arterial phase (+80 HU) and washes out in the portal-venous phase (-30 HU).
 * The portal-venous phase lies on a coarser, shifted grid, as a second acquisition would.
 */
export function syntheticPatient(
  seed: number,
  radius: number,
): { phases: { arterial: Image; 'portal-venous': Image }; mask: Image } {
  let state = seed >>> 0 || 1;
  const noise = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const centre = [20 + (seed % 5), 18, 15];
  const inside = (p: readonly number[]): boolean =>
    Math.hypot(p[0] - centre[0], p[1] - centre[1], p[2] - centre[2]) <= radius;
  const arterial = makeImage([28, 26, 12], (_i, _j, _k, p) => 60 + 20 * noise() + (inside(p) ? 80 : 0), {
    spacing: [1.5, 1.5, 3],
  });
  const portal = makeImage([22, 20, 10], (_i, _j, _k, p) => 70 + 20 * noise() + (inside(p) ? -30 : 0), {
    spacing: [2, 2, 3.5],
    origin: [-1, -0.5, -2],
  });
  const mask = makeMask(arterial, (i, j, k) => inside([i * 1.5, j * 1.5, k * 3]));
  return { phases: { arterial, 'portal-venous': portal }, mask };
}
