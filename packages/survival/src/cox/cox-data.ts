/**
 * Model data sorted by stratum then time, as R survival's C routines expect. `x` is row-major n x p and
 * already centred/scaled for fitting where said.
 */
export interface CoxData {
  n: number;
  p: number;
  time: Float64Array;
  status: Uint8Array;
  x: Float64Array;
  offset: Float64Array;
  weight: Float64Array;
  /** Stratum code per sorted row. */
  strata: Int32Array;
  /** 1 when the sorted row is the last of its stratum. */
  stratumEnd: Uint8Array;
  /** Original (input) row of each sorted row. */
  order: Int32Array;
  efron: boolean;
  /** Counting-process data: the start of each sorted row's (start, stop] interval (`time` is the stop). */
  start?: Float64Array;
}

/** Scratch buffers reused across Newton-Raphson iterations (no allocation inside the loop). */
export interface CoxWork {
  u: Float64Array;
  /** Full p x p information matrix. */
  imat: Float64Array;
  /** Packed lower triangle of the information matrix (p (p + 1) / 2). */
  imatPacked: Float64Array;
  a: Float64Array;
  a2: Float64Array;
  /** [log-likelihood, hazard, Efron-weighted hazard] of one event time (see addTiedDeaths). */
  tied: Float64Array;
  /** Linear predictor and risk score exp(eta) * weight per sorted row. */
  eta: Float64Array;
  risk: Float64Array;
  /** Hazard increment per event time, and the Efron share of the subjects failing then. */
  hazard: Float64Array;
  hazardDeath: Float64Array;
}

/**
 * Allocates {@link CoxWork} for p covariates and n rows (`hazard` and `hazardDeath` only for the
 * counting-process pass; the right-censored one keeps them in its plan).
 */
export function coxWork(p: number, n: number, counting: boolean): CoxWork {
  return {
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    imatPacked: new Float64Array((p * (p + 1)) / 2),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    tied: new Float64Array(3),
    eta: new Float64Array(n),
    risk: new Float64Array(n),
    hazard: new Float64Array(counting ? n : 0),
    hazardDeath: new Float64Array(counting ? n : 0),
  };
}

/** The fitted data kept for residuals, `coxZph` and prediction (sorted by stratum, then time). */
export interface CoxFitData extends CoxData {
  /** Centred linear predictor per sorted row (incl. offset). */
  eta: Float64Array;
  /** Cluster code per sorted row (-1 when none). */
  cluster: Int32Array;
  /** Stratum labels (levels). */
  strataLevels: string[];
  /** 1 for columns that R leaves uncentred (all values in -1, 0, 1). */
  noCenter: Uint8Array;
}

/** Pivot tolerance of the Cholesky decompositions, as R `coxph.control(toler.chol)`. */
export const TOLER_CHOL = Number.EPSILON ** 0.75;

/**
 * Covariates centred by `means`, per sorted row (residual computations are shift-invariant; centring
 * keeps them accurate).
 */
export function centeredX(data: CoxFitData, means: Float64Array): Float64Array {
  const { n, p } = data;
  const x = Float64Array.from(data.x);
  for (let k = 0; k < n; k++) for (let c = 0; c < p; c++) x[k * p + c] -= means[c];
  return x;
}
