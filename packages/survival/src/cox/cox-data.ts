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
  /** Packed lower triangles of the running sums of x x' (risk set; tied events). */
  cmat: Float64Array;
  cmat2: Float64Array;
  eta: Float64Array;
}

/** Allocates {@link CoxWork} for p covariates and n rows. */
export function coxWork(p: number, n: number): CoxWork {
  return {
    u: new Float64Array(p),
    imat: new Float64Array(p * p),
    imatPacked: new Float64Array((p * (p + 1)) / 2),
    a: new Float64Array(p),
    a2: new Float64Array(p),
    cmat: new Float64Array((p * (p + 1)) / 2),
    cmat2: new Float64Array((p * (p + 1)) / 2),
    eta: new Float64Array(n),
  };
}
