import { denseMatrix, solve } from '@tace/core';

/**
 * Gray's (1988) K-sample test statistic for the subdistribution of one cause: the score s (groups 1..K-1)
 * summed over strata, its variance V, and s' V^-1 s (-1 when V is singular, as cmprsk). `time` is sorted;
 * `causeOf` codes 0 = censored, `cause` = the cause tested, other positive = competing.
 */
export function grayTest(
  time: Float64Array,
  causeOf: Int32Array,
  cause: number,
  group: Int32Array,
  ng: number,
  strata: Int32Array,
  nStrata: number,
  rho: number,
): number {
  const k1 = ng - 1;
  const s = new Float64Array(k1);
  const v = new Float64Array(k1 * k1);
  for (let st = 0; st < nStrata; st++) {
    const rows: number[] = [];
    for (let i = 0; i < time.length; i++) if (strata[i] === st) rows.push(i);
    grayStratum(time, causeOf, cause, group, ng, rows, rho, s, v);
  }
  return quadraticForm(s, v, k1);
}

/** s' V^-1 s (R's `qr.coef` in cmprsk, here LU); -1 when V is singular, as cmprsk. */
function quadraticForm(s: Float64Array, v: Float64Array, k: number): number {
  let x: Float64Array;
  try {
    x = solve(denseMatrix(k, k, Float64Array.from(v)), s).data;
  } catch {
    return -1;
  }
  let q = 0;
  for (let i = 0; i < k; i++) q += s[i] * x[i];
  return q;
}

/** One stratum of Gray's score and variance (cmprsk `crst`), added into s and v (k1 x k1, column-major). */
function grayStratum(
  time: Float64Array,
  causeOf: Int32Array,
  cause: number,
  group: Int32Array,
  ng: number,
  rows: readonly number[],
  rho: number,
  sOut: Float64Array,
  vOut: Float64Array,
): void {
  const k1 = ng - 1;
  const n = rows.length;
  const rs = new Float64Array(ng);
  for (const i of rows) rs[group[i]]++;
  const f1m = new Float64Array(ng);
  const f1 = new Float64Array(ng);
  const skmm = new Float64Array(ng).fill(1);
  const skm = new Float64Array(ng).fill(1);
  const v3 = new Float64Array(ng);
  const v2 = new Float64Array(k1 * ng); // (i, k) at i + k * k1
  const c = new Float64Array(ng * ng); // (i, j) at i + j * ng
  const a = new Float64Array(ng * ng);
  const v = new Float64Array(k1 * k1);
  const d1g = new Float64Array(ng);
  const d2g = new Float64Array(ng);
  let fm = 0;
  let f = 0;
  for (let lo = 0; lo < n; ) {
    let hi = lo;
    while (hi < n && time[rows[hi]] === time[rows[lo]]) hi++;
    d1g.fill(0);
    d2g.fill(0);
    for (let q = lo; q < hi; q++) {
      const i = rows[q];
      if (causeOf[i] === cause) d1g[group[i]]++;
      else if (causeOf[i] !== 0) d2g[group[i]]++;
    }
    let nd1 = 0;
    let nd2 = 0;
    for (let g = 0; g < ng; g++) {
      nd1 += d1g[g];
      nd2 += d2g[g];
    }
    if (nd1 > 0 || nd2 > 0) {
      let tr = 0;
      let tq = 0;
      for (let g = 0; g < ng; g++) {
        if (rs[g] <= 0) continue;
        skm[g] = (skmm[g] * (rs[g] - d1g[g] - d2g[g])) / rs[g];
        f1[g] = f1m[g] + (skmm[g] * d1g[g]) / rs[g];
        tr += rs[g] / skmm[g];
        tq += (rs[g] * (1 - f1m[g])) / skmm[g];
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      // a: weighted covariance of the group indicators; c accumulates a * dF / (1 - F-)
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i + j * ng] = 0;
        if (rs[i] <= 0) continue;
        const t1 = rs[i] / skmm[i];
        a[i + i * ng] = fb * t1 * (1 - t1 / tr);
        c[i + i * ng] += (a[i + i * ng] * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j] <= 0) continue;
          a[i + j * ng] = (-fb * t1 * rs[j]) / (skmm[j] * tr);
          c[i + j * ng] += (a[i + j * ng] * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) {
        for (let j = 0; j < i; j++) {
          a[i + j * ng] = a[j + i * ng];
          c[i + j * ng] = c[j + i * ng];
        }
      }
      for (let i = 0; i < k1; i++) {
        if (rs[i] <= 0) continue;
        sOut[i] += fb * (d1g[i] - (nd1 * rs[i] * (1 - f1m[i])) / (skmm[i] * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k] <= 0) continue;
          const t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1;
          const t3 = (t5 * skmm[k] * nd1) / (tr * rs[k]);
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < k1; i++) {
            const t1 = a[i + k * ng] - t4 * c[i + k * ng];
            v2[i + k * k1] += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j + k * ng] - t4 * c[j + k * ng];
              v[i + j * k1] += t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 > 0) {
        for (let k = 0; k < ng; k++) {
          if (skm[k] <= 0 || d2g[k] <= 0) continue;
          const t4 = (1 - f) / skm[k];
          const t5 = d2g[k] > 1 ? 1 - (d2g[k] - 1) / (rs[k] - 1) : 1;
          const t3 = (t5 * skmm[k] * skmm[k] * d2g[k]) / (rs[k] * rs[k]);
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < k1; i++) {
            const t1 = t4 * c[i + k * ng];
            v2[i + k * k1] -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) v[i + j * k1] += t1 * t4 * c[j + k * ng] * t3;
          }
        }
      }
    }
    if (hi >= n) break;
    for (let q = lo; q < hi; q++) rs[group[rows[q]]]--;
    fm = f;
    for (let g = 0; g < ng; g++) {
      f1m[g] = f1[g];
      skmm[g] = skm[g];
    }
    lo = hi;
  }
  for (let i = 0; i < k1; i++) {
    for (let j = 0; j <= i; j++) {
      let x = v[i + j * k1];
      for (let k = 0; k < ng; k++) {
        x +=
          c[i + k * ng] * c[j + k * ng] * v3[k] +
          c[i + k * ng] * v2[j + k * k1] +
          c[j + k * ng] * v2[i + k * k1];
      }
      vOut[i + j * k1] += x;
      if (i !== j) vOut[j + i * k1] += x;
    }
  }
}
