import { assertSameLength, normalSurvival, TaceError, toNumericArray } from '@tace/core';

/** Result of {@link compareConcordance}. */
export interface CompareConcordanceResult {
  /** C-index of the first and second risk score (higher risk = shorter survival). */
  concordance: [first: number, second: number];
  /** first - second. */
  difference: number;
  /** U-statistic variance of the difference (Kang et al. 2015). */
  varianceDifference: number;
  /** Variances of the two C-indices and their covariance. */
  variance: [first: number, second: number];
  covariance: number;
  /** difference / sqrt(varianceDifference). */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  n: number;
}

/** Sign of the survival-time comparison of i vs j: +1 if i is known to outlive j, -1 the reverse, 0 unknown. */
function timeSign(ti: number, di: number, tj: number, dj: number): number {
  if (ti > tj) return dj === 1 ? 1 : 0;
  if (ti < tj) return di === 1 ? -1 : 0;
  if (di === 1 && dj === 0) return -1;
  if (di === 0 && dj === 1) return 1;
  return 0;
}

/**
 * Compares two correlated C-indices computed on the same patients with the one-shot nonparametric
 * U-statistic approach of Kang, Chen, Petrick & Gallas (Stat Med 2015;34:685-703), the method of the R
 * package `compareC`: C = (tau_XY / tau_XX + 1) / 2 with Kendall-type tau statistics, variances and the
 * covariance of the two C-indices by the delta method from the U-statistic (co)variances.
 *
 * Scores are **risk** scores (higher = shorter survival), as the rest of the toolkit; `compareC` takes
 * scores where higher means longer survival, so `compareC(time, status, -riskA, -riskB)` is the same test.
 * Runs in O(n^2) time and O(n) memory (fine for cohorts of thousands).
 *
 * @throws {TaceError} `LENGTH_MISMATCH`; `INVALID_ARGUMENT` for fewer than 4 patients or no usable pair.
 * @example compareConcordance(time, event, crmScore, bclcStage).pValue
 */
export function compareConcordance(
  time: ArrayLike<number>,
  event: ArrayLike<number | boolean>,
  riskA: ArrayLike<number>,
  riskB: ArrayLike<number>,
): CompareConcordanceResult {
  assertSameLength(['time', time], ['event', event], ['riskA', riskA], ['riskB', riskB]);
  const n = time.length;
  if (n < 4)
    throw new TaceError('INVALID_ARGUMENT', `needs at least 4 patients, got ${n}`, { param: 'time' });
  const t = toNumericArray(time, 'time');
  const d = Uint8Array.from({ length: n }, (_, i) => (event[i] === true || event[i] === 1 ? 1 : 0));
  const y = toNumericArray(riskA, 'riskA');
  const z = toNumericArray(riskB, 'riskB');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t[i]) || !Number.isFinite(y[i]) || !Number.isFinite(z[i])) {
      throw new TaceError('INVALID_ARGUMENT', `row ${i + 1} has a missing or non-finite value`, {
        param: 'time',
        remedy: 'drop incomplete rows first: both scores must be compared on the same patients',
      });
    }
  }
  // Row sums of the kernels over j != i, then the sums needed for the U-statistic (co)variances.
  let sumXX = 0;
  let sumXY = 0;
  let sumXZ = 0;
  let rowXX2 = 0;
  let rowXY2 = 0;
  let rowXZ2 = 0;
  let rowXXXY = 0;
  let rowXXXZ = 0;
  let rowXYXZ = 0;
  let pairXX2 = 0;
  let pairXY2 = 0;
  let pairXZ2 = 0;
  let pairXXXY = 0;
  let pairXXXZ = 0;
  let pairXYXZ = 0;
  for (let i = 0; i < n; i++) {
    let xx = 0;
    let xy = 0;
    let xz = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const s = timeSign(t[i], d[i], t[j], d[j]);
      if (s === 0) continue;
      // Risk scores: concordant when the longer survivor has the lower risk.
      const a = s * Math.sign(y[j] - y[i]);
      const b = s * Math.sign(z[j] - z[i]);
      xx += 1;
      xy += a;
      xz += b;
      pairXX2 += 1;
      pairXY2 += a * a;
      pairXZ2 += b * b;
      pairXXXY += a;
      pairXXXZ += b;
      pairXYXZ += a * b;
    }
    sumXX += xx;
    sumXY += xy;
    sumXZ += xz;
    rowXX2 += xx * xx;
    rowXY2 += xy * xy;
    rowXZ2 += xz * xz;
    rowXXXY += xx * xy;
    rowXXXZ += xx * xz;
    rowXYXZ += xy * xz;
  }
  if (sumXX === 0)
    throw new TaceError('INVALID_ARGUMENT', 'no comparable pair of patients (no events?)', {
      param: 'event',
    });
  const pairs = n * (n - 1);
  const quadruples = pairs * (n - 2) * (n - 3);
  // Unbiased U-statistic (co)variance of two order-2 kernel means with row sums r, s and pair sums rs:
  // (4 sum_i r_i s_i - 2 sum_ij a_ij b_ij - 2 (2n - 3) (sum r)(sum s) / (n (n - 1))) / (n (n-1)(n-2)(n-3)).
  const covariance = (rowProduct: number, pairProduct: number, sumA: number, sumB: number) =>
    (4 * rowProduct - 2 * pairProduct - (2 * (2 * n - 3) * sumA * sumB) / pairs) / quadruples;
  const tauXX = sumXX / pairs;
  const tauXY = sumXY / pairs;
  const tauXZ = sumXZ / pairs;
  const varXX = covariance(rowXX2, pairXX2, sumXX, sumXX);
  const varXY = covariance(rowXY2, pairXY2, sumXY, sumXY);
  const varXZ = covariance(rowXZ2, pairXZ2, sumXZ, sumXZ);
  const covXXXY = covariance(rowXXXY, pairXXXY, sumXX, sumXY);
  const covXXXZ = covariance(rowXXXZ, pairXXXZ, sumXX, sumXZ);
  const covXYXZ = covariance(rowXYXZ, pairXYXZ, sumXY, sumXZ);
  const concordanceA = (tauXY / tauXX + 1) / 2;
  const concordanceB = (tauXZ / tauXX + 1) / 2;
  // Delta method for C = (tau_XY / tau_XX + 1) / 2.
  const varianceA =
    (varXY / tauXX ** 2 - (2 * tauXY * covXXXY) / tauXX ** 3 + (tauXY ** 2 * varXX) / tauXX ** 4) / 4;
  const varianceB =
    (varXZ / tauXX ** 2 - (2 * tauXZ * covXXXZ) / tauXX ** 3 + (tauXZ ** 2 * varXX) / tauXX ** 4) / 4;
  const covarianceAB =
    (covXYXZ / tauXX ** 2 -
      (tauXY * covXXXZ) / tauXX ** 3 -
      (tauXZ * covXXXY) / tauXX ** 3 +
      (tauXY * tauXZ * varXX) / tauXX ** 4) /
    4;
  const varianceDifference = varianceA + varianceB - 2 * covarianceAB;
  const difference = concordanceA - concordanceB;
  const zValue = difference / Math.sqrt(varianceDifference);
  return {
    concordance: [concordanceA, concordanceB],
    difference,
    varianceDifference,
    variance: [varianceA, varianceB],
    covariance: covarianceAB,
    z: zValue,
    pValue: 2 * normalSurvival(Math.abs(zValue)),
    n,
  };
}
