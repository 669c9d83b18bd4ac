import { assertFiniteNumber, TaceError } from '@tace/core';
import type { CoxnetFit } from './coxnet.js';
import { type DesignInput, toDesignMatrix } from './design-matrix.js';

/**
 * Coefficients of a {@link CoxnetFit} at any `lambda`, interpolated linearly in lambda between the two
 * path lambdas around it, as glmnet's `coef(fit, s = lambda)` with `exact = FALSE` (`lambda.interp`);
 * outside the path the nearest end is used.
 * @throws {TaceError} `INVALID_ARGUMENT` for a non-finite lambda; `EMPTY_INPUT` for an empty path.
 * @example coxnetCoefficients(fit, fit.lambda[3]) // the 4th column of fit.beta
 */
export function coxnetCoefficients(fit: CoxnetFit, lambda: number): Float64Array {
  assertFiniteNumber(lambda, 'lambda');
  const { lambda: path, nCols: p } = fit;
  const beta = fit.beta.data;
  const k = path.length;
  if (k === 0) throw new TaceError('EMPTY_INPUT', 'the coxnet path is empty', { param: 'fit' });
  const out = new Float64Array(p);
  if (k === 1 || lambda >= path[0]) {
    out.set(beta.subarray(0, p));
    return out;
  }
  if (lambda <= path[k - 1]) {
    out.set(beta.subarray((k - 1) * p, k * p));
    return out;
  }
  let left = 0;
  while (path[left + 1] > lambda) left++;
  const right = left + 1;
  const frac = (lambda - path[right]) / (path[left] - path[right]);
  for (let j = 0; j < p; j++) out[j] = frac * beta[left * p + j] + (1 - frac) * beta[right * p + j];
  return out;
}

/**
 * Linear predictor `x beta(lambda)` of new subjects (not centred, as glmnet's `predict(type = "link")`),
 * with coefficients from {@link coxnetCoefficients}.
 * @throws {TaceError} `INVALID_ARGUMENT` when `x` has a different number of columns than the fit.
 * @example predictCoxnet(fit, xTest, cv.lambdaMin) // Float64Array, one value per subject
 */
export function predictCoxnet(fit: CoxnetFit, x: DesignInput, lambda: number): Float64Array {
  const matrix = toDesignMatrix(x);
  if (matrix.columns !== fit.nCols) {
    throw new TaceError('INVALID_ARGUMENT', `x has ${matrix.columns} columns but the fit has ${fit.nCols}`, {
      param: 'x',
      remedy: 'pass the same features, in the same order, as for fitting',
    });
  }
  return linearPredictor(matrix.data, matrix.rows, coxnetCoefficients(fit, lambda));
}

/** `x beta` for a column-major `n x p` matrix, skipping zero coefficients. */
export function linearPredictor(data: Float64Array, n: number, beta: Float64Array): Float64Array {
  const eta = new Float64Array(n);
  for (let j = 0; j < beta.length; j++) {
    const b = beta[j];
    if (b === 0) continue;
    const offset = j * n;
    for (let i = 0; i < n; i++) eta[i] += b * data[offset + i];
  }
  return eta;
}
