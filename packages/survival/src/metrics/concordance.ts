import type { MissingPolicy } from '@tace/core';
import { assertInRange, assertOneOf, TaceError } from '@tace/core';
import { orderBy, stableSortBy } from '../internal/argsort.js';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import { Fenwick2 } from '../internal/fenwick.js';
import { gatherNumeric } from '../internal/gather.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { timeFixOrdered } from '../internal/time-fix.js';

/** Options for {@link concordance}. */
export interface ConcordanceOptions {
  /**
   * `'harrell'`: every comparable pair counts once (R `timewt = "n"`); `'uno'`: pairs weighted by
   * 1 / G(t-)^2, G the Kaplan-Meier of the censoring distribution (R `timewt = "n/G2"`, Uno et al. 2011).
   * @default 'harrell'
   */
  method?: 'harrell' | 'uno';
  /** Only event times <= tau count (R `ymax`). @default Infinity */
  tau?: number;
  /** Case weights (R `weights`). @default all 1 */
  weights?: NumericInput;
  /** Stratum per subject: pairs are formed within strata only (R `strata()`). @default undefined */
  strata?: GroupInput;
  /** Cluster per subject: the standard error sums influence within clusters (R `cluster`). @default undefined */
  cluster?: GroupInput;
  /** Missing-value policy for time, event, risk, weights, strata and cluster. @default 'error' */
  missing?: MissingPolicy;
  /**
   * Merge times that differ only by floating-point noise, as R's `timefix = TRUE` (`aeqSurv`).
   * @default true
   */
  timeFix?: boolean;
}

/** Result of {@link concordance}: counts are (weighted) numbers of pairs. */
export interface ConcordanceResult {
  /** (concordant + tiedRisk / 2) / (concordant + discordant + tiedRisk). */
  concordance: number;
  /** Infinitesimal-jackknife standard error, as R `sqrt(concordance(...)$var)`. */
  stdErr: number;
  /** Pairs where the subject with the higher risk fails first. */
  concordant: number;
  discordant: number;
  /** Comparable pairs tied on risk. */
  tiedRisk: number;
  /** Pairs of events at the same time (not comparable), not tied on risk. */
  tiedTime: number;
  /** Pairs of events at the same time and the same risk. */
  tiedBoth: number;
  /** Number of subjects used. */
  n: number;
  method: 'harrell' | 'uno';
  omitted: number;
}

/**
 * Concordance index between a risk score and a right-censored outcome: higher `risk` is taken to mean
 * shorter survival (as a Cox linear predictor). Counting uses a Fenwick tree over risk ranks: O(n log n),
 * no n x n structure.
 *
 * Harrell's C matches R `survival::concordance(Surv(time, status) ~ risk, reverse = TRUE)` and the
 * `concordance` of a `coxph` fit (counts, C and standard error to 1e-8); Uno's matches the same call with
 * `timewt = "n/G2"` (and `ymax = tau`).
 *
 * @throws {TaceError} invalid outcome, mismatched lengths, missing values, no events, no comparable pair.
 * @example
 * ```ts
 * const c = concordance(time, status, fit.linearPredictors);
 * c.concordance; c.stdErr;
 * ```
 */
export function concordance(
  time: NumericInput,
  event: EventInput,
  risk: NumericInput,
  options: ConcordanceOptions = {},
): ConcordanceResult {
  const method = options.method ?? 'harrell';
  assertOneOf(method, 'method', ['harrell', 'uno']);
  const tau = options.tau ?? Number.POSITIVE_INFINITY;
  if (!(tau > 0)) assertInRange(tau, 'tau', 0, Number.POSITIVE_INFINITY, { lower: true });
  const extra: [string, ArrayLike<unknown>][] = [['risk', risk]];
  if (options.weights !== undefined) extra.push(['weights', options.weights]);
  if (options.strata !== undefined) extra.push(['strata', options.strata]);
  if (options.cluster !== undefined) extra.push(['cluster', options.cluster]);
  const data = toSurvivalData(time, event, options.missing ?? 'error', {}, extra);
  let timeOrder: Int32Array | undefined;
  if (options.timeFix ?? true) ({ time: data.time, order: timeOrder } = timeFixOrdered(data.time));
  assertHasEvents(data);
  const n = data.time.length;
  const x = gatherNumeric(risk, data.rows, 'risk');
  const w = new Float64Array(n).fill(1);
  if (options.weights !== undefined) {
    for (let i = 0; i < n; i++) {
      w[i] = options.weights[data.rows[i]] as number;
      if (!(w[i] > 0)) {
        throw new TaceError('INVALID_ARGUMENT', `weights at row ${data.rows[i] + 1} is ${w[i]}`, {
          param: 'weights',
          remedy: 'case weights must be positive',
        });
      }
    }
  }
  const strata =
    options.strata === undefined
      ? new Int32Array(n)
      : toFactor(options.strata, 'strata', undefined, data.rows).codes;
  const cluster =
    options.cluster === undefined
      ? undefined
      : toFactor(options.cluster, 'cluster', undefined, data.rows).codes;
  return concordanceKernel(data.time, data.event, x, w, strata, method, tau, {
    omitted: data.omitted,
    cluster,
    timeOrder,
  });
}

/**
 * The counting kernel on validated arrays (also used by `coxph`). Returns R's orientation flipped so that
 * higher `x` = higher risk.
 */
export function concordanceKernel(
  time: Float64Array,
  event: Uint8Array,
  x: Float64Array,
  w: Float64Array,
  strata: Int32Array,
  method: 'harrell' | 'uno',
  tau: number,
  extra: { omitted?: number; cluster?: Int32Array; timeOrder?: Int32Array } = {},
): ConcordanceResult {
  const omitted = extra.omitted ?? 0;
  const n = time.length;
  // ranks of the distinct risk values
  const byX = orderBy(n, [{ key: x }]);
  const rank = new Int32Array(n);
  let nRanks = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && x[byX[i]] !== x[byX[i - 1]]) nRanks++;
    rank[byX[i]] = nRanks;
  }
  nRanks++;
  // reverse time; among tied times censored before events, then risk ascending, then input order (the
  // stable sorts by risk, then by time descending, then censored first); strata in blocks. The time order is
  // the caller's (timefix sorted already), the identity for sorted times (coxph), or one sort.
  const order = descendingTimeOrder(time, extra.timeOrder);
  sortTiedTimes(order, time, event, x);
  if (!isConstant(strata)) stableSortBy(order, strata);
  // the subjects' values in walking order (sequential reads instead of gathers through `order`)
  const rk = new Int32Array(n);
  const ev = new Uint8Array(n);
  const ws = new Float64Array(n);
  const ts = new Float64Array(n);
  const ss = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = order[i];
    rk[i] = rank[o];
    ev[i] = event[o];
    ws[i] = w[o];
    ts[i] = time[o];
    ss[i] = strata[o];
  }
  // influence columns (by walking position): 0 = larger x later (R "concordant"), 1 = smaller x later, 2 = tied x
  const inf0 = new Float64Array(n);
  const inf1 = new Float64Array(n);
  const inf2 = new Float64Array(n);
  const count = new Float64Array(5);
  // one Fenwick tree holding both weights per rank, interleaved: [all at risk, deaths x time weight]
  const tree = new Fenwick2(nRanks);
  const { nodeAll, nodeDeaths } = tree;
  const below = new Float64Array(2);
  const deathsBelow = new Float64Array(nRanks + 1);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && ss[end] === ss[start]) end++;
    const timewt = timeWeights(ts, ev, ws, start, end, method, tau);
    let utime = timewt.length;
    for (let i = start; i < end; ) {
      const r = rk[i];
      if (ev[i] === 0) {
        tree.sumBelow(r, below);
        const equal = nodeDeaths[r];
        inf0[i] -= below[1];
        inf1[i] -= tree.totalDeaths - below[1] - equal;
        inf2[i] -= equal;
        tree.add(r, ws[i], 0);
        i++;
        continue;
      }
      const tw = timewt[--utime];
      let j = i + 1;
      while (j < end && ts[j] === ts[i] && ev[j] === 1) j++;
      if (j === i + 1) {
        // a single death: one walk gives both trees' sums, one walk adds to both
        tree.sumBelow(r, below);
        const wi = ws[i];
        const aBelow = below[0];
        const aEqual = nodeAll[r];
        const aAbove = tree.totalAll - aBelow - aEqual;
        count[0] += wi * aAbove * tw;
        count[1] += wi * aBelow * tw;
        count[2] += wi * aEqual * tw;
        inf0[i] += aAbove * tw;
        inf1[i] += aBelow * tw;
        inf2[i] += aEqual * tw;
        const dw = tw * wi;
        const dEqual = nodeDeaths[r] + dw;
        inf0[i] -= below[1];
        inf1[i] -= tree.totalDeaths + dw - below[1] - dEqual;
        inf2[i] -= dEqual;
        tree.add(r, wi, dw);
        i = j;
        continue;
      }
      let dwt = 0;
      let xsave = x[order[i]];
      let dwt2 = 0;
      for (let k = i; k < j; k++) {
        const wk = ws[k];
        count[3] += wk * dwt * tw;
        dwt += wk;
        if (x[order[k]] !== xsave) {
          dwt2 = 0;
          xsave = x[order[k]];
        }
        count[4] += wk * dwt2 * tw;
        dwt2 += wk;
        tree.sumBelow(rk[k], below);
        const aBelow = below[0];
        const aEqual = nodeAll[rk[k]];
        const aAbove = tree.totalAll - aBelow - aEqual;
        count[0] += wk * aAbove * tw;
        count[1] += wk * aBelow * tw;
        count[2] += wk * aEqual * tw;
        inf0[k] += aAbove * tw;
        inf1[k] += aBelow * tw;
        inf2[k] += aEqual * tw;
        tree.add(rk[k], 0, tw * wk);
      }
      for (let k = i; k < j; k++) {
        tree.sumBelow(rk[k], below);
        const equal = nodeDeaths[rk[k]];
        inf0[k] -= below[1];
        inf1[k] -= tree.totalDeaths - below[1] - equal;
        inf2[k] -= equal;
        tree.add(rk[k], ws[k], 0);
      }
      i = j;
    }
    // every subject against all the stratum's deaths: prefix sums over the ranks
    let cum = 0;
    for (let q = 0; q < nRanks; q++) {
      deathsBelow[q] = cum;
      cum += nodeDeaths[q];
    }
    deathsBelow[nRanks] = cum;
    for (let i = start; i < end; i++) {
      const r = rk[i];
      const equal = nodeDeaths[r];
      inf0[i] += deathsBelow[r];
      inf1[i] += tree.totalDeaths - deathsBelow[r] - equal;
      inf2[i] += equal;
    }
    if (end < n) {
      if (4 * (end - start) > nRanks) tree.clear();
      else {
        for (let i = start; i < end; i++) tree.remove(rk[i]);
        tree.totalAll = 0;
        tree.totalDeaths = 0;
      }
    }
    start = end;
  }
  count[3] -= count[4];
  const npair = count[0] + count[1] + count[2];
  if (!(npair > 0)) {
    throw new TaceError(
      'EMPTY_INPUT',
      'no comparable pair (each pair needs an event before the other time)',
      {
        param: 'time',
        remedy: 'check the event coding; concordance needs events with later follow-up in the same stratum',
      },
    );
  }
  const somer = (count[0] - count[1]) / npair;
  const dfbeta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dfbeta[i] = ws[i] * ((inf0[i] - inf1[i]) / npair - (somer / npair) * (inf0[i] + inf1[i] + inf2[i]));
  }
  let varSomer = 0;
  if (extra.cluster === undefined) for (let i = 0; i < n; i++) varSomer += dfbeta[i] * dfbeta[i];
  else {
    const sums = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = extra.cluster[order[i]];
      sums.set(c, (sums.get(c) ?? 0) + dfbeta[i]);
    }
    for (const v of sums.values()) varSomer += v * v;
  }
  return {
    concordance: 1 - (somer + 1) / 2,
    stdErr: Math.sqrt(varSomer / 4),
    concordant: count[1],
    discordant: count[0],
    tiedRisk: count[2],
    tiedTime: count[3],
    tiedBoth: count[4],
    n,
    method,
    omitted,
  };
}

/**
 * Time weights per distinct event time of one stratum, ascending in time (as R's `timewt` before `rev`):
 * 1 (Harrell) or 1 / G(t-)^2 (Uno), 0 beyond tau. G is the censoring Kaplan-Meier with censorings
 * tied to an event time counted after the events, as R survival's `fastkm1`.
 */
function timeWeights(
  time: Float64Array,
  event: Uint8Array,
  w: Float64Array,
  start: number,
  end: number,
  method: 'harrell' | 'uno',
  tau: number,
): Float64Array {
  // the arrays are in walking order (descending time within [start, end)): backwards is ascending time
  let nEvents = 0;
  let nTimes = 0;
  for (let i = end - 1; i >= start; ) {
    let j = i;
    let d = 0;
    for (; j >= start && time[j] === time[i]; j--) d += event[j];
    if (d > 0) nTimes++;
    nEvents += d;
    i = j;
  }
  const out = new Float64Array(nTimes).fill(1);
  const useG = method === 'uno' && nEvents >= 2;
  let atRisk = 0;
  for (let i = start; i < end; i++) atRisk += w[i];
  let g = 1;
  let k = 0;
  for (let i = end - 1; i >= start; ) {
    let j = i;
    let d = 0;
    let c = 0;
    let tied = 0;
    for (; j >= start && time[j] === time[i]; j--) {
      const o = j;
      tied += w[o];
      if (event[o] === 1) d += w[o];
      else c += w[o];
    }
    if (d > 0) {
      let tw = useG ? 1 / (g * g) : 1;
      if (time[i] > tau || !Number.isFinite(tw)) tw = 0;
      out[k++] = tw;
    }
    // censoring at t happens after the events at t (R's fastkm1): its risk set excludes them
    if (c > 0) g *= (atRisk - d - c) / (atRisk - d);
    atRisk -= tied;
    i = j;
  }
  return out;
}

/** Row indices by time descending, ties in reverse input order (fixed by {@link sortTiedTimes}). */
function descendingTimeOrder(time: Float64Array, ascending?: Int32Array): Int32Array {
  const n = time.length;
  const order = new Int32Array(n);
  let sorted = ascending === undefined;
  for (let i = 1; i < n && sorted; i++) sorted = time[i - 1] <= time[i];
  if (ascending !== undefined || !sorted) {
    const up = ascending ?? orderBy(n, [{ key: time }]);
    for (let i = 0; i < n; i++) order[i] = up[n - 1 - i];
  } else for (let i = 0; i < n; i++) order[i] = n - 1 - i;
  return order;
}

/** Within each block of tied times: censored first, then risk ascending, then input order. */
function sortTiedTimes(order: Int32Array, time: Float64Array, event: Uint8Array, x: Float64Array): void {
  const n = order.length;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && time[order[j]] === time[order[i]]) j++;
    if (j - i > 1) {
      order
        .subarray(i, j)
        .sort((a, b) => event[a] - event[b] || (x[a] < x[b] ? -1 : x[a] > x[b] ? 1 : a - b));
    }
    i = j;
  }
}

function isConstant(values: Int32Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
