import { generateAngles, type NeighborOptions } from '../texture-common/angles.js';
import type { TextureGrid } from '../texture-common/texture-grid.js';
import {
  neighborPad,
  neighborSteps,
  type TextureVolume,
  textureVolume,
} from '../texture-common/texture-volume.js';
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
  const angles = generateAngles(grid.size, { ...options, bidirectional: false });
  return glrlmOfVolume(textureVolume(grid, neighborPad(angles)), angles, options);
}

/**
 * {@link glrlmMatrix} of a prepared {@link TextureVolume} (padded for `angles`) and the `angles` of
 * `generateAngles` (one direction per pair). For each angle, one pass over the ROI voxels in the angle's
 * direction: the run through a voxel so far is 1 plus its predecessor's when that holds the same grey level;
 * counting the voxels at each run position (a run of length L has one voxel at each position up to L), the
 * runs of length exactly r are those at position r minus those at r + 1; without branches, which the
 * processor could not predict on a textured ROI.
 */
export function glrlmOfVolume(
  volume: TextureVolume,
  angles: Int32Array,
  options: Omit<GlrlmOptions, keyof NeighborOptions> = {},
): GlrlmMatrix {
  const { roi, levels: pg, voxels, size } = volume;
  const na = angles.length / 3;
  const ng = roi.levels.length;
  const nr = Math.max(size[0], size[1], size[2]);
  const block = ng * nr;
  // integer counts (cheaper to increment), as doubles for the features after the pass
  const runCounts = new Int32Array(na * block);
  const steps = neighborSteps(volume, angles);
  const row = roi.row;
  // run length so far at each ROI voxel (0 outside the ROI, never written); 16 bits when every run fits
  const runs = nr <= 65535 ? new Uint16Array(pg.length) : new Int32Array(pg.length);
  const nv = voxels.length;
  for (let a = 0; a < na; a++) {
    const step = steps[a];
    const base = a * block;
    let longest = 0;
    // voxels are listed by increasing index: follow them forward for a positive step, backward otherwise
    for (let s = 0; s < nv; s++) {
      const v = voxels[step > 0 ? s : nv - 1 - s];
      const level = pg[v];
      const run = 1 + +(pg[v - step] === level) * runs[v - step];
      runs[v] = run;
      runCounts[base + row[level] * nr + run - 1]++;
      if (run > longest) longest = run;
    }
    // voxels at position r of their run: the runs of length r or more; those of length exactly r are the
    // difference with position r + 1 (counted in place, increasing r)
    for (let k = base; k < base + block; k += nr) {
      for (let r = 0; r < nr - 1; r++) runCounts[k + r] -= runCounts[k + r + 1];
    }
    // PyRadiomics: the ROI is 2D for this angle (no line holds two ROI voxels), remove its (length-1) runs.
    if (
      longest === 1 &&
      options.dropSingleVoxelAngles !== false &&
      !anyLineHoldsTwo(volume, angles.subarray(3 * a, 3 * a + 3))
    ) {
      runCounts.fill(0, base, base + block);
    }
  }
  const counts = Float64Array.from(runCounts);
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

/** Whether some line of the grid along `offset` holds two ROI voxels (not necessarily adjacent). */
function anyLineHoldsTwo(volume: TextureVolume, offset: Int32Array): boolean {
  const { levels: pg, voxels, size, pad, strideY, strideZ } = volume;
  const [ox, oy, oz] = offset;
  const step = ox + strideY * oy + strideZ * oz;
  for (let n = 0; n < voxels.length; n++) {
    // grid coordinates of the voxel, then walk forward along the offset until the grid ends
    const p = voxels[n];
    let z = Math.floor(p / strideZ) - pad;
    let y = Math.floor((p % strideZ) / strideY) - pad;
    let x = (p % strideY) - pad;
    for (let w = p + step; ; w += step) {
      x += ox;
      y += oy;
      z += oz;
      if (x < 0 || x >= size[0] || y < 0 || y >= size[1] || z < 0 || z >= size[2]) break;
      if (pg[w] !== 0) return true;
    }
  }
  return false;
}
