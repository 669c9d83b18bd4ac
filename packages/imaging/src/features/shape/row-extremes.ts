import type { BinaryGrid } from './mesh.js';

/**
 * For one family of parallel planes through the mesh vertices (doubled integer coordinates), the smallest
 * and largest in-row coordinate of the vertices of each row of each plane: the only vertices of a row that
 * can be vertices of its plane's convex hull.
 */
export interface RowExtremes {
  /** Number of planes (values of the plane coordinate). */
  planes: number;
  /** Number of rows per plane (values of the row coordinate). */
  rows: number;
  /** Smallest in-row coordinate of row `r` of plane `p` at `lo[p * rows + r]`; `EMPTY_ROW` when none. */
  lo: Int32Array;
  /** Largest in-row coordinate; -1 when the row holds no vertex. */
  hi: Int32Array;
}

/** `lo` of a row that holds no vertex. */
export const EMPTY_ROW = 0x7fffffff;

function rowExtremes(planes: number, rows: number): RowExtremes {
  return {
    planes,
    rows,
    lo: new Int32Array(planes * rows).fill(EMPTY_ROW),
    hi: new Int32Array(planes * rows).fill(-1),
  };
}

/**
 * The row extremes of the marching-cubes vertices of a binary mask (the midpoints of grid edges joining an
 * inside and an outside voxel, at doubled integer coordinates `(X, Y, Z)`), in one pass over the grid and
 * without listing the vertices, for the three plane families of the maximum 2D diameters:
 * `slice` (planes Z, rows Y, in-row X), `column` (planes Y, rows Z, in-row X) and `row` (planes X, rows Z,
 * in-row Y).
 * @example meshRowExtremes({ data: padMask(Uint8Array.of(1), [1, 1, 1]), size: [3, 3, 3], spacing: [1, 1, 1] }).slice.lo[2 * 7 + 2] // 1
 */
export function meshRowExtremes(grid: BinaryGrid): {
  slice: RowExtremes;
  column: RowExtremes;
  row: RowExtremes;
} {
  const [nx, ny, nz] = grid.size;
  const ex = 2 * nx + 1;
  const ey = 2 * ny + 1;
  const ez = 2 * nz + 1;
  const slice = rowExtremes(ez, ey);
  const column = rowExtremes(ey, ez);
  const row = rowExtremes(ex, ez);
  const add = (x: number, y: number, z: number): void => {
    let cell = z * ey + y;
    if (x < slice.lo[cell]) slice.lo[cell] = x;
    if (x > slice.hi[cell]) slice.hi[cell] = x;
    cell = y * ez + z;
    if (x < column.lo[cell]) column.lo[cell] = x;
    if (x > column.hi[cell]) column.hi[cell] = x;
    cell = x * ez + z;
    if (y < row.lo[cell]) row.lo[cell] = y;
    if (y > row.hi[cell]) row.hi[cell] = y;
  };
  visitMeshVertices(grid, add);
  return { slice, column, row };
}

/**
 * Calls `emit(X, Y, Z)` for every vertex of the marching-cubes mesh of a binary mask: the midpoint of each
 * grid edge joining an inside and an outside voxel, at doubled integer coordinates (2i + 1 for a midpoint
 * along x, ...), in grid order.
 */
export function visitMeshVertices(grid: BinaryGrid, emit: (x: number, y: number, z: number) => void): void {
  const [nx, ny, nz] = grid.size;
  const { data } = grid;
  const plane = nx * ny;
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
}
