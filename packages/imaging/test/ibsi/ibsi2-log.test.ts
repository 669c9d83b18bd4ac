import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core';
import { describe, expect, it } from 'vitest';
import { laplacianOfGaussian } from '../../src/filters/index.js';
import { ibsiResample, ibsiStatistics } from '../../src/ibsi/index.js';
import type { Image } from '../../src/image/types.js';
import { readNifti } from '../../src/io/nifti.js';
import { resampleToReference } from '../../src/preprocess/resample.js';

const CT_DIR = sharedDataPath('radiomics/ibsi/ct_phantom/nifti');
const IBSI2 = sharedDataPath('radiomics/ibsi/ibsi2_filter_reference_values.csv');

/** The sub-grid of `grid` covering the voxels where `keep` holds, padded by `pad` voxels (same sample points). */
function subGrid(grid: Image, keep: (v: number) => boolean, pad: number): Image {
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

// IBSI 2 phase 2, configuration 3.B: CT phantom interpolated to 1 mm isotropic (cubic B-spline, rounded; mask
// linear >= 0.5), 3D LoG with sigma 1.5 mm without scale normalisation, statistics of the response in the ROI
// resegmented to [-1000, 400] HU. The LoG here is ITK's recursive filter (PyRadiomics'), not IBSI's truncated
// convolution; the grid is cropped to the ROI plus 12 voxels (8 sigma), beyond the recursion's reach.
describe.skipIf(CT_DIR === null || IBSI2 === null)(
  `IBSI 2 LoG (configuration 3.B) ${CT_DIR === null ? sharedDataSkipMessage('radiomics/ibsi/ct_phantom') : ''}`,
  () => {
    it('17 of the 18 response statistics are within the IBSI 2 tolerance, the maximum within 1.5% (206.2 vs 204 +/- 1)', () => {
      const image = readNifti(join(CT_DIR!, 'phantom.nii.gz'));
      const mask = readNifti(join(CT_DIR!, 'mask.nii.gz'));
      const fullMask = ibsiResample(
        { ...mask, data: Float64Array.from(mask.data, (m) => (m !== 0 ? 1 : 0)) },
        [1, 1, 1],
      );
      const grid = subGrid(fullMask, (v) => fullMask.data[v] >= 0.5, 12);
      const resampled = resampleToReference(
        { ...image, data: Float64Array.from(image.data) },
        grid,
        'sitkBSpline',
      );
      const hu = resampled.data.map((x) => Math.round(x));
      const response = laplacianOfGaussian({ ...resampled, data: hu }, 1.5, {
        normalizeAcrossScale: false,
      }).data;
      const values: number[] = [];
      for (let v = 0; v < hu.length; v++)
        if (grid.data[v] >= 0.5 && hu[v] >= -1000 && hu[v] <= 400) values.push(response[v]);
      const got = ibsiStatistics(Float64Array.from(values)) as Record<string, number>;
      const rows = readFileSync(IBSI2!, 'utf8')
        .split(/\r?\n/)
        .map((line) => line.split(';'))
        .filter((cells) => cells[0] === '3.B');
      expect(rows).toHaveLength(18);
      const outside = rows
        .filter(([, , tag, value, tolerance]) => Math.abs(got[tag] - Number(value)) > Number(tolerance))
        .map(([, , tag, value]) => `${tag}: ${got[tag]} vs ${value}`);
      expect(outside).toHaveLength(1);
      expect(outside[0]).toMatch(/^stat_max/);
      expect(Math.abs(got.stat_max - 204) / 204).toBeLessThan(0.015);
    });
  },
);
