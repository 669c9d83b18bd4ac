import { convexHull2D } from './convex-hull.js';
import type { BinaryGrid } from './mesh.js';

/** Maximum diameters (mm) of a mask's surface mesh. */
export interface MeshDiameters {
  /** Largest distance between any two mesh vertices (PyRadiomics Maximum3DDiameter). */
  max3D: number;
  /** Largest distance between two vertices in the same axial (z) plane (Maximum2DDiameterSlice). */
  maxSlice: number;
  /** Largest distance between two vertices in the same coronal (y) plane (Maximum2DDiameterColumn). */
  maxColumn: number;
  /** Largest distance between two vertices in the same sagittal (x) plane (Maximum2DDiameterRow). */
  maxRow: number;
  /**
   * The vertices of the axial (z-plane) 2D hulls, as doubled integer coordinates: a superset of the vertices
   * of the 3D convex hull of the mesh.
   */
  hullVertices: { x: Int32Array; y: Int32Array; z: Int32Array };
}

/**
 * Vertices of the marching-cubes mesh of a binary mask: the midpoints of grid edges joining an inside and an
 * outside voxel, as doubled integer coordinates (2i, 2j, 2k) so half-voxel positions stay exact.
 */
export function meshVertices(grid: BinaryGrid): { x: Int32Array; y: Int32Array; z: Int32Array } {
  const [nx, ny, nz] = grid.size;
  const { data } = grid;
  const plane = nx * ny;
  const visit = (emit: (x: number, y: number, z: number) => void): void => {
    let index = 0;
    for (let k = 0; k < nz; k++) {
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++, index++) {
          const inside = data[index] !== 0;
          if (i + 1 < nx && inside !== (data[index + 1] !== 0)) emit(2 * i + 1, 2 * j, 2 * k);
          if (j + 1 < ny && inside !== (data[index + nx] !== 0)) emit(2 * i, 2 * j + 1, 2 * k);
          if (k + 1 < nz && inside !== (data[index + plane] !== 0)) emit(2 * i, 2 * j, 2 * k + 1);
        }
      }
    }
  };
  let count = 0;
  visit(() => {
    count++;
  });
  const x = new Int32Array(count);
  const y = new Int32Array(count);
  const z = new Int32Array(count);
  let c = 0;
  visit((a, b, d) => {
    x[c] = a;
    y[c] = b;
    z[c++] = d;
  });
  return { x, y, z };
}

/**
 * Maximum 3D and per-plane 2D diameters over the mesh vertices, as PyRadiomics' shape class (which compares
 * all vertex pairs). Exact but without the all-pairs loop: the farthest pair of a point set is a pair of
 * convex-hull vertices; a vertex of the 3D hull is a vertex of the 2D hull of its own plane, and a vertex of
 * a plane's hull is the first or last point of its row. So each plane keeps only its row extremes, then its 2D
 * hull (monotone chain on exact integer coordinates); the 2D diameters are taken over those hulls and the 3D
 * diameter over the union of the axial hulls.
 */
export function meshDiameters(grid: BinaryGrid): MeshDiameters {
  const { x, y, z } = meshVertices(grid);
  const h = grid.spacing.map((s) => s / 2) as [number, number, number];
  const coords = [x, y, z];
  const extents = grid.size.map((n) => 2 * n + 1);
  const planeHulls = (axis: 0 | 1 | 2): { max: number; members: number[] } => {
    const [a, b] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
    const key = coords[axis]!;
    const rowCoord = coords[b]!;
    const along = coords[a]!;
    const planes = extents[axis]!;
    const rows = extents[b]!;
    // first and last vertex (by the in-row coordinate) of every row of every plane
    const first = new Int32Array(planes * rows).fill(-1);
    const last = new Int32Array(planes * rows).fill(-1);
    for (let p = 0; p < key.length; p++) {
      const cell = key[p]! * rows + rowCoord[p]!;
      const f = first[cell]!;
      if (f < 0 || along[p]! < along[f]!) first[cell] = p;
      const l = last[cell]!;
      if (l < 0 || along[p]! > along[l]!) last[cell] = p;
    }
    let max = 0;
    const members: number[] = [];
    const candidates: number[] = [];
    for (let plane = 0; plane < planes; plane++) {
      candidates.length = 0;
      for (let row = 0; row < rows; row++) {
        const f = first[plane * rows + row]!;
        if (f < 0) continue;
        candidates.push(f);
        const l = last[plane * rows + row]!;
        if (l !== f) candidates.push(l);
      }
      if (candidates.length === 0) continue;
      const u = Int32Array.from(candidates, (p) => along[p]!);
      const v = Int32Array.from(candidates, (p) => rowCoord[p]!);
      const hull = Array.from(convexHull2D(u, v), (q) => candidates[q]!);
      for (const q of hull) members.push(q);
      max = Math.max(max, farthestPair(hull, coords, h));
    }
    return { max, members };
  };
  const slice = planeHulls(2);
  const column = planeHulls(1);
  const row = planeHulls(0);
  return {
    max3D: Math.sqrt(farthestPair(slice.members, coords, h)),
    maxSlice: Math.sqrt(slice.max),
    maxColumn: Math.sqrt(column.max),
    maxRow: Math.sqrt(row.max),
    hullVertices: {
      x: Int32Array.from(slice.members, (p) => x[p]!),
      y: Int32Array.from(slice.members, (p) => y[p]!),
      z: Int32Array.from(slice.members, (p) => z[p]!),
    },
  };
}

/** Largest squared distance (mm^2) between two of the listed points. */
function farthestPair(
  points: readonly number[],
  coords: readonly Int32Array[],
  h: readonly number[],
): number {
  const n = points.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const pz = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    px[p] = coords[0]![points[p]!]! * h[0]!;
    py[p] = coords[1]![points[p]!]! * h[1]!;
    pz[p] = coords[2]![points[p]!]! * h[2]!;
  }
  let best = 0;
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      const dx = px[p]! - px[q]!;
      const dy = py[p]! - py[q]!;
      const dz = pz[p]! - pz[q]!;
      const d = dx * dx + dy * dy + dz * dz;
      if (d > best) best = d;
    }
  }
  return best;
}
