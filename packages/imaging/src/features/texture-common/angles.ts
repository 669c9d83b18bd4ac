import { assertInteger, TaceError } from '@tace/core';

/** Options shared by every texture matrix: which neighbours count. */
export interface NeighborOptions {
  /**
   * Neighbour distances in voxels, infinity norm (PyRadiomics `distances`). `[1]` gives the 13 directions
   * (26 neighbours) in 3D.
   * @default [1]
   */
  distances?: readonly number[];
  /** Only in-plane neighbours, slice by slice (PyRadiomics `force2D`). @default false */
  force2D?: boolean;
  /**
   * Out-of-plane axis when `force2D`, in PyRadiomics' numpy order: 0 = z (k), 1 = y (j), 2 = x (i)
   * (PyRadiomics `force2Ddimension`).
   * @default 0
   */
  force2Ddimension?: number;
}

/**
 * Neighbour offsets `(di, dj, dk)` (x, y, z), flattened, in PyRadiomics' order (`build_angles` in
 * `cmatrices.c`): offsets run from `+d` down to `-d` with z slowest and x fastest, an offset is kept when its
 * infinity norm is one of `distances`, it does not move along the `force2D` axis and it fits in `size`.
 * `bidirectional: false` keeps the first half (13 directions in 3D for distance 1), `true` all of them.
 *
 * @example generateAngles([5, 5, 5], { bidirectional: false }).length / 3 // 13
 */
export function generateAngles(
  size: readonly [number, number, number],
  options: NeighborOptions & { bidirectional: boolean },
): Int32Array {
  const distances = options.distances ?? [1];
  if (distances.length === 0) {
    throw new TaceError('INVALID_ARGUMENT', 'distances must hold at least one distance, but was []', {
      param: 'distances',
      remedy: 'pass distances: [1]',
    });
  }
  for (const d of distances) assertInteger(d, 'distances', 1);
  const force2Dim = options.force2D === true ? (options.force2Ddimension ?? 0) : -1;
  if (force2Dim !== -1) assertInteger(force2Dim, 'force2Ddimension', 0);
  const maxDistance = Math.max(...distances);
  const n = 2 * maxDistance + 1;
  // numpy order (z, y, x) as in PyRadiomics; size is (x, y, z).
  const npSize = [size[2], size[1], size[0]];
  const out: number[] = [];
  for (let idx = 0; idx < n * n * n; idx++) {
    const oz = maxDistance - Math.floor(idx / (n * n));
    const oy = maxDistance - (Math.floor(idx / n) % n);
    const ox = maxDistance - (idx % n);
    const offsets = [oz, oy, ox];
    let valid = true;
    let norm = 0;
    for (let d = 0; d < 3; d++) {
      const o = offsets[d];
      if ((d === force2Dim && o !== 0) || o >= npSize[d] || o <= -npSize[d]) {
        valid = false;
        break;
      }
      norm = Math.max(norm, Math.abs(o));
    }
    if (!valid || norm === 0 || !distances.includes(norm)) continue;
    out.push(ox, oy, oz);
  }
  const count = options.bidirectional ? out.length : out.length / 2;
  return Int32Array.from(out.slice(0, count));
}
