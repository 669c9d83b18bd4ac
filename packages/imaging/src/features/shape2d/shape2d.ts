import { TaceError } from '@tace/core';
import type { RoiContext } from '../base.js';
import { convexHull2D } from '../shape/convex-hull.js';

/** The 9 2D shape features PyRadiomics enables by default (SphericalDisproportion is deprecated there). */
export const SHAPE2D_FEATURES = [
  'MeshSurface',
  'PixelSurface',
  'Perimeter',
  'PerimeterSurfaceRatio',
  'Sphericity',
  'MaximumDiameter',
  'MajorAxisLength',
  'MinorAxisLength',
  'Elongation',
] as const;

/** Edge midpoints of a pixel square with corners 0 (0,0), 1 (1,0), 2 (1,1), 3 (0,1). */
const EDGE_MID: readonly (readonly [number, number])[] = [
  [0.5, 0],
  [1, 0.5],
  [0.5, 1],
  [0, 0.5],
];

/**
 * Contour segments of the 8 square configurations with corner 3 outside (the other 8 are their complements):
 * pairs of edges, each with a test corner that lies on the segment's left when inside. The saddle (corners 0
 * and 2 inside) cuts off both inside corners.
 */
const SEGMENTS: readonly (readonly [number, number, number])[][] = [
  [],
  [[0, 3, 0]],
  [[0, 1, 1]],
  [[3, 1, 0]],
  [[1, 2, 2]],
  [
    [0, 3, 0],
    [1, 2, 2],
  ],
  [[0, 2, 1]],
  [[3, 2, 0]],
];
const CORNERS: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

/**
 * Oriented contour segments per configuration (inside on the left), as [ax, ay, bx, by] in pixel units.
 */
const ORIENTED: readonly Float64Array[] = SEGMENTS.map((list, config) =>
  Float64Array.from(
    list.flatMap(([e1, e2, corner]) => {
      const a = EDGE_MID[e1]!;
      const b = EDGE_MID[e2]!;
      const p = CORNERS[corner]!;
      const left = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) > 0;
      const inside = ((config >> corner) & 1) === 1;
      return left === inside ? [a[0], a[1], b[0], b[1]] : [b[0], b[1], a[0], a[1]];
    }),
  ),
);

/**
 * 2D shape features of a single-slice ROI, as PyRadiomics `RadiomicsShape2D` (`force2D`): the contour is
 * built by marching squares through the pixel-edge midpoints; MeshSurface A is the enclosed area (shoelace),
 * Perimeter P its length, PixelSurface = N * pixel area, PerimeterSurfaceRatio = P / A,
 * Sphericity = 2 sqrt(pi A) / P, MaximumDiameter the largest distance between contour vertices (2D convex hull),
 * Major/MinorAxisLength = 4 sqrt(lambda) of the population covariance of pixel-centre coordinates, Elongation =
 * sqrt(lambda_minor / lambda_major); plus the deprecated SphericalDisproportion = 1 / Sphericity.
 *
 * Matches PyRadiomics baselines (baseline_shape2D.csv: brain1, brain2, breast1) to 1e-6 relative.
 *
 * @param mask 1 inside, `u` fastest (`mask[u + nu * v]`).
 * @param size pixels along u and v.
 * @param spacing pixel size along u and v (mm).
 */
export function shape2DFeatures(
  mask: Uint8Array,
  size: readonly [number, number],
  spacing: readonly [number, number],
): Record<string, number> {
  const [nu, nv] = size;
  const [su, sv] = spacing;
  const pu = nu + 2;
  const pv = nv + 2;
  const padded = new Uint8Array(pu * pv);
  let n = 0;
  let mu = 0;
  let mv = 0;
  for (let v = 0; v < nv; v++) {
    for (let u = 0; u < nu; u++) {
      if (mask[u + nu * v] === 0) continue;
      padded[u + 1 + pu * (v + 1)] = 1;
      n++;
      mu += u;
      mv += v;
    }
  }
  if (n === 0) throw new TaceError('EMPTY_INPUT', 'shape2D: the region of interest is empty');
  let area2 = 0;
  let perimeter = 0;
  const hu: number[] = [];
  const hv: number[] = [];
  for (let v = 0; v < pv - 1; v++) {
    for (let u = 0; u < pu - 1; u++) {
      const i = u + pu * v;
      let config = padded[i]! | (padded[i + 1]! << 1) | (padded[i + 1 + pu]! << 2) | (padded[i + pu]! << 3);
      let sign = 1;
      if (config & 8) {
        config ^= 0xf;
        sign = -1;
      }
      const segments = ORIENTED[config]!;
      for (let s = 0; s < segments.length; s += 4) {
        const ax = (u + segments[s]!) * su;
        const ay = (v + segments[s + 1]!) * sv;
        const bx = (u + segments[s + 2]!) * su;
        const by = (v + segments[s + 3]!) * sv;
        area2 += sign * (ax * by - bx * ay);
        perimeter += Math.hypot(bx - ax, by - ay);
        hu.push(2 * u + 2 * segments[s]!, 2 * u + 2 * segments[s + 2]!);
        hv.push(2 * v + 2 * segments[s + 1]!, 2 * v + 2 * segments[s + 3]!);
      }
    }
  }
  const area = Math.abs(area2) / 2;
  // contour vertices in doubled pixel units (exact integers) for the convex hull
  const hullU = Int32Array.from(hu);
  const hullV = Int32Array.from(hv);
  const hull = convexHull2D(hullU, hullV);
  let diameter2 = 0;
  for (let p = 0; p < hull.length; p++) {
    for (let q = p + 1; q < hull.length; q++) {
      const du = ((hullU[hull[p]!]! - hullU[hull[q]!]!) * su) / 2;
      const dv = ((hullV[hull[p]!]! - hullV[hull[q]!]!) * sv) / 2;
      diameter2 = Math.max(diameter2, du * du + dv * dv);
    }
  }
  mu /= n;
  mv /= n;
  let cuu = 0;
  let cuv = 0;
  let cvv = 0;
  for (let v = 0; v < nv; v++) {
    for (let u = 0; u < nu; u++) {
      if (mask[u + nu * v] === 0) continue;
      const du = (u - mu) * su;
      const dv = (v - mv) * sv;
      cuu += du * du;
      cuv += du * dv;
      cvv += dv * dv;
    }
  }
  cuu /= n;
  cuv /= n;
  cvv /= n;
  const half = (cuu + cvv) / 2;
  const root = Math.sqrt(((cuu - cvv) / 2) ** 2 + cuv * cuv);
  const major = half + root;
  const minor = Math.max(0, half - root);
  const sphericity = (2 * Math.sqrt(Math.PI * area)) / perimeter;
  return {
    MeshSurface: area,
    PixelSurface: n * su * sv,
    Perimeter: perimeter,
    PerimeterSurfaceRatio: perimeter / area,
    Sphericity: sphericity,
    SphericalDisproportion: 1 / sphericity,
    MaximumDiameter: Math.sqrt(diameter2),
    MajorAxisLength: 4 * Math.sqrt(major),
    MinorAxisLength: 4 * Math.sqrt(minor),
    Elongation: Math.sqrt(minor / major),
  };
}

/**
 * The 2D shape {@link FeatureClass}: needs `force2D` and a ROI one voxel thick along `force2Ddimension`
 * (PyRadiomics numpy order: 0 = z, 1 = y, 2 = x).
 * @throws {TaceError} `INVALID_ARGUMENT` otherwise.
 */
export function shape2DClass(context: RoiContext): Record<string, number> {
  const { settings, morphologicalMask: mask } = context;
  const [nx, ny, nz] = context.image.size;
  const [sx, sy, sz] = context.image.spacing;
  const out = 2 - settings.force2Ddimension; // numpy axis -> (i, j, k) axis
  if (!settings.force2D || context.image.size[out] !== 1) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `shape2D needs force2D: true and a ROI one slice thick along force2Ddimension ${settings.force2Ddimension}, but the ROI spans ${context.image.size[out]} slices (force2D ${settings.force2D})`,
      { param: 'featureClass', remedy: 'use shape for 3D ROIs, or set force2D and a single-slice mask' },
    );
  }
  if (out === 2) return shape2DFeatures(mask, [nx, ny], [sx, sy]);
  const plane = new Uint8Array(out === 1 ? nx * nz : ny * nz);
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const value = mask[i + nx * (j + ny * k)]!;
        if (out === 1) plane[i + nx * k] = value;
        else plane[j + ny * k] = value;
      }
    }
  }
  return out === 1 ? shape2DFeatures(plane, [nx, nz], [sx, sz]) : shape2DFeatures(plane, [ny, nz], [sy, sz]);
}
