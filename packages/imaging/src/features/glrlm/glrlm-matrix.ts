import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import { paddedGrid } from '../texture-common/padded-grid.js';
import { roiLevels, type TextureGrid } from '../texture-common/texture-grid.js';
import { angleDistance, type WeightingNorm } from '../texture-common/weighting.js';

/** Options of {@link glrlmMatrix}. */
export interface GlrlmOptions extends NeighborOptions {
  /**
   * Merge the angles into one matrix weighted by the offset's length in mm under this norm (`'no_weighting'`:
   * weight 1) instead of one matrix per angle (PyRadiomics `weightingNorm`).
   * @default null
   */
  weightingNorm?: WeightingNorm | null;
  /** Voxel spacing in mm along x, y, z; only used by `weightingNorm`. @default [1, 1, 1] */
  spacing?: readonly [number, number, number];
  /**
   * Empty an angle whose lines never hold more than one ROI voxel (PyRadiomics: the ROI is 2D in that
   * direction). IBSI keeps such angles (`false`).
   * @default true
   */
  dropSingleVoxelAngles?: boolean;
}

/** Grey level run length matrices, one per kept angle. */
export interface GlrlmMatrix {
  /** Run counts `P(i, j | angle)`, layout `[angle][i][j]` (`values[(a * nLevels + i) * nRunLengths + j]`). */
  values: Float64Array;
  /** Rows: grey levels present in the ROI. */
  nLevels: number;
  /** Columns: run lengths that occur (PyRadiomics drops the others). */
  nRunLengths: number;
  /** Angles kept (those with at least one run; 1 when merged). */
  nAngles: number;
  /** Grey level of each row. */
  grayLevels: Float64Array;
  /** Run length of each column (voxels). */
  runLengths: Float64Array;
  /** Offsets `(di, dj, dk)` of the kept angles (all angles when merged). */
  angles: Int32Array;
}

/**
 * Grey level run length matrix (GLRLM) as PyRadiomics `RadiomicsGLRLM.P_glrlm`: runs of equal grey level
 * along each of the 13 directions (4 with `force2D`), following each line of the grid from its first voxel.
 * An angle whose lines never hold more than one ROI voxel is emptied (the ROI is flat in that direction), empty
 * angles and grey levels are dropped, then run lengths that never occur. Matches `<case>_glrlm.npy` exactly.
 * @throws {TaceError} see {@link roiLevels}.
 * @example glrlmMatrix({ grayLevels: Int32Array.from([1, 1, 2]), size: [3, 1, 1] }).values // [1, 1] runs of 2 and 1
 */
export function glrlmMatrix(grid: TextureGrid, options: GlrlmOptions = {}): GlrlmMatrix {
  const roi = roiLevels(grid);
  const { size } = grid;
  const [sx, sy, sz] = size;
  const angles = generateAngles(size, { ...options, bidirectional: false });
  const na = angles.length / 3;
  const ng = roi.levels.length;
  const nr = Math.max(sx, sy, sz);
  const block = ng * nr;
  const counts = new Float64Array(na * block);
  const { levels: pg, steps, origin, strideY, strideZ } = paddedGrid(grid, angles, -1);
  for (let a = 0; a < na; a++) {
    const step = steps[a];
    const base = a * block;
    let multiElement = false;
    for (let z = 0; z < sz; z++) {
      for (let y = 0; y < sy; y++) {
        const line = origin + strideY * y + strideZ * z;
        for (let x = 0; x < sx; x++) {
          // A line starts where the previous voxel along the angle falls outside the grid (the -1 border).
          let v = line + x;
          if (pg[v - step] !== -1) continue;
          let level = -1;
          let run = 0;
          let elements = 0;
          for (let gv = pg[v]; gv !== -1; v += step, gv = pg[v]) {
            if (gv !== 0) {
              elements++;
              if (level === -1) {
                level = gv;
                run = 0;
              } else if (gv === level) {
                run++;
              } else {
                counts[base + roi.row[level] * nr + run]++;
                level = gv;
                run = 0;
              }
            } else if (level !== -1) {
              counts[base + roi.row[level] * nr + run]++;
              level = -1;
            }
          }
          if (level !== -1) counts[base + roi.row[level] * nr + run]++;
          if (elements > 1) multiElement = true;
        }
      }
    }
    // PyRadiomics: the ROI is 2D for this angle, remove its (length-1) runs.
    if (!multiElement && options.dropSingleVoxelAngles !== false) counts.fill(0, base, base + block);
  }
  let kept: number[];
  let merged: Float64Array;
  const norm = options.weightingNorm ?? null;
  if (norm !== null) {
    const spacing = options.spacing ?? [1, 1, 1];
    merged = new Float64Array(block);
    for (let a = 0; a < na; a++) {
      const w = angleDistance(angles, a, spacing, norm);
      for (let k = 0; k < block; k++) merged[k] += w * counts[a * block + k];
    }
    kept = [];
  } else {
    kept = [];
    for (let a = 0; a < na; a++) {
      let sum = 0;
      for (let k = a * block; k < (a + 1) * block; k++) sum += counts[k];
      if (sum > 0) kept.push(a);
    }
    merged = counts;
  }
  const angleBlocks = norm !== null ? [0] : kept;
  // Run lengths that occur in any kept angle.
  const used: number[] = [];
  for (let r = 0; r < nr; r++) {
    let any = false;
    for (const a of angleBlocks) {
      for (let i = 0; i < ng && !any; i++) if (merged[a * block + i * nr + r] !== 0) any = true;
    }
    if (any) used.push(r);
  }
  const nu = used.length;
  const values = new Float64Array(angleBlocks.length * ng * nu);
  angleBlocks.forEach((a, b) => {
    for (let i = 0; i < ng; i++) {
      for (let c = 0; c < nu; c++) values[(b * ng + i) * nu + c] = merged[a * block + i * nr + used[c]];
    }
  });
  const keptAngles = new Int32Array(
    norm !== null ? angles : kept.flatMap((a) => [...angles.subarray(3 * a, 3 * a + 3)]),
  );
  return {
    values,
    nLevels: ng,
    nRunLengths: nu,
    nAngles: angleBlocks.length,
    grayLevels: Float64Array.from(roi.levels),
    runLengths: Float64Array.from(used, (r) => r + 1),
    angles: keptAngles,
  };
}
