import { EMPTY_ROW, type RowExtremes } from './row-extremes.js';

/** The convex hulls of every plane of one {@link RowExtremes} family. */
export interface PlaneHulls {
  /** Largest squared distance (mm^2) between two vertices of one plane: the squared maximum 2D diameter. */
  maxSquared: number;
  /**
   * Per row cell of the family (`plane * rows + row`): bit 1 when the row's `lo` vertex is a vertex of its
   * plane's hull, bit 2 for its `hi` vertex.
   */
  onHull: Uint8Array;
  /**
   * The hull vertices, plane by plane (increasing), each plane's counter-clockwise in (in-row, row)
   * coordinates from its smallest (in-row, row) vertex, as `[inRow, row, plane]` triples.
   */
  vertices: Int32Array;
  /** Number of triples in `vertices`. */
  count: number;
}

/**
 * The 2D convex hull of each plane of a family from its row extremes (the only candidates), and the largest
 * distance within a plane. The candidates come sorted by (row, in-row), so the monotone chain needs no sort;
 * collinear points are dropped (exact on integer coordinates). `scaleInRow` and `scaleRow` are the mm per
 * doubled-coordinate unit of the two in-plane axes.
 */
export function planeHulls(family: RowExtremes, scaleInRow: number, scaleRow: number): PlaneHulls {
  const { planes, rows, lo, hi } = family;
  const onHull = new Uint8Array(planes * rows);
  const cu = new Int32Array(2 * rows);
  const cv = new Int32Array(2 * rows);
  const chain = new Int32Array(4 * rows + 1);
  let vertices = new Int32Array(3 * 64);
  let count = 0;
  let maxSquared = 0;
  for (let plane = 0; plane < planes; plane++) {
    let n = 0;
    for (let r = 0, cell = plane * rows; r < rows; r++, cell++) {
      if (lo[cell] === EMPTY_ROW) continue;
      cu[n] = lo[cell];
      cv[n++] = r;
      if (hi[cell] !== lo[cell]) {
        cu[n] = hi[cell];
        cv[n++] = r;
      }
    }
    if (n === 0) continue;
    const size = n < 3 ? identityChain(chain, n) : monotoneChain(cu, cv, n, chain);
    if (3 * (count + size) > vertices.length) {
      const grown = new Int32Array(2 * vertices.length + 3 * size);
      grown.set(vertices);
      vertices = grown;
    }
    // in (in-row, row) coordinates: reverse the chain (built in (row, in-row)) and start at its smallest
    // (in-row, row) vertex, as a monotone chain sorted by (in-row, row) lists it; fewer than 3 stay in row order
    let first = 0;
    if (n >= 3) {
      for (let s = 1; s < size; s++) {
        const a = chain[s];
        const b = chain[first];
        if (cu[a] < cu[b] || (cu[a] === cu[b] && cv[a] < cv[b])) first = s;
      }
    }
    for (let s = 0; s < size; s++) {
      const q = n < 3 ? chain[s] : chain[(first - s + size) % size];
      const cell = plane * rows + cv[q];
      onHull[cell] |= cu[q] === lo[cell] ? 1 : 2;
      vertices[3 * (count + s)] = cu[q];
      vertices[3 * (count + s) + 1] = cv[q];
      vertices[3 * (count + s) + 2] = plane;
    }
    for (let s = 0; s < size; s++) {
      const p = chain[s];
      const pu = cu[p] * scaleInRow;
      const pv = cv[p] * scaleRow;
      for (let t = s + 1; t < size; t++) {
        const du = pu - cu[chain[t]] * scaleInRow;
        const dv = pv - cv[chain[t]] * scaleRow;
        const d = du * du + dv * dv;
        if (d > maxSquared) maxSquared = d;
      }
    }
    count += size;
  }
  return { maxSquared, onHull, vertices, count };
}

function identityChain(chain: Int32Array, n: number): number {
  for (let s = 0; s < n; s++) chain[s] = s;
  return n;
}

/**
 * Andrew's monotone chain over points `(v[i], u[i])` already sorted by (v, u): the indices of the hull
 * vertices, counter-clockwise in (v, u) from the first point, into `chain`; returns their number.
 */
function monotoneChain(u: Int32Array, v: Int32Array, n: number, chain: Int32Array): number {
  let top = 0;
  const cross = (o: number, a: number, b: number): number =>
    (v[a] - v[o]) * (u[b] - u[o]) - (u[a] - u[o]) * (v[b] - v[o]);
  for (let s = 0; s < n; s++) {
    while (top >= 2 && cross(chain[top - 2], chain[top - 1], s) <= 0) top--;
    chain[top++] = s;
  }
  const lowerSize = top + 1;
  for (let s = n - 2; s >= 0; s--) {
    while (top >= lowerSize && cross(chain[top - 2], chain[top - 1], s) <= 0) top--;
    chain[top++] = s;
  }
  return Math.max(1, top - 1);
}
