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
}

/**
 * Vertices of the marching-cubes mesh of a binary mask: the midpoints of grid edges joining an inside and an
 * outside voxel, as doubled integer coordinates (2i, 2j, 2k) so half-voxel positions stay exact.
 */
export function meshVertices(grid: BinaryGrid): { x: Int32Array; y: Int32Array; z: Int32Array } {
  const [nx, ny, nz] = grid.size;
  const { data } = grid;
  const xs: number[] = [];
  const ys: number[] = [];
  const zs: number[] = [];
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const index = i + nx * (j + ny * k);
        const inside = data[index] !== 0;
        if (i + 1 < nx && inside !== (data[index + 1] !== 0)) {
          xs.push(2 * i + 1);
          ys.push(2 * j);
          zs.push(2 * k);
        }
        if (j + 1 < ny && inside !== (data[index + nx] !== 0)) {
          xs.push(2 * i);
          ys.push(2 * j + 1);
          zs.push(2 * k);
        }
        if (k + 1 < nz && inside !== (data[index + nx * ny] !== 0)) {
          xs.push(2 * i);
          ys.push(2 * j);
          zs.push(2 * k + 1);
        }
      }
    }
  }
  return { x: Int32Array.from(xs), y: Int32Array.from(ys), z: Int32Array.from(zs) };
}

/**
 * Maximum 3D and per-plane 2D diameters over the mesh vertices, as PyRadiomics' shape class (which compares
 * all vertex pairs). Exact but without the all-pairs loop: the farthest pair of a point set is a pair of
 * convex-hull vertices, and a vertex of the 3D hull is a vertex of the 2D hull of its own plane; so each plane
 * keeps only its 2D hull (monotone chain on exact integer coordinates), the 2D diameters are taken over
 * those hulls and the 3D diameter over the union of the axial hulls.
 */
export function meshDiameters(grid: BinaryGrid): MeshDiameters {
  const { x, y, z } = meshVertices(grid);
  const h = grid.spacing.map((s) => s / 2) as [number, number, number];
  const coords = [x, y, z];
  const planeHulls = (axis: 0 | 1 | 2): { max: number; members: number[] } => {
    const [a, b] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
    const key = coords[axis]!;
    const groups = new Map<number, number[]>();
    for (let p = 0; p < key.length; p++) {
      const list = groups.get(key[p]!);
      if (list === undefined) groups.set(key[p]!, [p]);
      else list.push(p);
    }
    let max = 0;
    const members: number[] = [];
    for (const list of groups.values()) {
      const u = Int32Array.from(list, (p) => coords[a]![p]!);
      const v = Int32Array.from(list, (p) => coords[b]![p]!);
      const hull = Array.from(convexHull2D(u, v), (q) => list[q]!);
      members.push(...hull);
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
