import type { Image } from '@tace/imaging';
import { imageFromFunction } from './image-from-function.js';
import type { PhantomRegion, VoxelNoise } from './noise.js';

/** Options of {@link tumorPhantom}. */
export interface TumorPhantomOptions {
  /** Grid size (x, y, z). */
  size: [number, number, number];
  /** Voxel spacing, mm. @default [1, 1, 1] */
  spacing?: [number, number, number];
  /** LPS position of voxel (0, 0, 0), mm. @default [0, 0, 0] */
  origin?: [number, number, number];
  /** Direction cosines (row-major 3 x 3). @default identity */
  direction?: Image['direction'];
  /** Center of the spherical tumor, in `centerSpace` coordinates. */
  center: [number, number, number];
  /**
   * `'world'`: `center` is an LPS point (mm) and distances are measured between LPS points;
   * `'index'`: `center` is a (fractional) voxel index and the distance is `|(i, j, k) - center| ∘ indexScale`.
   * @default 'world'
   */
  centerSpace?: 'world' | 'index';
  /** Per-axis scale of index distances (`centerSpace: 'index'` only). @default spacing */
  indexScale?: [number, number, number];
  /** Tumor radius, in the units of the distance (mm, or scaled voxels). */
  radius: number;
  /** Whether the sphere includes its boundary (`distance <= radius`) or not (`<`). @default true */
  closed?: boolean;
  /** Value outside the tumor. @default 60 */
  background?: number;
  /** Value of the (viable) tumor. @default 140 */
  tumor?: number;
  /** A core of another value (necrosis) inside the tumor: voxels with `distance < radius` (open ball). */
  core?: { radius: number; value: number };
  /** Noise added to every voxel (one call per voxel, in storage order). @default no noise */
  noise?: VoxelNoise;
  /** Voxel type of the image. @default Float32Array */
  ArrayType?: typeof Float32Array | typeof Int16Array;
}

/** A synthetic image and the label mask (1 = tumor, core included) on its grid. */
export interface TumorPhantom {
  image: Image;
  mask: Image;
}

/**
 * A CT-like phantom: a spherical tumor (with an optional core) in a uniform background, plus voxel noise.
 * Voxel value = region value + noise. Use {@link syntheticCt} for a patient's realistic two-phase CT.
 *
 * @example
 * ```ts
 * // 64 x 64 x 24 liver-like volume (60 HU) with a 14 mm tumor at 95 HU and a 5 mm necrotic core at 20 HU.
 * const { image, mask } = tumorPhantom({
 *   size: [64, 64, 24], spacing: [0.8, 0.8, 2.5], center: [32, 30, 12], centerSpace: 'index',
 *   radius: 14, closed: false, background: 60, tumor: 95, core: { radius: 5, value: 20 },
 *   noise: normalNoise(7, { sd: 10, tumorSd: 18 }),
 * });
 * ```
 */
export function tumorPhantom(options: TumorPhantomOptions): TumorPhantom {
  const spacing = options.spacing ?? [1, 1, 1];
  const geometry = {
    spacing,
    origin: options.origin ?? [0, 0, 0],
    direction: options.direction ?? [1, 0, 0, 0, 1, 0, 0, 0, 1],
  } satisfies Partial<Image>;
  const { center, radius } = options;
  const closed = options.closed ?? true;
  const background = options.background ?? 60;
  const tumor = options.tumor ?? 140;
  const core = options.core;
  const noise = options.noise;
  const scale = options.indexScale ?? spacing;
  const distance =
    (options.centerSpace ?? 'world') === 'world'
      ? (_i: number, _j: number, _k: number, p: readonly number[]) =>
          Math.hypot(p[0] - center[0], p[1] - center[1], p[2] - center[2])
      : (i: number, j: number, k: number) =>
          Math.hypot((i - center[0]) * scale[0], (j - center[1]) * scale[1], (k - center[2]) * scale[2]);
  const regionOf = (d: number): PhantomRegion => {
    if (!(closed ? d <= radius : d < radius)) return 'background';
    return core !== undefined && d < core.radius ? 'core' : 'tumor';
  };
  const labels = new Uint8Array(options.size[0] * options.size[1] * options.size[2]);
  let o = 0;
  const image = imageFromFunction(
    options.size,
    (i, j, k, point) => {
      const region = regionOf(distance(i, j, k, point));
      labels[o++] = region === 'background' ? 0 : 1;
      const value = region === 'background' ? background : region === 'core' ? core!.value : tumor;
      return noise === undefined ? value : value + noise(region, i, j, k);
    },
    geometry,
    options.ArrayType ?? Float32Array,
  );
  return { image, mask: { ...image, data: labels } };
}
