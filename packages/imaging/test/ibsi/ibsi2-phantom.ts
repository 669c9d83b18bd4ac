import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ibsiStatistics } from '../../src/features/firstorder/ibsi-statistics.js';
import { type Ibsi2Prepared, ibsi2Prepare } from '../../src/ibsi/ibsi2-phantom.js';
import { readNifti } from '../../src/io/nifti.js';

/** The IBSI 2 CT phantom prepared for one configuration: the grid, its HU values and the resegmented ROI. */
export type Ibsi2Phantom = Ibsi2Prepared;

/**
 * IBSI 2 configuration "A": the phantom on its own grid (0.977 x 0.977 x 3 mm, no interpolation), the ROI
 * resegmented to [-1000, 400] HU.
 */
export function ibsi2PhantomA(ctDir: string): Ibsi2Phantom {
  return ibsi2Prepare(readNifti(join(ctDir, 'phantom.nii.gz')), readNifti(join(ctDir, 'mask.nii.gz')), 'A');
}

/**
 * IBSI 2 configuration "B": the phantom interpolated to 1 mm isotropic (cubic B-spline, rounded to integers;
 * mask linear, kept where >= 0.5), cropped to the ROI plus `pad` voxels (`'whole'`: the whole interpolated grid,
 * for filters with a periodic boundary), the ROI resegmented to [-1000, 400] HU.
 */
export function ibsi2PhantomB(ctDir: string, pad: number | 'whole'): Ibsi2Phantom {
  return ibsi2Prepare(readNifti(join(ctDir, 'phantom.nii.gz')), readNifti(join(ctDir, 'mask.nii.gz')), 'B', {
    ...(pad === 'whole' ? { crop: false } : { pad }),
  });
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
