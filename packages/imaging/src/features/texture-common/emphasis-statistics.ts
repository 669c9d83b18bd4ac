import { EPS } from './nan-mean.js';

/** Number of statistics computed by {@link emphasisStatistics}. */
export const EMPHASIS_STATISTIC_COUNT = 16;

/**
 * The statistics GLRLM, GLSZM and GLDM share (PyRadiomics computes them with the same formulas under
 * different names), on one `nRows x nCols` count matrix `P` starting at `values[offset]`, with row values
 * `i` (grey levels), column values `j` (run length, zone size, dependence) and `N = sum P`:
 *
 * 0 small/short emphasis `sum P / j^2 / N`; 1 large/long emphasis `sum P j^2 / N`; 2 grey level
 * non-uniformity `sum_i (sum_j P)^2 / N`; 3 its normalised form (`/ N^2`); 4 column non-uniformity
 * `sum_j (sum_i P)^2 / N`; 5 its normalised form; 6 percentage `N / voxels`; 7 grey level variance and
 * 8 column variance of `p = P / N`; 9 entropy `-sum p log2(p + eps)`; 10 low grey level emphasis
 * `sum P / i^2 / N`; 11 high `sum P i^2 / N`; 12 `sum P / (i^2 j^2) / N`; 13 `sum P i^2 / j^2 / N`;
 * 14 `sum P j^2 / i^2 / N`; 15 `sum P i^2 j^2 / N`.
 *
 * Writes into `out` (length >= 16) at `outOffset`; NaN everywhere when `N = 0`.
 */
export function emphasisStatistics(
  values: Float64Array,
  offset: number,
  nRows: number,
  nCols: number,
  rowValues: Float64Array,
  colValues: Float64Array,
  voxels: number,
  out: Float64Array,
  outOffset = 0,
): void {
  let total = 0;
  for (let k = offset; k < offset + nRows * nCols; k++) total += values[k];
  const s = new Float64Array(EMPHASIS_STATISTIC_COUNT);
  if (total === 0) {
    out.fill(Number.NaN, outOffset, outOffset + EMPHASIS_STATISTIC_COUNT);
    return;
  }
  let rowSquares = 0;
  let rowMean = 0;
  for (let i = 0; i < nRows; i++) {
    const iv = rowValues[i];
    const i2 = iv * iv;
    let pg = 0;
    for (let c = 0; c < nCols; c++) {
      const p = values[offset + i * nCols + c];
      if (p === 0) continue;
      const jv = colValues[c];
      const j2 = jv * jv;
      pg += p;
      s[0] += p / j2;
      s[1] += p * j2;
      const q = p / total;
      s[9] -= q * Math.log2(q + EPS);
      s[12] += p / (i2 * j2);
      s[13] += (p * i2) / j2;
      s[14] += (p * j2) / i2;
      s[15] += p * i2 * j2;
    }
    rowSquares += pg * pg;
    s[10] += pg / i2;
    s[11] += pg * i2;
    rowMean += (pg / total) * iv;
  }
  let colSquares = 0;
  let colMean = 0;
  for (let c = 0; c < nCols; c++) {
    let pc = 0;
    for (let i = 0; i < nRows; i++) pc += values[offset + i * nCols + c];
    colSquares += pc * pc;
    colMean += (pc / total) * colValues[c];
  }
  let rowVariance = 0;
  let colVariance = 0;
  for (let i = 0; i < nRows; i++) {
    let pg = 0;
    for (let c = 0; c < nCols; c++) pg += values[offset + i * nCols + c];
    rowVariance += (pg / total) * (rowValues[i] - rowMean) ** 2;
  }
  for (let c = 0; c < nCols; c++) {
    let pc = 0;
    for (let i = 0; i < nRows; i++) pc += values[offset + i * nCols + c];
    colVariance += (pc / total) * (colValues[c] - colMean) ** 2;
  }
  out[outOffset] = s[0] / total;
  out[outOffset + 1] = s[1] / total;
  out[outOffset + 2] = rowSquares / total;
  out[outOffset + 3] = rowSquares / (total * total);
  out[outOffset + 4] = colSquares / total;
  out[outOffset + 5] = colSquares / (total * total);
  out[outOffset + 6] = total / voxels;
  out[outOffset + 7] = rowVariance;
  out[outOffset + 8] = colVariance;
  out[outOffset + 9] = s[9];
  for (let k = 10; k < 16; k++) out[outOffset + k] = s[k] / total;
}
