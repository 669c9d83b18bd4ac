import {
  completeCases,
  numericColumn,
  type RandomSource,
  rowCount,
  type TableLike,
  TaceError,
} from '@tace/core';
import { correlationFilter } from '../features/correlation-filter.js';
import { applySignature, type Signature, signatureFromCoxnet } from '../features/signature.js';
import { univariateCox } from '../features/univariate-cox.js';
import { applyZScore, fitZScore } from '../features/z-score.js';
import { cvCoxnet } from '../penalized/cv-coxnet.js';
import type { DesignMatrix } from '../penalized/design-matrix.js';

/** Options for {@link buildSignature}. */
export interface BuildSignatureOptions {
  /** Name of the signature (its score column in formulas and messages). @default 'rad_score' */
  name?: string;
  /** Univariate Cox Wald p-value to pass the screening step. @default 0.05 */
  univariateP?: number;
  /** If fewer features pass, keep this many with the smallest p-values. @default 10 */
  minCandidates?: number;
  /** Pearson |r| above which the less outcome-associated feature of a pair is dropped. @default 0.9 */
  correlationThreshold?: number;
  /** Elastic-net mixing (1 = LASSO), as glmnet `alpha`. @default 1 */
  alpha?: number;
  /** Cross-validation folds (stratified by event). @default 10 */
  nFolds?: number;
  /** Seed for the folds. @default 1 */
  random?: RandomSource;
  /** Penalty: glmnet's `'lambdaMin'` or the sparser `'lambda1se'`. @default 'lambdaMin' */
  lambda?: 'lambdaMin' | 'lambda1se';
}

/** Columns of {@link buildSignature}: the outcome and the candidate feature columns. */
export interface BuildSignatureColumns {
  time: string;
  event: string;
  features: readonly string[];
}

/** A signature with the record of how its features were narrowed. */
export interface SignaturePipelineResult {
  signature: Signature;
  /** Features left after each step. */
  steps: {
    candidates: number;
    nonConstant: number;
    univariate: number;
    nonRedundant: number;
    selected: number;
  };
  /** Training patients used (complete features and outcome) and dropped. */
  n: number;
  omitted: number;
}

/** Column-major matrix of the given columns over the given rows. */
function designOf(table: TableLike, columns: readonly string[], rows: Int32Array): DesignMatrix {
  const n = rows.length;
  const data = new Float64Array(n * columns.length);
  columns.forEach((name, j) => {
    const x = numericColumn(table, name);
    for (let i = 0; i < n; i++) data[j * n + i] = x[rows[i]];
  });
  return { data, rows: n, columns: columns.length, columnNames: columns };
}

/**
 * Builds a signature as radiomics studies build a rad-score, every step fitted on the training cohort only:
 * z-scoring (`fitZScore`, constant features dropped), univariate Cox screening (`univariateCox`, Wald p <
 * `univariateP`), the correlation-redundancy filter (`correlationFilter` keeping the more outcome-associated
 * feature, by |z|), and a LASSO-Cox with stratified 10-fold cross-validation (`cvCoxnet`, glmnet's
 * algorithm), read at `lambda` by `signatureFromCoxnet` so that it applies to raw features.
 * @throws {TaceError} `EMPTY_INPUT` with fewer than 20 complete training patients; the steps' errors.
 */
export async function buildSignature(
  training: TableLike,
  columns: BuildSignatureColumns,
  options: BuildSignatureOptions = {},
): Promise<SignaturePipelineResult> {
  const { time, event, features } = columns;
  const name = options.name ?? 'rad_score';
  const cc = completeCases(training, [time, event, ...features], 'omit');
  const n = cc.rows.length;
  if (n < 20) {
    throw new TaceError(
      'EMPTY_INPUT',
      `${name}: only ${n} training patients have every feature and the outcome`,
      {
        param: 'features',
        remedy: 'check the feature table for failed extractions',
      },
    );
  }
  const t = Float64Array.from(cc.rows, (r) => numericColumn(training, time)[r]);
  const e = Float64Array.from(cc.rows, (r) => numericColumn(training, event)[r]);
  const raw = designOf(training, features, cc.rows);
  const z = fitZScore(raw, { constantColumns: 'drop' });
  const standardised = applyZScore(z, raw);
  const screening = univariateCox(standardised, t, e);
  const byP = Array.from(screening.pValue.keys()).sort((a, b) => screening.pValue[a] - screening.pValue[b]);
  const passing = byP.filter((j) => screening.pValue[j] < (options.univariateP ?? 0.05));
  const minCandidates = options.minCandidates ?? 10;
  const candidates = (passing.length >= minCandidates ? passing : byP.slice(0, minCandidates)).sort(
    (a, b) => a - b,
  );
  const screened = designOf(
    Object.fromEntries(z.columnNames.map((c, j) => [c, standardised.data.subarray(j * n, (j + 1) * n)])),
    candidates.map((j) => z.columnNames[j]),
    Int32Array.from({ length: n }, (_, i) => i),
  );
  const redundancy = correlationFilter(
    screened,
    candidates.map((j) => Math.abs(screening.z[j])),
    { threshold: options.correlationThreshold ?? 0.9 },
  );
  const chosen = Array.from(redundancy.kept, (k) => candidates[k]);
  const rawChosen = designOf(
    training,
    chosen.map((j) => z.columnNames[j]),
    cc.rows,
  );
  const zChosen = fitZScore(rawChosen);
  const cv = await cvCoxnet(applyZScore(zChosen, rawChosen), t, e, {
    nFolds: options.nFolds ?? 10,
    random: options.random ?? 1,
    stratifyByEvent: true,
    alpha: options.alpha ?? 1,
    standardize: false,
  });
  const lambda = (options.lambda ?? 'lambdaMin') === 'lambda1se' ? cv.lambda1se : cv.lambdaMin;
  const signature = signatureFromCoxnet(cv.fit, lambda, { name, zScore: zChosen });
  return {
    signature,
    steps: {
      candidates: features.length,
      nonConstant: z.columnNames.length,
      univariate: candidates.length,
      nonRedundant: chosen.length,
      selected: signature.features.length,
    },
    n,
    omitted: cc.omitted,
  };
}

/**
 * A signature's score for every row of a table, NaN for rows where a selected feature is missing (for
 * example a patient whose extraction failed), instead of an error.
 */
export function scoreRows(signature: Signature, table: TableLike): Float64Array {
  const n = rowCount(table);
  const score = new Float64Array(n).fill(Number.NaN);
  if (signature.features.length === 0) return score.fill(0);
  const cc = completeCases(table, signature.features, 'omit');
  const subset: Record<string, Float64Array> = {};
  for (const feature of signature.features) {
    const x = numericColumn(table, feature);
    subset[feature] = Float64Array.from(cc.rows, (r) => x[r]);
  }
  const values = applySignature(signature, subset);
  cc.rows.forEach((row, i) => {
    score[row] = values[i];
  });
  return score;
}
