import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../../src/extract/parameters.js';
import type { RoiContext } from '../../../src/features/base.js';
import { glcmClass } from '../../../src/features/glcm/glcm-class.js';
import { glcmFeatures } from '../../../src/features/glcm/glcm-features.js';
import { glcmMatrix } from '../../../src/features/glcm/glcm-matrix.js';
import { gldmClass } from '../../../src/features/gldm/gldm-class.js';
import { gldmFeatures } from '../../../src/features/gldm/gldm-features.js';
import { gldmMatrix, gldmOfNeighborSums, gldmOfVolume } from '../../../src/features/gldm/gldm-matrix.js';
import { glrlmClass } from '../../../src/features/glrlm/glrlm-class.js';
import { glrlmFeatures } from '../../../src/features/glrlm/glrlm-features.js';
import { glrlmMatrix, glrlmOfVolume } from '../../../src/features/glrlm/glrlm-matrix.js';
import { glszmClass } from '../../../src/features/glszm/glszm-class.js';
import { glszmFeatures } from '../../../src/features/glszm/glszm-features.js';
import { glszmMatrix } from '../../../src/features/glszm/glszm-matrix.js';
import { ngtdmClass } from '../../../src/features/ngtdm/ngtdm-class.js';
import { ngtdmFeatures } from '../../../src/features/ngtdm/ngtdm-features.js';
import { ngtdmMatrix, ngtdmOfNeighborSums, ngtdmOfVolume } from '../../../src/features/ngtdm/ngtdm-matrix.js';
import { generateAngles } from '../../../src/features/texture-common/angles.js';
import { neighborSums } from '../../../src/features/texture-common/neighbor-sums.js';
import { shareNeighborScan } from '../../../src/features/texture-common/texture-context.js';
import type { TextureGrid } from '../../../src/features/texture-common/texture-grid.js';
import { neighborPad, textureVolume } from '../../../src/features/texture-common/texture-volume.js';

/** A random grid of 1-5 voxels per axis, levels 0..3 (0 = outside, often), at least one ROI voxel. */
const grids = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([nx, ny, nz]) =>
    fc
      .array(fc.integer({ min: 0, max: 3 }), { minLength: nx * ny * nz, maxLength: nx * ny * nz })
      .filter((levels) => levels.some((g) => g > 0))
      .map((levels) => ({
        grayLevels: Int32Array.from(levels),
        size: [nx, ny, nz] as [number, number, number],
      })),
  );

/**
 * Run counts `angle/level/length` by walking every line of the grid from its first voxel (as PyRadiomics'
 * `cmatrices.c`); an angle whose lines never hold two ROI voxels counts nothing.
 */
function lineRunCounts(grid: TextureGrid): Map<string, number> {
  const { grayLevels: g, size } = grid;
  const [sx, sy, sz] = size;
  const inside = (x: number, y: number, z: number) =>
    x >= 0 && x < sx && y >= 0 && y < sy && z >= 0 && z < sz;
  const angles = generateAngles(size, { bidirectional: false });
  const out = new Map<string, number>();
  for (let a = 0; a < angles.length / 3; a++) {
    const [dx, dy, dz] = angles.subarray(3 * a, 3 * a + 3);
    const runs: string[] = [];
    let multiple = false;
    for (let z = 0; z < sz; z++)
      for (let y = 0; y < sy; y++)
        for (let x = 0; x < sx; x++) {
          if (inside(x - dx, y - dy, z - dz)) continue;
          const line: number[] = [];
          for (let [i, j, k] = [x, y, z]; inside(i, j, k); i += dx, j += dy, k += dz)
            line.push(g[i + sx * (j + sy * k)]);
          if (line.filter((v) => v !== 0).length > 1) multiple = true;
          for (let s = 0; s < line.length; s++) {
            if (line[s] === 0 || (s > 0 && line[s - 1] === line[s])) continue;
            let e = s;
            while (e + 1 < line.length && line[e + 1] === line[s]) e++;
            runs.push(`${dx},${dy},${dz}/${line[s]}/${e - s + 1}`);
          }
        }
    if (multiple) for (const key of runs) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** The non-zero run counts of a GLRLM as `angle/level/length` keys. */
function matrixRunCounts(m: ReturnType<typeof glrlmMatrix>): Map<string, number> {
  const out = new Map<string, number>();
  for (let a = 0; a < m.nAngles; a++)
    for (let i = 0; i < m.nLevels; i++)
      for (let c = 0; c < m.nRunLengths; c++) {
        const count = m.values[(a * m.nLevels + i) * m.nRunLengths + c];
        const angle = [...m.angles.subarray(3 * a, 3 * a + 3)].map((o) => o + 0).join(',');
        if (count !== 0) out.set(`${angle}/${m.grayLevels[i]}/${m.runLengths[c]}`, count);
      }
  return out;
}

describe('texture matrices on a padded texture volume', () => {
  it('glrlmMatrix counts the runs of a line-by-line walk, and the same runs backwards (random grids)', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const m = glrlmMatrix(grid);
        expect(matrixRunCounts(m)).toEqual(lineRunCounts(grid));
        // the same angles reversed (negative steps: voxels followed backwards) give the same runs
        const angles = generateAngles(grid.size, { bidirectional: false });
        const back = glrlmOfVolume(
          textureVolume(grid, 1),
          angles.map((o) => -o),
        );
        expect(back.values).toEqual(m.values);
        expect(back.runLengths).toEqual(m.runLengths);
      }),
      { numRuns: 200 },
    );
  });
  it('empties an angle whose lines hold one ROI voxel each, keeps one whose line holds two apart', () => {
    // one slab voxel thick in z: the 9 angles with a z step see one voxel per line
    const slab = { grayLevels: Int32Array.of(1, 2, 2, 1), size: [2, 2, 1] as [number, number, number] };
    expect(glrlmMatrix(slab).nAngles).toBe(4);
    // 1 0 1 along x: no run longer than 1, but one line holds two ROI voxels, so (1, 0, 0) is kept
    const gap = { grayLevels: Int32Array.of(1, 0, 1), size: [3, 1, 1] as [number, number, number] };
    const m = glrlmMatrix(gap);
    expect(m.nAngles).toBe(1);
    expect([...m.values]).toEqual([2]);
  });
  it('the texture classes of an extraction context equal the kernels on its grid, exactly (shared volume)', () => {
    fc.assert(
      fc.property(grids, fc.constantFrom([1], [1, 2]), (grid, distances) => {
        const settings = resolveSettings({ distances });
        const context: RoiContext = {
          image: {
            data: new Float64Array(grid.grayLevels),
            size: grid.size,
            spacing: [1, 1, 2],
            origin: [0, 0, 0],
            direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
          },
          mask: Uint8Array.from(grid.grayLevels, (g) => (g > 0 ? 1 : 0)),
          morphologicalMask: Uint8Array.from(grid.grayLevels, (g) => (g > 0 ? 1 : 0)),
          grayLevels: grid.grayLevels,
          nLevels: Math.max(...grid.grayLevels),
          voxelCount: grid.grayLevels.filter((g) => g > 0).length,
          settings,
          imageTypeName: 'original',
          boundingBox: { lower: [0, 0, 0], size: [...grid.size] },
        };
        const options = { distances };
        expect(glcmClass.compute(context)).toEqual(glcmFeatures(glcmMatrix(grid, options)));
        expect(glrlmClass.compute(context)).toEqual(glrlmFeatures(glrlmMatrix(grid, options)));
        expect(glszmClass.compute(context)).toEqual(glszmFeatures(glszmMatrix(grid)));
        expect(gldmClass.compute(context)).toEqual(gldmFeatures(gldmMatrix(grid, options)));
        expect(ngtdmClass.compute(context)).toEqual(ngtdmFeatures(ngtdmMatrix(grid, options)));
        // GLDM and NGTDM sharing one neighbour scan (as extraction runs both): the same matrices, bit for bit
        const shared = { ...context };
        shareNeighborScan(shared);
        expect(ngtdmClass.compute(shared)).toEqual(ngtdmFeatures(ngtdmMatrix(grid, options)));
        expect(gldmClass.compute(shared)).toEqual(gldmFeatures(gldmMatrix(grid, options)));
        const offsets = generateAngles(grid.size, { distances, bidirectional: true });
        const volume = textureVolume(grid, neighborPad(offsets));
        const sums = neighborSums(volume, offsets);
        expect(gldmOfNeighborSums(volume, sums, offsets.length / 3)).toEqual(gldmOfVolume(volume, offsets));
        expect(ngtdmOfNeighborSums(volume, sums)).toEqual(ngtdmOfVolume(volume, offsets));
      }),
      { numRuns: 60 },
    );
  });
});
