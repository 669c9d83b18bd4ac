import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glcmFeatures } from '../../../src/features/glcm/glcm-features.js';
import { glcmMatrix } from '../../../src/features/glcm/glcm-matrix.js';
import { gldmFeatures } from '../../../src/features/gldm/gldm-features.js';
import { gldmMatrix } from '../../../src/features/gldm/gldm-matrix.js';
import { glrlmFeatures } from '../../../src/features/glrlm/glrlm-features.js';
import { glrlmMatrix } from '../../../src/features/glrlm/glrlm-matrix.js';
import { glszmFeatures } from '../../../src/features/glszm/glszm-features.js';
import { glszmMatrix } from '../../../src/features/glszm/glszm-matrix.js';
import { ngtdmFeatures } from '../../../src/features/ngtdm/ngtdm-features.js';
import { ngtdmMatrix } from '../../../src/features/ngtdm/ngtdm-matrix.js';
import type { TextureGrid } from '../../../src/features/texture-common/texture-grid.js';

/** A random grid of 2-5 voxels per axis, levels 0..4 (0 = outside), at least one ROI voxel. */
const grids = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }))
  .chain(([nx, ny, nz]) =>
    fc
      .array(fc.integer({ min: 0, max: 4 }), { minLength: nx * ny * nz, maxLength: nx * ny * nz })
      .filter((levels) => levels.some((g) => g > 0))
      .map((levels) => ({
        grayLevels: Int32Array.from(levels),
        size: [nx, ny, nz] as [number, number, number],
      })),
  );

/** The grid with x and y swapped. */
function transpose(grid: TextureGrid): TextureGrid {
  const [nx, ny, nz] = grid.size;
  const out = new Int32Array(grid.grayLevels.length);
  for (let z = 0; z < nz; z++)
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) out[y + ny * (x + nx * z)] = grid.grayLevels[x + nx * (y + ny * z)];
  return { grayLevels: out, size: [ny, nx, nz] };
}

function allFeatures(grid: TextureGrid): Record<string, number> {
  const prefix = (p: string, r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [`${p}_${k}`, v]));
  return {
    ...prefix('glcm', glcmFeatures(glcmMatrix(grid))),
    ...prefix('glrlm', glrlmFeatures(glrlmMatrix(grid))),
    ...prefix('glszm', glszmFeatures(glszmMatrix(grid))),
    ...prefix('gldm', gldmFeatures(gldmMatrix(grid))),
    ...prefix('ngtdm', ngtdmFeatures(ngtdmMatrix(grid))),
  };
}

describe('texture properties (fast-check)', () => {
  it('every feature is unchanged when x and y are swapped (the 13 directions map onto themselves), 1e-9', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const a = allFeatures(grid);
        const b = allFeatures(transpose(grid));
        for (const [name, value] of Object.entries(a)) {
          if (Number.isNaN(value)) expect(Number.isNaN(b[name]), name).toBe(true);
          else
            expect(Math.abs(b[name] - value), name).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
        }
      }),
      { numRuns: 150 },
    );
  });
  it('each GLCM angle sums to 1, is symmetric, and every ROI voxel is counted once by GLSZM, GLDM and NGTDM', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const voxels = grid.grayLevels.reduce((s, g) => s + (g > 0 ? 1 : 0), 0);
        const m = glcmMatrix(grid);
        const n = m.nLevels;
        for (let a = 0; a < m.nAngles; a++) {
          let sum = 0;
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              sum += m.values[(a * n + i) * n + j];
              expect(m.values[(a * n + i) * n + j]).toBe(m.values[(a * n + j) * n + i]);
            }
          expect(sum).toBeCloseTo(1, 12);
        }
        const zones = glszmMatrix(grid);
        let zoneVoxels = 0;
        for (let i = 0; i < zones.nLevels; i++)
          for (let c = 0; c < zones.nSizes; c++)
            zoneVoxels += zones.values[i * zones.nSizes + c] * zones.zoneSizes[c];
        expect(zoneVoxels).toBe(voxels);
        expect(gldmMatrix(grid).values.reduce((s, v) => s + v, 0)).toBe(voxels);
        const ngtdm = ngtdmMatrix(grid).values;
        let counted = 0;
        for (let r = 0; r < ngtdm.length; r += 3) counted += ngtdm[r];
        expect(counted).toBe(voxels);
      }),
      { numRuns: 150 },
    );
  });
});
