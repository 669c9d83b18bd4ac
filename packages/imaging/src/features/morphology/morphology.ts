import { TaceError } from '@tace/core';
import { cropArray } from '../../preprocess/crop.js';
import { meshDiameters } from '../shape/diameters.js';
import { type BinaryGrid, meshAreaVolume } from '../shape/mesh.js';
import { principalMoments } from '../shape/principal-axes.js';
import { padMask } from '../shape/shape.js';
import { convexHullVolumeArea } from './convex-hull-3d.js';
import { spatialAutocorrelation } from './spatial-autocorrelation.js';

/** One IBSI 1 feature: name as in the IBSI reference tables, four-character code. */
export interface IbsiFeatureName {
  /** IBSI feature name. */
  name: string;
  /** IBSI code. */
  code: string;
}

/** IBSI 1 morphological features computed by {@link ibsiMorphology} (reference manual, 3.1), in its order. */
export const IBSI_MORPHOLOGY_FEATURES: readonly IbsiFeatureName[] = [
  { name: 'Volume (mesh)', code: 'RNU0' },
  { name: 'Volume (voxel counting)', code: 'YEKZ' },
  { name: 'Surface area (mesh)', code: 'C0JK' },
  { name: 'Surface to volume ratio', code: '2PR5' },
  { name: 'Compactness 1', code: 'SKGS' },
  { name: 'Compactness 2', code: 'BQWJ' },
  { name: 'Spherical disproportion', code: 'KRCK' },
  { name: 'Sphericity', code: 'QCFX' },
  { name: 'Asphericity', code: '25C7' },
  { name: 'Centre of mass shift', code: 'KLMA' },
  { name: 'Maximum 3D diameter', code: 'L0JK' },
  { name: 'Major axis length', code: 'TDIC' },
  { name: 'Minor axis length', code: 'P9VJ' },
  { name: 'Least axis length', code: '7J51' },
  { name: 'Elongation', code: 'Q3CK' },
  { name: 'Flatness', code: 'N17B' },
  { name: 'Volume density (axis-aligned bounding box)', code: 'PBX1' },
  { name: 'Area density (axis-aligned bounding box)', code: 'R59B' },
  { name: 'Volume density (approximate enclosing ellipsoid)', code: '6BDE' },
  { name: 'Area density (approximate enclosing ellipsoid)', code: 'RDD2' },
  { name: 'Volume density (convex hull)', code: 'R3ER' },
  { name: 'Area density (convex hull)', code: '7T7F' },
  { name: 'Integrated intensity', code: '99N0' },
  { name: 'Moran’s I index', code: 'N365' },
  { name: 'Geary’s C measure', code: 'NPT7' },
];

/** Legendre polynomial P_n(x) by the three-term recurrence. */
function legendre(n: number, x: number): number {
  if (n === 0) return 1;
  let p0 = 1;
  let p1 = x;
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return p1;
}

/**
 * Surface area of an ellipsoid with semi-axes `a >= b >= c` by IBSI's series (reference manual, 3.1.19):
 * `4 pi a b sum_{nu=0}^{20} (alpha beta)^nu / (1 - 4 nu^2) P_nu((alpha^2 + beta^2) / (2 alpha beta))`,
 * `alpha = sqrt(1 - b^2 / a^2)`, `beta = sqrt(1 - c^2 / a^2)`.
 */
export function ellipsoidSurfaceArea(a: number, b: number, c: number): number {
  // the series is continuous as alpha or beta go to 0 (spheroids, spheres); keep them off 0 numerically
  const alpha = Math.max(Math.sqrt(Math.max(1 - (b * b) / (a * a), 0)), 1e-6);
  const beta = Math.max(Math.sqrt(Math.max(1 - (c * c) / (a * a), 0)), 1e-6);
  const ab = alpha * beta;
  const x = (alpha * alpha + beta * beta) / (2 * ab);
  let sum = 0;
  for (let nu = 0; nu <= 20; nu++) sum += (ab ** nu / (1 - 4 * nu * nu)) * legendre(nu, x);
  return 4 * Math.PI * a * b * sum;
}

/**
 * IBSI 1 morphological features (reference manual, 3.1) of a ROI, keyed by IBSI code:
 *
 * - the mesh (marching cubes, vertices at edge midpoints) of `morphologicalMask` gives the volume, area,
 *   their ratios (compactness 1 and 2, spherical disproportion, sphericity, asphericity), the maximum 3D
 *   diameter (over mesh vertices, exact), the axis-aligned bounding box of the vertices and their convex
 *   hull (volume and area densities);
 * - the voxel centres of `morphologicalMask` give the voxel-counting volume and the principal axes (major,
 *   minor, least axis lengths `4 sqrt(lambda)`, lambda the eigenvalues of the sample covariance (N - 1), elongation, flatness, the approximate enclosing ellipsoid with
 *   semi-axes `2 sqrt(lambda)`);
 * - the intensities inside `intensityMask` (after resegmentation) give the centre of mass shift (distance
 *   between the geometric centre of the morphological mask and the intensity-weighted centre of the intensity
 *   mask), the integrated intensity (mean intensity x mesh volume), Moran's I and Geary's C (all pairs,
 *   inverse-distance weights; {@link spatialAutocorrelation}).
 *
 * @throws {TaceError} `EMPTY_INPUT` for an empty mask.
 * Not computed: the oriented minimum bounding box and the minimum volume enclosing ellipsoid densities (IBSI
 * gives no reference value for them).
 * @example ibsiMorphology(image.data, roi, morphologicalRoi, image.size, image.spacing).RNU0 // mesh volume
 */
export function ibsiMorphology(
  data: ArrayLike<number>,
  intensityMask: Uint8Array,
  morphologicalMask: Uint8Array,
  size: readonly [number, number, number],
  spacing: readonly [number, number, number],
): Record<string, number> {
  // crop to the bounding box of the morphological mask (every feature is translation invariant)
  const lower: [number, number, number] = [size[0], size[1], size[2]];
  const upper: [number, number, number] = [-1, -1, -1];
  for (let v = 0; v < morphologicalMask.length; v++) {
    if (morphologicalMask[v] === 0 && intensityMask[v] === 0) continue;
    const c = [v % size[0], Math.floor(v / size[0]) % size[1], Math.floor(v / (size[0] * size[1]))];
    for (let d = 0; d < 3; d++) {
      if (c[d]! < lower[d]!) lower[d] = c[d]!;
      if (c[d]! > upper[d]!) upper[d] = c[d]!;
    }
  }
  if (upper[0] < 0)
    throw new TaceError('EMPTY_INPUT', 'the mask selects no voxel', { param: 'morphologicalMask' });
  const box: [number, number, number] = [
    upper[0] - lower[0] + 1,
    upper[1] - lower[1] + 1,
    upper[2] - lower[2] + 1,
  ];
  return croppedMorphology(
    cropArray(Float64Array.from(data), size, lower, box),
    cropArray(intensityMask, size, lower, box),
    cropArray(morphologicalMask, size, lower, box),
    box,
    spacing,
  );
}

function croppedMorphology(
  data: Float64Array,
  intensityMask: Uint8Array,
  morphologicalMask: Uint8Array,
  size: readonly [number, number, number],
  spacing: readonly [number, number, number],
): Record<string, number> {
  const [nx, ny] = size;
  const [sx, sy, sz] = spacing;
  const grid: BinaryGrid = {
    data: padMask(morphologicalMask, size),
    size: [size[0] + 2, size[1] + 2, size[2] + 2],
    spacing,
  };
  const { surfaceArea: area, volume } = meshAreaVolume(grid);
  const diameters = meshDiameters(grid);
  // IBSI's principal axes use the sample covariance (N - 1), PyRadiomics' the population one
  const moments = principalMoments(morphologicalMask, size, spacing);
  let count = 0;
  for (let v = 0; v < morphologicalMask.length; v++) if (morphologicalMask[v] !== 0) count++;
  const [least, minor, major] = moments.map((m) => (m * count) / Math.max(count - 1, 1)) as [
    number,
    number,
    number,
  ];
  // geometric centre (morphological mask) and intensity-weighted centre (intensity mask), voxel counts
  let nMorph = 0;
  const geometric = [0, 0, 0];
  let nInt = 0;
  let sumIntensity = 0;
  const weighted = [0, 0, 0];
  for (let v = 0; v < morphologicalMask.length; v++) {
    const i = v % nx;
    const j = Math.floor(v / nx) % ny;
    const k = Math.floor(v / (nx * ny));
    if (morphologicalMask[v] !== 0) {
      nMorph++;
      geometric[0] += i;
      geometric[1] += j;
      geometric[2] += k;
    }
    if (intensityMask[v] !== 0) {
      const x = data[v]!;
      nInt++;
      sumIntensity += x;
      weighted[0] += x * i;
      weighted[1] += x * j;
      weighted[2] += x * k;
    }
  }
  const shift = Math.hypot(
    (geometric[0]! / nMorph - weighted[0]! / sumIntensity) * sx,
    (geometric[1]! / nMorph - weighted[1]! / sumIntensity) * sy,
    (geometric[2]! / nMorph - weighted[2]! / sumIntensity) * sz,
  );
  // axis-aligned bounding box of the mesh vertices (doubled integer coordinates)
  const { x, y, z } = diameters.hullVertices;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let p = 0; p < x.length; p++) {
    const c = [x[p]!, y[p]!, z[p]!];
    for (let d = 0; d < 3; d++) {
      if (c[d]! < lo[d]!) lo[d] = c[d]!;
      if (c[d]! > hi[d]!) hi[d] = c[d]!;
    }
  }
  const ex = ((hi[0]! - lo[0]!) * sx) / 2;
  const ey = ((hi[1]! - lo[1]!) * sy) / 2;
  const ez = ((hi[2]! - lo[2]!) * sz) / 2;
  const aabbVolume = ex * ey * ez;
  const aabbArea = 2 * (ex * ey + ex * ez + ey * ez);
  const hull = convexHullVolumeArea(x, y, z, [sx / 2, sy / 2, sz / 2]);
  const [a, b, c] = [2 * Math.sqrt(major), 2 * Math.sqrt(minor), 2 * Math.sqrt(least)];
  const { moranI, gearyC } = spatialAutocorrelation(data, intensityMask, size, spacing);
  const sphereArea = Math.cbrt(36 * Math.PI * volume * volume);
  return {
    RNU0: volume,
    YEKZ: nMorph * sx * sy * sz,
    C0JK: area,
    '2PR5': area / volume,
    SKGS: volume / (Math.sqrt(Math.PI) * area ** 1.5),
    BQWJ: (36 * Math.PI * volume * volume) / area ** 3,
    KRCK: area / sphereArea,
    QCFX: sphereArea / area,
    '25C7': area / sphereArea - 1,
    KLMA: shift,
    L0JK: diameters.max3D,
    TDIC: 4 * Math.sqrt(major),
    P9VJ: 4 * Math.sqrt(minor),
    '7J51': 4 * Math.sqrt(least),
    Q3CK: Math.sqrt(minor / major),
    N17B: Math.sqrt(least / major),
    PBX1: volume / aabbVolume,
    R59B: area / aabbArea,
    '6BDE': volume / ((4 * Math.PI * a * b * c) / 3),
    RDD2: area / ellipsoidSurfaceArea(a, b, c),
    R3ER: volume / hull.volume,
    '7T7F': area / hull.area,
    '99N0': (sumIntensity / nInt) * volume,
    N365: moranI,
    NPT7: gearyC,
  };
}
