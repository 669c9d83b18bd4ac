import { symmetricEigenDecompose } from '@tace/core/kernels';

/**
 * Leading eigenvector (unit length, column 0 of core's decreasing-order decomposition) and eigenvalue of the
 * symmetric m x m matrix `a` (overwritten). Its sign is arbitrary; {@link plageSets} orients the score.
 */
function leadingEigenvector(a: Float64Array, m: number): { vector: Float64Array; value: number } {
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  symmetricEigenDecompose(a, m, values, vectors);
  return { vector: vectors.slice(0, m), value: values[0] };
}

/**
 * Combined z-score (Lee et al. 2008), as GSVA `zscore`: for each sample, sum of the set's standardised
 * values divided by sqrt(k). `z` is gene-standardised, column-major, `nGenes` rows.
 */
export function zscoreSets(
  z: Float64Array,
  nGenes: number,
  sets: readonly Int32Array[],
  out: Float64Array,
): void {
  const nSamples = z.length / nGenes;
  const nSets = sets.length;
  for (let s = 0; s < nSamples; s++) {
    const base = s * nGenes;
    for (let k = 0; k < nSets; k++) {
      const set = sets[k];
      let sum = 0;
      for (let m = 0; m < set.length; m++) sum += z[base + set[m]];
      out[s * nSets + k] = sum / Math.sqrt(set.length);
    }
  }
}

/**
 * PLAGE (Tomfohr et al. 2005), as GSVA `plage`: the first right singular vector of the set's
 * gene-standardised sub-matrix (k genes x n samples), one value per sample (unit length over samples).
 * Singular vectors have no intrinsic sign (GSVA returns LAPACK's); here the sign is fixed so that the score
 * is positively correlated with the set's summed z-scores (sum_s v_s * sum_g z_gs >= 0).
 */
export function plageSets(
  z: Float64Array,
  nGenes: number,
  sets: readonly Int32Array[],
  out: Float64Array,
): void {
  const nSamples = z.length / nGenes;
  const nSets = sets.length;
  for (let k = 0; k < nSets; k++) {
    const set = sets[k];
    const kg = set.length;
    const v = new Float64Array(nSamples);
    if (kg <= nSamples) {
      // u1 from Z Z^T (kg x kg), then v1 = Z^T u1 / sigma1
      const a = new Float64Array(kg * kg);
      for (let p = 0; p < kg; p++) {
        for (let q = p; q < kg; q++) {
          let dot = 0;
          for (let s = 0; s < nSamples; s++) dot += z[s * nGenes + set[p]] * z[s * nGenes + set[q]];
          a[p * kg + q] = dot;
          a[q * kg + p] = dot;
        }
      }
      const { vector, value } = leadingEigenvector(a, kg);
      const sigma = Math.sqrt(value);
      for (let s = 0; s < nSamples; s++) {
        let dot = 0;
        for (let p = 0; p < kg; p++) dot += z[s * nGenes + set[p]] * vector[p];
        v[s] = dot / sigma;
      }
    } else {
      const a = new Float64Array(nSamples * nSamples);
      for (let s = 0; s < nSamples; s++) {
        for (let t = s; t < nSamples; t++) {
          let dot = 0;
          for (let p = 0; p < kg; p++) dot += z[s * nGenes + set[p]] * z[t * nGenes + set[p]];
          a[s * nSamples + t] = dot;
          a[t * nSamples + s] = dot;
        }
      }
      v.set(leadingEigenvector(a, nSamples).vector);
    }
    let orientation = 0;
    for (let s = 0; s < nSamples; s++) {
      let sum = 0;
      for (let p = 0; p < kg; p++) sum += z[s * nGenes + set[p]];
      orientation += v[s] * sum;
    }
    const sign = orientation < 0 ? -1 : 1;
    for (let s = 0; s < nSamples; s++) out[s * nSets + k] = sign * v[s];
  }
}
