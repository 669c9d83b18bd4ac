import type { MissingPolicy } from '@tace/core';
import { assertInRange, assertOneOf, TaceError } from '@tace/core';
import { orderBy, stableSortBy } from '../internal/argsort.js';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import { FenwickTree } from '../internal/fenwick.js';
import { gatherNumeric } from '../internal/gather.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { timeFix } from '../internal/time-fix.js';

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
  if (options.timeFix ?? true) data.time = timeFix(data.time);
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
  extra: { omitted?: number; cluster?: Int32Array } = {},
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
  // reverse time, censored before events, then risk ascending; strata in blocks
  const order = Int32Array.from(byX);
  stableSortBy(order, time, true);
  censoredFirst(order, time, event);
  if (!isConstant(strata)) stableSortBy(order, strata);
  // influence columns: 0 = larger x later (R "concordant"), 1 = smaller x later, 2 = tied x
  const inf0 = new Float64Array(n);
  const inf1 = new Float64Array(n);
  const inf2 = new Float64Array(n);
  const count = new Float64Array(5);
  const all = new FenwickTree(nRanks);
  const deaths = new FenwickTree(nRanks);
  const wsum = new Float64Array(3);
  const walk = (tree: FenwickTree, r: number): void => {
    const below = tree.sumBelow(r);
    const equal = tree.node[r];
    wsum[0] = tree.total - below - equal;
    wsum[1] = below;
    wsum[2] = equal;
  };
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && strata[order[end]] === strata[order[start]]) end++;
    const timewt = timeWeights(time, event, w, order, start, end, method, tau);
    let utime = timewt.length;
    for (let i = start; i < end; ) {
      const ii = order[i];
      if (event[ii] === 0) {
        walk(deaths, rank[ii]);
        inf0[ii] -= wsum[1];
        inf1[ii] -= wsum[0];
        inf2[ii] -= wsum[2];
        all.add(rank[ii], w[ii]);
        i++;
        continue;
      }
      const tw = timewt[--utime];
      let j = i;
      let dwt = 0;
      let xsave = x[ii];
      let dwt2 = 0;
      for (; j < end && time[order[j]] === time[ii] && event[order[j]] === 1; j++) {
        const jj = order[j];
        count[3] += w[jj] * dwt * tw;
        dwt += w[jj];
        if (x[jj] !== xsave) {
          dwt2 = 0;
          xsave = x[jj];
        }
        count[4] += w[jj] * dwt2 * tw;
        dwt2 += w[jj];
        walk(all, rank[jj]);
        count[0] += w[jj] * wsum[0] * tw;
        count[1] += w[jj] * wsum[1] * tw;
        count[2] += w[jj] * wsum[2] * tw;
        inf0[jj] += wsum[0] * tw;
        inf1[jj] += wsum[1] * tw;
        inf2[jj] += wsum[2] * tw;
        deaths.add(rank[jj], tw * w[jj]);
      }
      for (let k = i; k < j; k++) {
        const jj = order[k];
        walk(deaths, rank[jj]);
        inf0[jj] -= wsum[1];
        inf1[jj] -= wsum[0];
        inf2[jj] -= wsum[2];
        all.add(rank[jj], w[jj]);
      }
      i = j;
    }
    for (let i = start; i < end; i++) {
      const ii = order[i];
      walk(deaths, rank[ii]);
      inf0[ii] += wsum[1];
      inf1[ii] += wsum[0];
      inf2[ii] += wsum[2];
    }
    if (end < n && 4 * (end - start) > nRanks) {
      all.clear();
      deaths.clear();
    } else if (end < n) {
      for (let i = start; i < end; i++) {
        const r = rank[order[i]];
        if (all.node[r] !== 0) all.add(r, -all.node[r]);
        if (deaths.node[r] !== 0) deaths.add(r, -deaths.node[r]);
      }
      all.total = 0;
      deaths.total = 0;
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
    dfbeta[i] = w[i] * ((inf0[i] - inf1[i]) / npair - (somer / npair) * (inf0[i] + inf1[i] + inf2[i]));
  }
  let varSomer = 0;
  if (extra.cluster === undefined) for (let i = 0; i < n; i++) varSomer += dfbeta[i] * dfbeta[i];
  else {
    const sums = new Map<number, number>();
    for (let i = 0; i < n; i++) sums.set(extra.cluster[i], (sums.get(extra.cluster[i]) ?? 0) + dfbeta[i]);
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
  order: Int32Array,
  start: number,
  end: number,
  method: 'harrell' | 'uno',
  tau: number,
): Float64Array {
  // order is descending in time within [start, end): walk it backwards for ascending time
  let nEvents = 0;
  let nTimes = 0;
  for (let i = end - 1; i >= start; ) {
    let j = i;
    let d = 0;
    for (; j >= start && time[order[j]] === time[order[i]]; j--) d += event[order[j]];
    if (d > 0) nTimes++;
    nEvents += d;
    i = j;
  }
  const out = new Float64Array(nTimes).fill(1);
  const useG = method === 'uno' && nEvents >= 2;
  let atRisk = 0;
  for (let i = start; i < end; i++) atRisk += w[order[i]];
  let g = 1;
  let k = 0;
  for (let i = end - 1; i >= start; ) {
    let j = i;
    let d = 0;
    let c = 0;
    let tied = 0;
    for (; j >= start && time[order[j]] === time[order[i]]; j--) {
      const o = order[j];
      tied += w[o];
      if (event[o] === 1) d += w[o];
      else c += w[o];
    }
    if (d > 0) {
      let tw = useG ? 1 / (g * g) : 1;
      if (time[order[i]] > tau || !Number.isFinite(tw)) tw = 0;
      out[k++] = tw;
    }
    // censoring at t happens after the events at t (R's fastkm1): its risk set excludes them
    if (c > 0) g *= (atRisk - d - c) / (atRisk - d);
    atRisk -= tied;
    i = j;
  }
  return out;
}

/** Within each block of tied times, moves censored rows before events, keeping their relative order. */
function censoredFirst(order: Int32Array, time: Float64Array, event: Uint8Array): void {
  const n = order.length;
  const buffer: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    let mixed = false;
    for (; j < n && time[order[j]] === time[order[i]]; j++) {
      if (j > i && event[order[j]] < event[order[j - 1]]) mixed = true;
    }
    if (mixed) {
      buffer.length = 0;
      for (let k = i; k < j; k++) if (event[order[k]] === 0) buffer.push(order[k]);
      for (let k = i; k < j; k++) if (event[order[k]] === 1) buffer.push(order[k]);
      for (let k = i; k < j; k++) order[k] = buffer[k - i];
    }
    i = j;
  }
}

function isConstant(values: Int32Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
