import type { NgtdmMatrix } from './ngtdm-matrix.js';

/** The 5 NGTDM features of PyRadiomics. */
export const NGTDM_FEATURE_NAMES = ['Coarseness', 'Contrast', 'Busyness', 'Complexity', 'Strength'] as const;

/**
 * The 5 NGTDM features of PyRadiomics (`RadiomicsNGTDM`, Amadasun & King 1989), with `p_i = n_i / Nvp` and
 * PyRadiomics' values for a homogeneous ROI: Coarseness 1e6, Contrast 0 (one grey level), Busyness 0, Strength 0.
 * Matches `baseline_ngtdm.csv` (brain1, brain2, breast1 and variants) to 1e-9 relative.
 * @example ngtdmFeatures(ngtdmMatrix(grid)).Busyness
 */
export function ngtdmFeatures(matrix: NgtdmMatrix): Record<(typeof NGTDM_FEATURE_NAMES)[number], number> {
  const { values, nLevels } = matrix;
  // Rows with n_i = 0 (possible when isolated voxels are not counted) are left out, as PyRadiomics deletes them.
  const rows: number[] = [];
  for (let r = 0; r < nLevels; r++) if (values[3 * r] > 0) rows.push(r);
  const n = rows.length;
  let nvp = 0;
  let sumS = 0;
  for (const r of rows) {
    nvp += values[3 * r];
    sumS += values[3 * r + 1];
  }
  const p = (k: number) => values[3 * rows[k]] / nvp;
  const s = (k: number) => values[3 * rows[k] + 1];
  const level = (k: number) => values[3 * rows[k] + 2];
  let sumPs = 0;
  for (let k = 0; k < n; k++) sumPs += p(k) * s(k);
  let contrastSum = 0;
  let absDiff = 0;
  let complexity = 0;
  let strength = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = level(i) - level(j);
      contrastSum += p(i) * p(j) * d * d;
      absDiff += Math.abs(level(i) * p(i) - level(j) * p(j));
      complexity += (Math.abs(d) * (p(i) * s(i) + p(j) * s(j))) / (p(i) + p(j));
      strength += (p(i) + p(j)) * d * d;
    }
  }
  return {
    Coarseness: sumPs === 0 ? 1e6 : 1 / sumPs,
    Contrast: n <= 1 ? 0 : (contrastSum / (n * (n - 1))) * (sumS / nvp),
    Busyness: absDiff === 0 ? 0 : sumPs / absDiff,
    Complexity: complexity / nvp,
    Strength: sumS === 0 ? 0 : strength / sumS,
  };
}
