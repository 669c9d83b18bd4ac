import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ibsiStatistics } from '../../src/features/firstorder/ibsi-statistics.js';
import type { Image } from '../../src/image/types.js';
import { readNifti } from '../../src/io/nifti.js';
import { ibsiResample } from '../../src/preprocess/ibsi-resample.js';
import { resampleToReference } from '../../src/preprocess/resample.js';

/** The sub-grid of `grid` covering the voxels where `keep` holds, padded by `pad` voxels (same sample points). */
export function subGrid(grid: Image, keep: (v: number) => boolean, pad: number): Image {
  const [nx, ny, nz] = grid.size;
  const lo = [nx, ny, nz];
  const hi = [-1, -1, -1];
  for (let v = 0; v < grid.data.length; v++) {
    if (!keep(v)) continue;
    const c = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let d = 0; d < 3; d++) {
      lo[d] = Math.min(lo[d], c[d]);
      hi[d] = Math.max(hi[d], c[d]);
    }
  }
  const start = lo.map((l) => Math.max(l - pad, 0));
  const size = [0, 1, 2].map((d) => Math.min(hi[d] + pad, grid.size[d] - 1) - start[d] + 1) as [
    number,
    number,
    number,
  ];
  const data = new Float64Array(size[0] * size[1] * size[2]);
  for (let z = 0, u = 0; z < size[2]; z++)
    for (let y = 0; y < size[1]; y++)
      for (let x = 0; x < size[0]; x++, u++)
        data[u] = grid.data[x + start[0] + nx * (y + start[1] + ny * (z + start[2]))];
  const origin = [0, 1, 2].map((a) => {
    let o = grid.origin[a];
    for (let c = 0; c < 3; c++) o += grid.direction[3 * a + c] * start[c] * grid.spacing[c];
    return o;
  }) as [number, number, number];
  return { ...grid, data, size, origin };
}

/** The IBSI 2 CT phantom prepared for one configuration: the grid, its HU values and the resegmented ROI. */
export interface Ibsi2Phantom {
  /** Image geometry and (rounded) HU values of the grid filtered. */
  image: Image;
  /** Whether each voxel is in the ROI resegmented to [-1000, 400] HU. */
  roi: Uint8Array;
}

/**
 * IBSI 2 configuration "A": the phantom on its own grid (0.977 x 0.977 x 3 mm, no interpolation), the ROI
 * resegmented to [-1000, 400] HU.
 */
export function ibsi2PhantomA(ctDir: string): Ibsi2Phantom {
  const image = readNifti(join(ctDir, 'phantom.nii.gz'));
  const mask = readNifti(join(ctDir, 'mask.nii.gz'));
  const hu = Float64Array.from(image.data);
  const roi = Uint8Array.from(hu, (x, v) => (mask.data[v] !== 0 && x >= -1000 && x <= 400 ? 1 : 0));
  return { image: { ...image, data: hu }, roi };
}

/**
 * IBSI 2 configuration "B": the phantom interpolated to 1 mm isotropic (cubic B-spline, rounded to integers;
 * mask linear, kept where >= 0.5), cropped to the ROI plus `pad` voxels, the ROI resegmented to [-1000, 400] HU.
 */
export function ibsi2PhantomB(ctDir: string, pad: number): Ibsi2Phantom {
  const image = readNifti(join(ctDir, 'phantom.nii.gz'));
  const mask = readNifti(join(ctDir, 'mask.nii.gz'));
  const fullMask = ibsiResample(
    { ...mask, data: Float64Array.from(mask.data, (m) => (m !== 0 ? 1 : 0)) },
    [1, 1, 1],
  );
  const grid = subGrid(fullMask, (v) => fullMask.data[v] >= 0.5, pad);
  const resampled = resampleToReference(
    { ...image, data: Float64Array.from(image.data) },
    grid,
    'sitkBSpline',
  );
  const hu = resampled.data.map((x) => Math.round(x));
  const roi = Uint8Array.from(hu, (x, v) => (grid.data[v] >= 0.5 && x >= -1000 && x <= 400 ? 1 : 0));
  return { image: { ...resampled, data: hu }, roi };
}

/** The IBSI 2 statistics of `response` in the ROI. */
export function roiStatistics(phantom: Ibsi2Phantom, response: ArrayLike<number>): Record<string, number> {
  const values: number[] = [];
  for (let v = 0; v < phantom.roi.length; v++) if (phantom.roi[v] === 1) values.push(response[v]);
  return ibsiStatistics(Float64Array.from(values)) as Record<string, number>;
}

/** The statistics outside the IBSI 2 tolerance of `config`, as `tag: got vs consensus +/- tolerance`. */
export function outsideTolerance(
  referenceCsv: string,
  config: string,
  got: Record<string, number>,
): string[] {
  const rows = readFileSync(referenceCsv, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.split(';'))
    .filter((cells) => cells[0] === config);
  if (rows.length !== 18) throw new Error(`${config}: ${rows.length} reference rows, expected 18`);
  return rows
    .filter(([, , tag, value, tolerance]) => !(Math.abs(got[tag] - Number(value)) <= Number(tolerance)))
    .map(([, , tag, value, tolerance]) => `${tag}: ${got[tag]} vs ${value} +/- ${tolerance}`);
}
