import type { BinaryGrid } from './mesh.js';
import { type PlaneHulls, planeHulls } from './plane-hulls.js';
import { meshRowExtremes, type RowExtremes, visitMeshVertices } from './row-extremes.js';

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
  let count = 0;
  visitMeshVertices(grid, () => {
    count++;
  });
  const x = new Int32Array(count);
  const y = new Int32Array(count);
  const z = new Int32Array(count);
  let c = 0;
  visitMeshVertices(grid, (a, b, d) => {
    x[c] = a;
    y[c] = b;
    z[c++] = d;
  });
  return { x, y, z };
}

/**
 * Maximum 3D and per-plane 2D diameters over the mesh vertices, as PyRadiomics' shape class (which compares
 * all vertex pairs). Exact but without the all-pairs loop: the farthest pair of a point set is a pair of
 * convex-hull vertices. A vertex of a plane's hull is the first or last vertex of its row, so one pass over
 * the grid keeps only the row extremes of each plane family ({@link meshRowExtremes}), whose 2D hulls
 * ({@link planeHulls}, no sort: the extremes come in row order) give the 2D diameters. A vertex of the 3D hull
 * is a vertex of the 2D hull of each of its three planes, so the 3D diameter compares only the axial hull
 * vertices that are also column and row hull vertices.
 */
export function meshDiameters(grid: BinaryGrid): MeshDiameters {
  const [hx, hy, hz] = grid.spacing.map((s) => s / 2) as [number, number, number];
  const extremes = meshRowExtremes(grid);
  const slice = planeHulls(extremes.slice, hx, hy);
  const column = planeHulls(extremes.column, hx, hz);
  const row = planeHulls(extremes.row, hy, hz);
  const hullVertices = {
    x: new Int32Array(slice.count),
    y: new Int32Array(slice.count),
    z: new Int32Array(slice.count),
  };
  // scaled coordinates of the axial hull vertices that are column and row hull vertices too
  const px = new Float64Array(slice.count);
  const py = new Float64Array(slice.count);
  const pz = new Float64Array(slice.count);
  const onHull = (family: RowExtremes, hulls: PlaneHulls, plane: number, r: number, inRow: number) => {
    const cell = plane * family.rows + r;
    const bits = hulls.onHull[cell];
    return (inRow === family.lo[cell] && (bits & 1) !== 0) || (inRow === family.hi[cell] && (bits & 2) !== 0);
  };
  let n = 0;
  for (let p = 0; p < slice.count; p++) {
    const x = slice.vertices[3 * p];
    const y = slice.vertices[3 * p + 1];
    const z = slice.vertices[3 * p + 2];
    hullVertices.x[p] = x;
    hullVertices.y[p] = y;
    hullVertices.z[p] = z;
    if (!onHull(extremes.column, column, y, z, x) || !onHull(extremes.row, row, x, z, y)) continue;
    px[n] = x * hx;
    py[n] = y * hy;
    pz[n++] = z * hz;
  }
  return {
    max3D: Math.sqrt(farthestPair(px, py, pz, n)),
    maxSlice: Math.sqrt(slice.maxSquared),
    maxColumn: Math.sqrt(column.maxSquared),
    maxRow: Math.sqrt(row.maxSquared),
    hullVertices,
  };
}

/** Largest squared distance between two of the first `n` points. */
function farthestPair(px: Float64Array, py: Float64Array, pz: Float64Array, n: number): number {
  let best = 0;
  for (let p = 0; p < n; p++) {
    for (let q = p + 1; q < n; q++) {
      const dx = px[p] - px[q];
      const dy = py[p] - py[q];
      const dz = pz[p] - pz[q];
      const d = dx * dx + dy * dy + dz * dz;
      if (d > best) best = d;
    }
  }
  return best;
}
