import { assertOneOf } from '@tace/core';

/** Distance weighting norms of PyRadiomics (`weightingNorm`). */
export type WeightingNorm = 'manhattan' | 'euclidean' | 'infinity' | 'no_weighting';

const NORMS: readonly WeightingNorm[] = ['manhattan', 'euclidean', 'infinity', 'no_weighting'];

/**
 * Length of the neighbour offset `(di, dj, dk)` in mm under `norm` (1 for `'no_weighting'`), the distance
 * PyRadiomics weights merged matrices with: GLCM uses `exp(-distance^2)`, GLRLM the distance itself.
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown norm.
 */
export function angleDistance(
  angles: Int32Array,
  a: number,
  spacing: readonly [number, number, number],
  norm: WeightingNorm,
): number {
  assertOneOf(norm, 'weightingNorm', NORMS);
  const dx = Math.abs(angles[3 * a]) * spacing[0];
  const dy = Math.abs(angles[3 * a + 1]) * spacing[1];
  const dz = Math.abs(angles[3 * a + 2]) * spacing[2];
  if (norm === 'infinity') return Math.max(dx, dy, dz);
  if (norm === 'euclidean') return Math.sqrt(dx * dx + dy * dy + dz * dz);
  if (norm === 'manhattan') return dx + dy + dz;
  return 1;
}
