import { normalSurvival, pAdjust, TaceError } from '@tace/core';
import { columnLabel, type DesignInput, toDesignMatrix } from '../penalized/design-matrix.js';
import { type RiskSetIndex, riskSetIndex } from '../penalized/risk-sets.js';

/** Per-feature univariate Cox results of {@link univariateCox}. */
export interface UnivariateCoxResult {
  columnNames: string[];
  /** Log hazard ratio per unit of the feature. */
  coef: Float64Array;
  /** Its standard error (inverse information). */
  se: Float64Array;
  /** Wald z = coef / se and two-sided p-value. */
  z: Float64Array;
  pValue: Float64Array;
  /** Benjamini-Hochberg adjusted p-values over the features (R `p.adjust(p, "BH")`). */
  adjustedPValue: Float64Array;
  /** Newton iterations used per feature. */
  iterations: Int32Array;
}

/**
 * One Cox model per feature (Efron ties), fitted by Newton-Raphson with step halving as `survival::coxph`
 * (x centred, convergence when the log-likelihood changes by less than 1e-9 relative, at most 20 steps):
 * the univariate screening step before a penalised Cox fit. Matches `coxph(Surv(time, event) ~ x_j)`
 * (see `test/features/univariate-cox.test.ts`).
 * @throws {TaceError} `INVALID_ARGUMENT` for bad times/events or a constant feature; `EMPTY_INPUT` with no
 *   events; `MISSING_VALUE` for NaN.
 * @example univariateCox(x, time, event).pValue // one p-value per feature
 */
export function univariateCox(
  x: DesignInput,
  time: ArrayLike<number>,
  event: ArrayLike<number>,
): UnivariateCoxResult {
  const matrix = toDesignMatrix(x);
  const { data, rows: n, columns: p } = matrix;
  if (time.length !== n) {
    throw new TaceError('LENGTH_MISMATCH', `time has ${time.length} values but x has ${n} rows`, {
      param: 'time',
    });
  }
  const index = riskSetIndex(time, event);
  if (index.nGroups === 0)
    throw new TaceError('EMPTY_INPUT', 'no events: Cox models need at least one', { param: 'event' });
  const coef = new Float64Array(p);
  const se = new Float64Array(p);
  const z = new Float64Array(p);
  const pValue = new Float64Array(p);
  const iterations = new Int32Array(p);
  const xs = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[j * n + i];
    mean /= n;
    let varies = false;
    for (let s = 0; s < n; s++) {
      xs[s] = data[j * n + index.order[s]] - mean;
      if (xs[s] !== xs[0]) varies = true;
    }
    if (!varies) {
      throw new TaceError('INVALID_ARGUMENT', `feature ${columnLabel(matrix, j)} is constant`, {
        param: 'x',
      });
    }
    const fit = newtonOneCovariate(index, xs);
    coef[j] = fit.beta;
    se[j] = 1 / Math.sqrt(fit.information);
    z[j] = coef[j] / se[j];
    pValue[j] = 2 * normalSurvival(Math.abs(z[j]));
    iterations[j] = fit.iterations;
  }
  return {
    columnNames: Array.from({ length: p }, (_, j) => columnLabel(matrix, j)),
    coef,
    se,
    z,
    pValue,
    adjustedPValue: pAdjust(pValue, 'BH'),
    iterations,
  };
}

interface EfronTerms {
  loglik: number;
  score: number;
  information: number;
}

/** Efron log partial likelihood, score and information of one centred covariate at `beta` (one backward pass). */
function efron(index: RiskSetIndex, x: Float64Array, beta: number): EfronTerms {
  const { groupStart, deaths, nGroups } = index;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let loglik = 0;
  let score = 0;
  let information = 0;
  for (let k = nGroups - 1; k >= 0; k--) {
    for (let q = groupStart[k + 1] - 1; q >= groupStart[k]; q--) {
      const r = Math.exp(beta * x[q]);
      s0 += r;
      s1 += r * x[q];
      s2 += r * x[q] * x[q];
    }
    // The d tied events of t_k are the first d positions of group k.
    const d = deaths[k];
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    for (let q = groupStart[k]; q < groupStart[k] + d; q++) {
      const r = Math.exp(beta * x[q]);
      t0 += r;
      t1 += r * x[q];
      t2 += r * x[q] * x[q];
      loglik += beta * x[q];
      score += x[q];
    }
    for (let r = 0; r < d; r++) {
      const phi = r / d;
      const a0 = s0 - phi * t0;
      const a1 = s1 - phi * t1;
      const a2 = s2 - phi * t2;
      const mean = a1 / a0;
      loglik -= Math.log(a0);
      score -= mean;
      information += a2 / a0 - mean * mean;
    }
  }
  return { loglik, score, information };
}

function newtonOneCovariate(
  index: RiskSetIndex,
  x: Float64Array,
): { beta: number; information: number; iterations: number } {
  let beta = 0;
  let current = efron(index, x, beta);
  let iterations = 0;
  for (; iterations < 20; iterations++) {
    let step = current.score / current.information;
    let next = efron(index, x, beta + step);
    let halvings = 0;
    while (!(next.loglik >= current.loglik) && halvings < 30) {
      step /= 2;
      next = efron(index, x, beta + step);
      halvings++;
    }
    const converged = Math.abs(1 - current.loglik / next.loglik) <= 1e-9;
    beta += step;
    current = next;
    if (converged) {
      iterations++;
      break;
    }
  }
  return { beta, information: current.information, iterations };
}
