import type { MissingPolicy } from '@tace/core';
import { assertInRange, assertOneOf, TaceError } from '@tace/core';
import { orderBy, stableSortBy } from '../internal/argsort.js';
import type { GroupInput } from '../internal/factor.js';
import { toFactor } from '../internal/factor.js';
import { gatherNumeric } from '../internal/gather.js';
import type { EventInput, NumericInput } from '../internal/survival-data.js';
import { assertHasEvents, toSurvivalData } from '../internal/survival-data.js';
import { timeFixOrdered } from '../internal/time-fix.js';
import type { ConcordanceTally, ConcordanceWalk } from './concordance-walk.js';
import { walkConcordance } from './concordance-walk.js';

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
 * shorter survival (as a Cox linear predictor). Counting uses prefix-sum trees over risk ranks: O(n log n),
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
  // reverse time; among tied times censored before events, then risk ascending, then input order (the
  // stable sorts by risk, then by time descending, then censored first); strata in blocks. The time order is
  // the caller's (timefix sorted already), the identity for sorted times (coxph), or one sort.
  const order = descendingTimeOrder(time, extra.timeOrder);
  const walkTime = gather(time, order, new Float64Array(n)); // unchanged by reordering tied times
  sortTiedTimes(order, walkTime, event, x);
  if (!isConstant(strata)) {
    stableSortBy(order, strata);
    gather(time, order, walkTime);
  }
  const walk = gatherWalk(order, walkTime, event, x, w, strata);
  const tally = walkConcordance(walk, (start, end) =>
    timeWeights(walk.time, walk.event, walk.weight, start, end, method, tau),
  );
  const { count } = tally;
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
  const cluster = extra.cluster === undefined ? undefined : { codes: extra.cluster, order };
  const varSomer = somersVariance(tally, walk.weight, npair, somer, cluster);
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
 * Infinitesimal-jackknife variance of Somers' d from the walk's influence terms (summed within clusters
 * first when `cluster` gives each walking position's cluster through `order`).
 */
function somersVariance(
  tally: ConcordanceTally,
  weight: Float64Array,
  npair: number,
  somer: number,
  cluster?: { codes: Int32Array; order: Int32Array },
): number {
  const { inf0, inf1, inf2 } = tally;
  const n = weight.length;
  const dfbeta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dfbeta[i] = weight[i] * ((inf0[i] - inf1[i]) / npair - (somer / npair) * (inf0[i] + inf1[i] + inf2[i]));
  }
  let varSomer = 0;
  if (cluster === undefined) for (let i = 0; i < n; i++) varSomer += dfbeta[i] * dfbeta[i];
  else {
    const sums = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const c = cluster.codes[cluster.order[i]];
      sums.set(c, (sums.get(c) ?? 0) + dfbeta[i]);
    }
    for (const v of sums.values()) varSomer += v * v;
  }
  return varSomer;
}

/**
 * The subjects' values in walking `order` (`walkTime`: the times already in that order), with the ranks of
 * their distinct risk values. Weights or strata equal for everyone are not gathered (their walking order is
 * themselves).
 */
function gatherWalk(
  order: Int32Array,
  walkTime: Float64Array,
  event: Uint8Array,
  x: Float64Array,
  w: Float64Array,
  strata: Int32Array,
): ConcordanceWalk {
  const n = order.length;
  const walk: ConcordanceWalk = {
    rank: new Int32Array(n),
    risk: gather(x, order, new Float64Array(n)),
    event: new Uint8Array(n),
    weight: isConstant(w) ? w : gather(w, order, new Float64Array(n)),
    time: walkTime,
    stratum: isConstant(strata) ? strata : gather(strata, order, new Int32Array(n)),
    nRanks: 0,
  };
  for (let i = 0; i < n; i++) walk.event[i] = event[order[i]];
  walk.nRanks = rankDistinct(walk.risk, walk.stratum, walk.rank);
  return walk;
}

/** `out[i] = values[order[i]]`; returns `out`. */
function gather<T extends Float64Array | Int32Array>(values: T, order: Int32Array, out: T): T {
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}

/**
 * Writes into `rank` the 0-based rank of each value among the distinct values of its stratum (`stratum`, codes
 * >= 0); returns the largest number of distinct values in a stratum.
 */
function rankDistinct(values: Float64Array, stratum: Int32Array, rank: Int32Array): number {
  const n = values.length;
  const sorted = orderBy(n, [{ key: values }]);
  let nCodes = 1;
  for (let i = 0; i < n; i++) if (stratum[i] >= nCodes) nCodes = stratum[i] + 1;
  // per stratum: the number of distinct values so far, and the last one
  const next = new Int32Array(nCodes);
  const last = new Float64Array(nCodes);
  let nRanks = 1;
  for (let i = 0; i < n; i++) {
    const o = sorted[i];
    const s = stratum[o];
    const v = values[o];
    if (next[s] > 0 && last[s] === v) rank[o] = next[s] - 1;
    else {
      rank[o] = next[s]++;
      last[s] = v;
      if (next[s] > nRanks) nRanks = next[s];
    }
  }
  return nRanks;
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
  // Harrell's weights without tau are all 1
  if (!useG && tau === Number.POSITIVE_INFINITY) return out;
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

/**
 * Within each block of tied times: censored first, then risk ascending, then input order. `walkTime` holds
 * the times in `order`'s order (read sequentially).
 */
function sortTiedTimes(order: Int32Array, walkTime: Float64Array, event: Uint8Array, x: Float64Array): void {
  const n = order.length;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && walkTime[j] === walkTime[i]) j++;
    if (j - i > 1) {
      order
        .subarray(i, j)
        .sort((a, b) => event[a] - event[b] || (x[a] < x[b] ? -1 : x[a] > x[b] ? 1 : a - b));
    }
    i = j;
  }
}

function isConstant(values: Int32Array | Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
