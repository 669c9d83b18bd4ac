/**
 * Leading eigenvector of a symmetric matrix (row-major `a`, size m x m) by cyclic Jacobi rotations, to
 * machine precision. `a` is overwritten. Returns the eigenvector (unit length) and its eigenvalue.
 * O(m^3) per sweep; used for PLAGE where m = min(genes in the set, samples).
 */
export function leadingEigenvector(a: Float64Array, m: number): { vector: Float64Array; value: number } {
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < m; p++) {
      diag += a[p * m + p] * a[p * m + p];
      for (let q = p + 1; q < m; q++) off += a[p * m + q] * a[p * m + q];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < m - 1; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (apq === 0) continue;
        const app = a[p * m + p];
        const aqq = a[q * m + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p];
          const akq = a[k * m + q];
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k];
          const aqk = a[q * m + k];
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p];
          const vkq = v[k * m + q];
          v[k * m + p] = c * vkp - s * vkq;
          v[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < m; i++) if (a[i * m + i] > a[best * m + best]) best = i;
  const vector = new Float64Array(m);
  for (let k = 0; k < m; k++) vector[k] = v[k * m + best];
  return { vector, value: a[best * m + best] };
}
