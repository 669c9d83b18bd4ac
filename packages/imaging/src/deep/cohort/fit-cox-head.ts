import { assertInRange, assertInteger, assertSameLength, TaceError } from '@tace/core';

/** Options of {@link fitCoxHead}. */
export interface CoxHeadOptions {
  /**
   * Ridge penalty lambda: the fit maximises `l(beta) - lambda / 2 * sum(beta^2)` (on the standardised scale
   * when `standardize`), as R `coxph(Surv(t, e) ~ ridge(x, theta = lambda, scale = FALSE), ties = "breslow")`.
   * @default 1
   */
  l2?: number;
  /** Newton-Raphson iterations at most (R `coxph.control(iter.max)`). @default 50 */
  maxIter?: number;
  /** Convergence: relative change of the penalised log-likelihood (R `coxph.control(eps)`). @default 1e-9 */
  tolerance?: number;
  /** Scale each embedding column to unit (population) standard deviation before penalising, as glmnet. @default true */
  standardize?: boolean;
}

/** A fitted linear Cox head. Coefficients are on the original embedding scale. */
export interface CoxHead {
  /** One coefficient per embedding column. */
  coefficients: Float64Array;
  /** Breslow partial log-likelihood (unpenalised) at the solution. */
  logLik: number;
  /** Partial log-likelihood at beta = 0. */
  logLikNull: number;
  /** Newton iterations used. */
  iterations: number;
  /** Whether the tolerance was met within `maxIter`. */
  converged: boolean;
}

/**
 * Fits a linear Cox proportional-hazards head on frozen embeddings by Newton-Raphson on the ridge-penalised
 * Breslow partial log-likelihood
 * `l(beta) = sum_i d_i [x_i beta - log sum_{j: t_j >= t_i} exp(x_j beta)] - lambda / 2 |beta|^2`,
 * with the exact gradient and Hessian and step halving. Matches R `survival::coxph(ties = "breslow")` for
 * `l2 = 0` and `coxph(~ ridge(..., theta = l2, scale = FALSE))` for `l2 > 0`, `standardize = false`.
 * An alternative to penalised Cox (coxnet) when a dense head on all `dl_*` columns is wanted.
 *
 * @param embeddings - one row per patient (e.g. the `dl_*` values of {@link embedCohort}).
 * @param time - follow-up time (any unit, > 0 not required).
 * @param event - 1 = event, 0 = censored.
 * @throws {TaceError} `LENGTH_MISMATCH`, `EMPTY_INPUT` (no events), `INVALID_ARGUMENT` (non-finite values,
 * ragged rows), `SINGULAR_MATRIX` (information matrix not positive definite: collinear columns with l2 = 0).
 * @example
 * ```ts
 * const head = fitCoxHead(rows, time, event, { l2: 1 });
 * const risk = predictCoxHead(head, rows);
 * ```
 */
export function fitCoxHead(
  embeddings: readonly ArrayLike<number>[],
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  options: CoxHeadOptions = {},
): CoxHead {
  const { l2 = 1, maxIter = 50, tolerance = 1e-9, standardize = true } = options;
  assertInRange(l2, 'l2', 0, Number.POSITIVE_INFINITY);
  assertInteger(maxIter, 'maxIter', 1);
  assertInRange(tolerance, 'tolerance', 0, 1, { lower: true });
  assertSameLength(['embeddings', embeddings], ['time', time], ['event', event]);
  const n = embeddings.length;
  const p = n > 0 ? embeddings[0].length : 0;
  const { x, scale } = designMatrix(embeddings, p, standardize);
  checkOutcome(time, event);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[b] - time[a]);
  const work = new CoxWork(x, n, p, order, time, event);
  let beta = new Float64Array(p);
  let current = work.evaluate(beta, l2);
  const logLikNull = current.logLik;
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIter && !converged; iterations++) {
    const step = choleskySolve(current.information, current.gradient, p);
    let halving = 0;
    let candidate = beta.map((b, j) => b + step[j]);
    let next = work.evaluate(candidate, l2);
    while (!(next.penalised >= current.penalised) && halving < 30) {
      halving++;
      candidate = beta.map((b, j) => b + step[j] / 2 ** halving);
      next = work.evaluate(candidate, l2);
    }
    converged = Math.abs(next.penalised - current.penalised) <= tolerance * Math.abs(next.penalised);
    beta = candidate;
    current = next;
  }
  return {
    coefficients: beta.map((b, j) => b * scale[j]),
    logLik: current.logLik,
    logLikNull,
    iterations,
    converged,
  };
}

/**
 * Breslow partial log-likelihood `sum_i d_i [x_i beta - log sum_{j: t_j >= t_i} exp(x_j beta)]` of given
 * coefficients (unpenalised), e.g. for cross-validated partial likelihood (Verweij & van Houwelingen 1993,
 * glmnet's `type.measure = "deviance"`). Equals R `coxph(..., init = beta, iter.max = 0, ties = "breslow")$loglik[1]`.
 *
 * @throws {TaceError} as {@link fitCoxHead}.
 * @example
 * ```ts
 * coxHeadLogLik(rows, time, event, head.coefficients) === head.logLik;
 * ```
 */
export function coxHeadLogLik(
  embeddings: readonly ArrayLike<number>[],
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  coefficients: ArrayLike<number>,
): number {
  assertSameLength(['embeddings', embeddings], ['time', time], ['event', event]);
  const n = embeddings.length;
  const p = coefficients.length;
  const { x } = designMatrix(embeddings, p, false);
  checkOutcome(time, event);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[b] - time[a]);
  return new CoxWork(x, n, p, order, time, event).evaluate(Float64Array.from(coefficients), 0).logLik;
}

function checkOutcome(time: ArrayLike<number>, event: ArrayLike<number>): void {
  let events = 0;
  for (let i = 0; i < time.length; i++) {
    if (!Number.isFinite(time[i]) || (event[i] !== 0 && event[i] !== 1)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `row ${i}: time must be finite and event 0/1, got ${time[i]}, ${event[i]}`,
        {
          param: 'time/event',
        },
      );
    }
    events += event[i];
  }
  if (events === 0)
    throw new TaceError('EMPTY_INPUT', 'no events: the Cox head cannot be fitted', { param: 'event' });
}

/** Linear predictor `x beta` per row of `embeddings` (higher = higher hazard). */
export function predictCoxHead(head: CoxHead, embeddings: readonly ArrayLike<number>[]): Float64Array {
  const beta = head.coefficients;
  return Float64Array.from(embeddings, (row) => {
    let eta = 0;
    for (let j = 0; j < beta.length; j++) eta += row[j] * beta[j];
    return eta;
  });
}

function designMatrix(
  rows: readonly ArrayLike<number>[],
  p: number,
  standardize: boolean,
): { x: Float64Array; scale: Float64Array } {
  const n = rows.length;
  const x = new Float64Array(n * p);
  rows.forEach((row, i) => {
    if (row.length !== p) {
      throw new TaceError('INVALID_ARGUMENT', `embedding row ${i} has ${row.length} values, expected ${p}`, {
        param: 'embeddings',
      });
    }
    for (let j = 0; j < p; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) {
        throw new TaceError('INVALID_ARGUMENT', `embedding row ${i}, column ${j} is ${v}`, {
          param: 'embeddings',
          remedy: 'drop patients whose embedding failed (error column) before fitting',
        });
      }
      x[i * p + j] = v;
    }
  });
  const scale = new Float64Array(p).fill(1);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j] / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      x[i * p + j] -= mean; // centring does not change the Cox fit and keeps exp() in range
      ss += x[i * p + j] ** 2;
    }
    if (standardize && ss > 0) scale[j] = 1 / Math.sqrt(ss / n);
    for (let i = 0; i < n; i++) x[i * p + j] *= scale[j];
  }
  return { x, scale };
}

/** Breslow log-likelihood, gradient and information over preallocated buffers. */
class CoxWork {
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;
  private readonly eta: Float64Array;

  constructor(
    private readonly x: Float64Array,
    private readonly n: number,
    private readonly p: number,
    private readonly order: number[],
    private readonly time: ArrayLike<number>,
    private readonly event: ArrayLike<number>,
  ) {
    this.s1 = new Float64Array(p);
    this.s2 = new Float64Array(p * p);
    this.eta = new Float64Array(n);
  }

  evaluate(
    beta: Float64Array,
    l2: number,
  ): { logLik: number; penalised: number; gradient: Float64Array; information: Float64Array } {
    const { x, n, p, order, time, event, s1, s2, eta } = this;
    let etaMax = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < p; j++) e += x[i * p + j] * beta[j];
      eta[i] = e;
      if (e > etaMax) etaMax = e;
    }
    const gradient = new Float64Array(p);
    const information = new Float64Array(p * p);
    s1.fill(0);
    s2.fill(0);
    let s0 = 0;
    let logLik = 0;
    for (let start = 0; start < n; ) {
      let end = start;
      while (end < n && time[order[end]] === time[order[start]]) end++;
      for (let r = start; r < end; r++) {
        const i = order[r];
        const w = Math.exp(eta[i] - etaMax);
        s0 += w;
        for (let a = 0; a < p; a++) {
          const wa = w * x[i * p + a];
          s1[a] += wa;
          for (let b = 0; b <= a; b++) s2[a * p + b] += wa * x[i * p + b];
        }
      }
      for (let r = start; r < end; r++) {
        const i = order[r];
        if (event[i] !== 1) continue;
        logLik += eta[i] - etaMax - Math.log(s0);
        for (let a = 0; a < p; a++) {
          const ma = s1[a] / s0;
          gradient[a] += x[i * p + a] - ma;
          for (let b = 0; b <= a; b++) information[a * p + b] += s2[a * p + b] / s0 - ma * (s1[b] / s0);
        }
      }
      start = end;
    }
    let penalty = 0;
    for (let a = 0; a < p; a++) {
      penalty += beta[a] * beta[a];
      gradient[a] -= l2 * beta[a];
      information[a * p + a] += l2;
      for (let b = 0; b < a; b++) information[b * p + a] = information[a * p + b];
    }
    return { logLik, penalised: logLik - (l2 / 2) * penalty, gradient, information };
  }
}

/** Solves `A s = g` for symmetric positive-definite A (p x p, row-major) by Cholesky. */
function choleskySolve(a: Float64Array, g: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(sum > 1e-12 * Math.max(1, Math.abs(a[i * p + i])))) {
          throw new TaceError(
            'SINGULAR_MATRIX',
            `the Cox information matrix is not positive definite (column ${i})`,
            {
              param: 'embeddings',
              remedy: 'use l2 > 0 or drop constant / collinear embedding columns',
            },
          );
        }
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j];
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = g[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * y[k];
    y[i] = sum / l[i * p + i];
  }
  const s = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = y[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * s[k];
    s[i] = sum / l[i * p + i];
  }
  return s;
}
