import { TaceError } from '@tace/core';

/**
 * How {@link coxph} treats a design column that cannot be estimated (aliased with earlier columns, or
 * constant among the rows used), as R's `coxph(singular.ok)`:
 * - `'NA'` (R `singular.ok = TRUE`, R's default): the column's coefficient is NaN (R's NA), its row and
 *   column of the variance are 0, and the rest of the fit equals the fit without it; a warning names it.
 * - `'error'` (R `singular.ok = FALSE`): throws a `TaceError` naming the column.
 */
export type SingularPolicy = 'NA' | 'error';

/**
 * Columns R's `coxph.fit`/`agreg.fit` set to NA: those whose Cholesky pivot of the information matrix
 * vanished, so that their variance diagonal is exactly 0 and their coefficient never left 0; only after an
 * iteration (R `if (maxiter > 0) coef[which.sing] <- NA`). A variance that is 0 only by underflow (a
 * covariate on a 1e200 scale) has a non-zero coefficient and is not aliased (R: `flag == nvar`). One R quirk
 * is not copied: when a right-censored fit runs out of iterations (coxfit6's flag 1000) R leaves such a column
 * at 0 with se 0 instead of NA; here it is NA whether or not the fit converged.
 */
export function aliasedColumns(
  variance: Float64Array,
  beta: Float64Array,
  p: number,
  maxIter: number,
): boolean[] {
  return Array.from({ length: p }, (_, c) => maxIter > 0 && variance[c * p + c] === 0 && beta[c] === 0);
}

/**
 * Throws for aliased columns (policy `'error'`), worded as R's "X matrix deemed to be singular".
 * @throws {TaceError} `SINGULAR_MATRIX` naming the columns.
 */
export function assertNoAliased(aliased: readonly boolean[], names: readonly string[]): void {
  const named = names.filter((_, c) => aliased[c]).map((n) => `'${n}'`);
  if (named.length === 0) return;
  throw new TaceError(
    'SINGULAR_MATRIX',
    `X matrix deemed to be singular: covariate ${named.join(', ')} is collinear with the other covariates ` +
      'or constant in the rows used',
    {
      param: `column ${named.join(', ')}`,
      remedy: "drop it from covariates, or pass singular: 'NA' to report its coefficient as NA, as R does",
    },
  );
}

/** The warning of an `'NA'` fit with aliased columns, or null when there are none. */
export function aliasedWarning(aliased: readonly boolean[], names: readonly string[]): string | null {
  const named = names.filter((_, c) => aliased[c]);
  if (named.length === 0) return null;
  return (
    `X matrix deemed to be singular; variable ${named.join(', ')}: aliased with the other covariates or ` +
    'constant in the rows used, coefficient NA (as R coxph)'
  );
}

/**
 * Coefficients with 0 for the NA (aliased) ones, as R's predictions and curves use them
 * (`ifelse(is.na(coef), 0, coef)`).
 * @example estimableCoefficients(fit) // Float64Array, 0 where fit.coefficients is NaN
 */
export function estimableCoefficients(model: { coefficients: Float64Array }): Float64Array {
  return model.coefficients.map((b) => (Number.isNaN(b) ? 0 : b));
}

/** The rows and columns `keep` of a p x p row-major matrix. */
export function subMatrix(m: Float64Array, p: number, keep: readonly number[]): Float64Array {
  const q = keep.length;
  const out = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) out[a * q + b] = m[keep[a] * p + keep[b]];
  return out;
}
