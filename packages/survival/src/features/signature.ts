import { getColumn, isMissing, rowCount, type TableLike, TaceError } from '@tace/core';
import type { CoxnetFit } from '../penalized/coxnet.js';
import { coxnetCoefficients } from '../penalized/predict-coxnet.js';
import type { ZScoreModel } from './z-score.js';

/**
 * A linear prognostic score ("rad-score", "DL score"): `score = sum_j coefficient_j * (x_j - center_j) /
 * scale_j` over the selected features, read from a table by column name.
 */
export interface Signature {
  name: string;
  /** Selected feature (column) names. */
  features: string[];
  coefficients: Float64Array;
  /** Centre and scale applied to each feature before the coefficient (0 and 1 when none). */
  center: Float64Array;
  scale: Float64Array;
  /** The lambda the coefficients were taken at (NaN when built by hand). */
  lambda: number;
  /** The score as text, e.g. `rad_score = 0.41 * (glcm_Contrast - 12.3) / 4.5 - 0.2 * dl_12`. */
  formula: string;
}

/** Options of {@link signatureFromCoxnet}. */
export interface SignatureOptions {
  /** Name of the score. @default 'rad_score' */
  name?: string;
  /** The z-score model the coxnet input was standardised with: the signature then applies to raw
   * features. @default none */
  zScore?: ZScoreModel;
  /** Significant digits in the formula text (the coefficients themselves are kept exactly). @default 4 */
  digits?: number;
}

/**
 * The signature of a penalised Cox fit at one lambda (e.g. `cv.lambdaMin` or `cv.lambda1se`): the features
 * with non-zero coefficients, their coefficients, and the score formula.
 * @throws {TaceError} `INVALID_ARGUMENT` when `zScore` does not describe the fit's columns.
 * @example
 * ```ts
 * const sig = signatureFromCoxnet(cv.fit, cv.lambda1se, { name: 'rad_score', zScore: z });
 * sig.formula; applySignature(sig, testTable);
 * ```
 */
export function signatureFromCoxnet(
  fit: CoxnetFit,
  lambda: number,
  options: SignatureOptions = {},
): Signature {
  const name = options.name ?? 'rad_score';
  const digits = options.digits ?? 4;
  const beta = coxnetCoefficients(fit, lambda);
  const z = options.zScore;
  if (z !== undefined && z.columnNames.length !== fit.nCols) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `zScore has ${z.columnNames.length} features but the fit has ${fit.nCols}`,
      {
        param: 'zScore',
      },
    );
  }
  const features: string[] = [];
  const coefficients: number[] = [];
  const center: number[] = [];
  const scale: number[] = [];
  for (let j = 0; j < fit.nCols; j++) {
    if (beta[j] === 0) continue;
    features.push(z === undefined ? fit.columnNames[j] : z.columnNames[j]);
    coefficients.push(beta[j]);
    center.push(z === undefined ? 0 : z.mean[j]);
    scale.push(z === undefined ? 1 : z.sd[j]);
  }
  const terms = features.map((f, t) => {
    const c = coefficients[t];
    const value = Math.abs(c).toPrecision(digits);
    const x =
      center[t] === 0 && scale[t] === 1
        ? f
        : `(${f} - ${center[t].toPrecision(digits)}) / ${scale[t].toPrecision(digits)}`;
    return `${t === 0 ? (c < 0 ? '-' : '') : c < 0 ? ' - ' : ' + '}${value} * ${x}`;
  });
  return {
    name,
    features,
    coefficients: Float64Array.from(coefficients),
    center: Float64Array.from(center),
    scale: Float64Array.from(scale),
    lambda,
    formula: `${name} = ${terms.length === 0 ? '0' : terms.join('')}`,
  };
}

/**
 * Computes a {@link Signature}'s score for every row of a table (columns found by name; other columns
 * ignored).
 * @throws {TaceError} `COLUMN_NOT_FOUND` for a missing feature column; `MISSING_VALUE` for a missing or
 *   non-numeric value, naming the column and row.
 * @example applySignature(sig, { glcm_Contrast: [10, 14], dl_12: [0.2, -0.1] })
 */
export function applySignature(signature: Signature, table: TableLike): Float64Array {
  const n = rowCount(table);
  const score = new Float64Array(n);
  signature.features.forEach((feature, t) => {
    const column = getColumn(table, feature);
    const c = signature.coefficients[t] / signature.scale[t];
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (isMissing(v) || typeof v !== 'number') {
        throw new TaceError('MISSING_VALUE', `column '${feature}' has no numeric value at row ${i + 1}`, {
          param: `column '${feature}'`,
          remedy: 'impute the feature or drop the patient before scoring',
        });
      }
      score[i] += c * (v - signature.center[t]);
    }
  });
  return score;
}
