import type { IbsiFeatureName } from '../morphology/morphology.js';
import { EMPHASIS_STATISTIC_COUNT, emphasisStatistics } from '../texture-common/emphasis-statistics.js';
import { roiLevels, type TextureGrid } from '../texture-common/texture-grid.js';

/** IBSI 1 GLDZM features (reference manual, 3.10) and their index in {@link emphasisStatistics}. */
export const IBSI_GLDZM_FEATURES: readonly (IbsiFeatureName & { statistic: number })[] = [
  { name: 'Small distance emphasis', code: '0GBI', statistic: 0 },
  { name: 'Large distance emphasis', code: 'MB4I', statistic: 1 },
  { name: 'Low grey level zone emphasis', code: 'S1RA', statistic: 10 },
  { name: 'High grey level zone emphasis', code: 'K26C', statistic: 11 },
  { name: 'Small distance low grey level emphasis', code: 'RUVG', statistic: 12 },
  { name: 'Small distance high grey level emphasis', code: 'DKNJ', statistic: 13 },
  { name: 'Large distance low grey level emphasis', code: 'A7WM', statistic: 14 },
  { name: 'Large distance high grey level emphasis', code: 'KLTH', statistic: 15 },
  { name: 'Grey level non-uniformity', code: 'VFT7', statistic: 2 },
  { name: 'Normalised grey level non-uniformity', code: '7HP3', statistic: 3 },
  { name: 'Zone distance non-uniformity', code: 'V294', statistic: 4 },
  { name: 'Normalised zone distance non-uniformity', code: 'IATH', statistic: 5 },
  { name: 'Zone percentage', code: 'VIWW', statistic: 6 },
  { name: 'Grey level variance', code: 'QK93', statistic: 7 },
  { name: 'Zone distance variance', code: '7WT1', statistic: 8 },
  { name: 'Zone distance entropy', code: 'GBDU', statistic: 9 },
];

/** Grey level distance zone matrix: zone counts by grey level (rows) and distance to the ROI edge (columns). */
export interface GldzmMatrix {
  /** Counts `[level - 1][distance - 1]` (`values[(g - 1) * nDistances + d - 1]`), every level 1..nLevels. */
  values: Float64Array;
  /** Rows: grey levels 1..nLevels. */
  nLevels: number;
  /** Columns: distances 1..nDistances. */
  nDistances: number;
  /** ROI voxels. */
  voxelCount: number;
}

/**
 * Distance of every ROI voxel to the ROI edge in steps between face neighbours (6-connected; 4-connected in
 * plane with `force2D`): 1 for a voxel with a face neighbour outside the ROI or the grid, else 1 + the least
 * distance of its neighbours; 0 outside. Breadth-first from the edge.
 */
export function edgeDistance(
  roi: ArrayLike<number>,
  size: readonly [number, number, number],
  force2D = false,
): Int32Array {
  const [nx, ny, nz] = size;
  const plane = nx * ny;
  const n = plane * nz;
  const distance = new Int32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const steps: [number, number, number][] = [
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, 0],
    [0, -1, 0],
  ];
  if (!force2D) steps.push([0, 0, 1], [0, 0, -1]);
  const inside = (x: number, y: number, z: number) =>
    x >= 0 && x < nx && y >= 0 && y < ny && z >= 0 && z < nz && roi[x + nx * (y + ny * z)] !== 0;
  for (let v = 0; v < n; v++) {
    if (roi[v] === 0) continue;
    const x = v % nx;
    const y = Math.floor(v / nx) % ny;
    const z = Math.floor(v / plane);
    for (const [dx, dy, dz] of steps) {
      if (!inside(x + dx, y + dy, z + dz)) {
        distance[v] = 1;
        queue[tail++] = v;
        break;
      }
    }
  }
  while (head < tail) {
    const v = queue[head++]!;
    const x = v % nx;
    const y = Math.floor(v / nx) % ny;
    const z = Math.floor(v / plane);
    for (const [dx, dy, dz] of steps) {
      if (!inside(x + dx, y + dy, z + dz)) continue;
      const w = x + dx + nx * (y + dy + ny * (z + dz));
      if (distance[w] === 0) {
        distance[w] = distance[v]! + 1;
        queue[tail++] = w;
      }
    }
  }
  return distance;
}

/**
 * Grey level distance zone matrix (IBSI 1, 3.10): zones are 26-connected sets of ROI voxels of equal grey
 * level (8-connected in plane with `force2D`), each counted at its grey level and at the least
 * {@link edgeDistance} of its voxels. The distance is measured on `distanceMask` (default the ROI of `grid`).
 * @example gldzmMatrix({ grayLevels: Int32Array.of(1, 1, 2), size: [3, 1, 1] }, { force2D: true })
 */
export function gldzmMatrix(
  grid: TextureGrid,
  options: { force2D?: boolean; nLevels?: number; distanceMask?: ArrayLike<number> } = {},
): GldzmMatrix {
  const roi = roiLevels(grid);
  const { grayLevels: g, size } = grid;
  const [sx, sy, sz] = size;
  const force2D = options.force2D === true;
  const distance = edgeDistance(options.distanceMask ?? g, size, force2D);
  const neighbours: number[] = [];
  for (let k = force2D ? 0 : -1; k <= (force2D ? 0 : 1); k++)
    for (let j = -1; j <= 1; j++)
      for (let i = -1; i <= 1; i++) if (i !== 0 || j !== 0 || k !== 0) neighbours.push(i, j, k);
  const nn = neighbours.length / 3;
  const n = g.length;
  const visited = new Uint8Array(n);
  const stack = new Int32Array(roi.voxelCount);
  const zoneLevel: number[] = [];
  const zoneDistance: number[] = [];
  let maxDistance = 1;
  for (let start = 0; start < n; start++) {
    const level = g[start]!;
    if (level === 0 || visited[start] === 1) continue;
    visited[start] = 1;
    let top = 0;
    stack[top++] = start;
    let least = Number.MAX_SAFE_INTEGER;
    while (top > 0) {
      const v = stack[--top]!;
      const d = distance[v]! > 0 ? distance[v]! : 1;
      if (d < least) least = d;
      const x = v % sx;
      const y = Math.floor(v / sx) % sy;
      const z = Math.floor(v / (sx * sy));
      for (let a = 0; a < nn; a++) {
        const ax = x + neighbours[3 * a]!;
        const ay = y + neighbours[3 * a + 1]!;
        const az = z + neighbours[3 * a + 2]!;
        if (ax < 0 || ax >= sx || ay < 0 || ay >= sy || az < 0 || az >= sz) continue;
        const w = ax + sx * (ay + sy * az);
        if (visited[w] === 0 && g[w] === level) {
          visited[w] = 1;
          stack[top++] = w;
        }
      }
    }
    zoneLevel.push(level);
    zoneDistance.push(least);
    if (least > maxDistance) maxDistance = least;
  }
  const nLevels = Math.max(options.nLevels ?? roi.maxLevel, roi.maxLevel);
  const values = new Float64Array(nLevels * maxDistance);
  for (let z = 0; z < zoneLevel.length; z++)
    values[(zoneLevel[z]! - 1) * maxDistance + zoneDistance[z]! - 1]!++;
  return { values, nLevels, nDistances: maxDistance, voxelCount: roi.voxelCount };
}

/**
 * The 16 IBSI GLDZM features of a matrix, keyed by IBSI code; `voxelCount` for the zone percentage (default
 * the matrix's).
 * @example gldzmFeatures(gldzmMatrix(grid)).VIWW // zone percentage
 */
export function gldzmFeatures(matrix: GldzmMatrix, voxelCount = matrix.voxelCount): Record<string, number> {
  const stats = new Float64Array(EMPHASIS_STATISTIC_COUNT);
  emphasisStatistics(
    matrix.values,
    0,
    matrix.nLevels,
    matrix.nDistances,
    Float64Array.from({ length: matrix.nLevels }, (_, i) => i + 1),
    Float64Array.from({ length: matrix.nDistances }, (_, i) => i + 1),
    voxelCount,
    stats,
  );
  const out: Record<string, number> = {};
  for (const f of IBSI_GLDZM_FEATURES) out[f.code] = stats[f.statistic]!;
  return out;
}
