import type { Image } from '../image/types.js';
import { ibsiResample } from '../preprocess/ibsi-resample.js';
import { resampleToReference } from '../preprocess/resample.js';

/** A CT image prepared for an IBSI 2 phase 2 configuration: the grid filtered and the resegmented ROI. */
export interface Ibsi2Prepared {
  /** Image geometry and (rounded) HU values of the grid filtered. */
  image: Image;
  /** Whether each voxel is in the ROI resegmented to `range`. */
  roi: Uint8Array;
}

/** The sub-grid of `grid` covering the voxels where `keep` holds, padded by `pad` voxels (same sample points). */
export function subGrid(grid: Image, keep: (v: number) => boolean, pad: number): Image {
  const [nx, ny, nz] = grid.size;
  const lo = [nx, ny, nz];
  const hi = [-1, -1, -1];
  for (let v = 0; v < grid.data.length; v++) {
    if (!keep(v)) continue;
    const c = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d]!, c[d]!);
      hi[d] = Math.max(hi[d]!, c[d]!);
    }
  }
  const start = lo.map((l) => Math.max(l - pad, 0));
  const size = [0, 1, 2].map((d) => Math.min(hi[d]! + pad, grid.size[d]! - 1) - start[d]! + 1) as [
    number,
    number,
    number,
  ];
  const data = new Float64Array(size[0] * size[1] * size[2]);
  for (let z = 0, u = 0; z < size[2]; z++)
    for (let y = 0; y < size[1]; y++)
      for (let x = 0; x < size[0]; x++, u++)
        data[u] = grid.data[x + start[0]! + nx * (y + start[1]! + ny * (z + start[2]!))]!;
  const origin = [0, 1, 2].map((a) => {
    let o = grid.origin[a]!;
    for (let c = 0; c < 3; c++) o += grid.direction[3 * a + c]! * start[c]! * grid.spacing[c]!;
    return o;
  }) as [number, number, number];
  return { ...grid, data, size, origin };
}

/**
 * IBSI 2 phase 2 image processing of a CT image and its mask: configuration `'A'` keeps the image's grid (2D
 * filtering follows); `'B'` interpolates to 1 mm isotropic (cubic B-spline, rounded to integers; mask linear,
 * kept where >= 0.5) on IBSI's grid, cropped to the ROI plus `pad` voxels (filters reaching farther need more),
 * or the whole interpolated grid with `crop: false` (for filters applied with a periodic boundary, such as the
 * Simoncelli wavelet, whose response depends on the grid's extent). The ROI is resegmented to `range`.
 * @example const { image, roi } = ibsi2Prepare(ct, mask, 'B', { pad: 32 });
 */
export function ibsi2Prepare(
  image: Image,
  mask: Image,
  configuration: 'A' | 'B',
  options: { pad?: number; crop?: boolean; range?: readonly [number, number] } = {},
): Ibsi2Prepared {
  const [lo, hi] = options.range ?? [-1000, 400];
  if (configuration === 'A') {
    const hu = Float64Array.from(image.data);
    const roi = Uint8Array.from(hu, (x, v) => (mask.data[v] !== 0 && x >= lo && x <= hi ? 1 : 0));
    return { image: { ...image, data: hu }, roi };
  }
  const fullMask = ibsiResample(
    { ...mask, data: Float64Array.from(mask.data, (m) => (m !== 0 ? 1 : 0)) },
    [1, 1, 1],
  );
  const grid =
    options.crop === false ? fullMask : subGrid(fullMask, (v) => fullMask.data[v]! >= 0.5, options.pad ?? 32);
  const resampled = resampleToReference(
    { ...image, data: Float64Array.from(image.data) },
    grid,
    'sitkBSpline',
  );
  const hu = resampled.data.map((x) => Math.round(x));
  const roi = Uint8Array.from(hu, (x, v) => (grid.data[v]! >= 0.5 && x >= lo && x <= hi ? 1 : 0));
  return { image: { ...resampled, data: hu }, roi };
}
