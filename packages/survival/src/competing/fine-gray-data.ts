/**
 * Sorted competing-risks data for the Fine-Gray model, with the censoring Kaplan-Meier G_g of each censoring
 * group g evaluated just before every subject's time (cmprsk's `uuu`: `survfit(Surv(time, censored) ~ 1)`,
 * failures staying at risk at tied times).
 */
export interface FineGrayData {
  n: number;
  p: number;
  /** Times ascending. */
  time: Float64Array;
  /** 1 = failure of interest, 2 = other failure, 0 = censored. */
  kind: Uint8Array;
  /** Censoring group (0-based). */
  censorGroup: Int32Array;
  nGroups: number;
  /** Covariates, n x p column-major, in time order. */
  x: Float64Array;
  /** G(n x nGroups): gBefore[i + g * n] = G_g(time[i]-). */
  gBefore: Float64Array;
  /** First index of each distinct time with a failure of interest, ascending. */
  failureBlocks: Int32Array;
  /** End (exclusive) of the run of equal times starting at each failure block. */
  failureBlockEnds: Int32Array;
}

/** Builds {@link FineGrayData} from sorted arrays. */
export function fineGrayData(
  time: Float64Array,
  kind: Uint8Array,
  censorGroup: Int32Array,
  nGroups: number,
  x: Float64Array,
  p: number,
): FineGrayData {
  const n = time.length;
  const gBefore = new Float64Array(n * nGroups);
  for (let g = 0; g < nGroups; g++) {
    // KM of censoring within group g, read just before each subject's time (all subjects)
    let atRisk = 0;
    for (let i = 0; i < n; i++) if (censorGroup[i] === g) atRisk++;
    let surv = 1;
    for (let i = 0; i < n; ) {
      let j = i;
      let censored = 0;
      let inGroup = 0;
      for (; j < n && time[j] === time[i]; j++) {
        if (censorGroup[j] !== g) continue;
        inGroup++;
        if (kind[j] === 0) censored++;
      }
      for (let q = i; q < j; q++) gBefore[q + g * n] = surv;
      if (censored > 0) surv *= (atRisk - censored) / atRisk;
      atRisk -= inGroup;
      i = j;
    }
  }
  const blocks: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    let failures = 0;
    for (; j < n && time[j] === time[i]; j++) if (kind[j] === 1) failures++;
    if (failures > 0) {
      blocks.push(i);
      ends.push(j);
    }
    i = j;
  }
  return {
    n,
    p,
    time,
    kind,
    censorGroup,
    nGroups,
    x,
    gBefore,
    failureBlocks: Int32Array.from(blocks),
    failureBlockEnds: Int32Array.from(ends),
  };
}

/** Per distinct failure time: the number of failures, the risk-set sums S0, S1 (p), S2 (p x p), at beta. */
export interface RiskSetSums {
  failures: Float64Array;
  /** Sum of the covariates of the failures at each time (p per time). */
  failureX: Float64Array;
  s0: Float64Array;
  s1: Float64Array;
  s2: Float64Array;
}

/**
 * Risk-set sums of the Fine-Gray model at beta: subjects with time >= t weigh exp(x b); subjects with an
 * other failure before t stay, weighted exp(x b) G_g(t-) / G_g(T_j-) (Fine & Gray 1999). O(n p^2).
 */
export function riskSetSums(d: FineGrayData, beta: Float64Array, withSecond: boolean): RiskSetSums {
  const { n, p, x, kind } = d;
  const m = d.failureBlocks.length;
  const pp = p * p;
  const out: RiskSetSums = {
    failures: new Float64Array(m),
    failureX: new Float64Array(m * p),
    s0: new Float64Array(m),
    s1: new Float64Array(m * p),
    s2: new Float64Array(withSecond ? m * pp : 0),
  };
  const risk = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += x[i + j * n] * beta[j];
    risk[i] = Math.exp(eta);
  }
  // other failures before t, per censoring group: prefix sums of risk / G(T-) [1, x, x x']
  const G = d.nGroups;
  const p0 = new Float64Array(G);
  const p1 = new Float64Array(G * p);
  const p2 = new Float64Array(withSecond ? G * pp : 0);
  let next = 0;
  for (let b = 0; b < m; b++) {
    const start = d.failureBlocks[b];
    for (; next < start; next++) {
      if (kind[next] !== 2) continue;
      const g = d.censorGroup[next];
      const w = risk[next] / d.gBefore[next + g * n];
      accumulate(x, n, p, next, w, p0, p1, p2, g, withSecond);
    }
    for (let g = 0; g < G; g++) {
      const ratio = d.gBefore[start + g * n];
      out.s0[b] += ratio * p0[g];
      for (let j = 0; j < p; j++) out.s1[b * p + j] += ratio * p1[g * p + j];
      if (withSecond) for (let q = 0; q < pp; q++) out.s2[b * pp + q] += ratio * p2[g * pp + q];
    }
    for (let i = start; i < d.failureBlockEnds[b]; i++) {
      if (kind[i] !== 1) continue;
      out.failures[b]++;
      for (let j = 0; j < p; j++) out.failureX[b * p + j] += x[i + j * n];
    }
  }
  // subjects still followed: suffix sums from the end
  const t0 = new Float64Array(1);
  const t1 = new Float64Array(p);
  const t2 = new Float64Array(withSecond ? pp : 0);
  let i = n - 1;
  for (let b = m - 1; b >= 0; b--) {
    const start = d.failureBlocks[b];
    for (; i >= start; i--) accumulate(x, n, p, i, risk[i], t0, t1, t2, 0, withSecond);
    out.s0[b] += t0[0];
    for (let j = 0; j < p; j++) out.s1[b * p + j] += t1[j];
    if (withSecond) for (let q = 0; q < pp; q++) out.s2[b * pp + q] += t2[q];
  }
  return out;
}

function accumulate(
  x: Float64Array,
  n: number,
  p: number,
  i: number,
  w: number,
  s0: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
  g: number,
  withSecond: boolean,
): void {
  s0[g] += w;
  for (let j = 0; j < p; j++) {
    const xj = x[i + j * n];
    s1[g * p + j] += w * xj;
    if (withSecond) for (let k = 0; k < p; k++) s2[g * p * p + j + k * p] += w * xj * x[i + k * n];
  }
}
