import { inverse, isTaceError, matrixToRows, TaceError } from '@tace/core';
import {
  columnLabel,
  type DesignInput,
  type DesignMatrix,
  toDesignMatrix,
} from '../penalized/design-matrix.js';
import { codeBatches } from './batch-levels.js';
import { nonParametricShrinkage, parametricShrinkage } from './combat-priors.js';

/** Options of {@link combat}; each mirrors the `sva::ComBat` argument named. */
export interface CombatOptions {
  /** Biological covariates to preserve (subjects x covariates, numeric, dummy-coded), as `mod` without
   * its intercept column. @default none */
  covariates?: DesignInput;
  /** Parametric empirical-Bayes priors (`par.prior`); false = non-parametric. @default true */
  parametric?: boolean;
  /** Adjust the batch means only, not the variances (`mean.only`). @default false */
  meanOnly?: boolean;
  /** A batch left unchanged, the others being aligned to it (`ref.batch`). @default none */
  referenceBatch?: string | number;
}

/**
 * Everything needed to apply the harmonisation again to new subjects of the same batches. Arrays indexed
 * by feature are of length `nFeatures`; `gammaStar`/`deltaStar` are `levels.length x nFeatures`
 * (`[b * nFeatures + j]`), `covariateCoef` is `nCovariates x nFeatures`.
 */
export interface CombatModel {
  levels: string[];
  referenceBatch: string | null;
  nFeatures: number;
  featureNames: string[];
  nCovariates: number;
  grandMean: Float64Array;
  varPooled: Float64Array;
  covariateCoef: Float64Array;
  gammaStar: Float64Array;
  deltaStar: Float64Array;
  /** Features left as they are (constant within a batch), 0-based. */
  unadjusted: Int32Array;
  parametric: boolean;
  meanOnly: boolean;
}

/** Result of {@link combat}. */
export interface CombatResult {
  /** Harmonised data, same shape and names as `x`. */
  adjusted: DesignMatrix;
  model: CombatModel;
}

/**
 * ComBat batch-effect harmonisation (Johnson, Li & Rabinovic 2007), as R `sva::ComBat(t(x), batch, mod)`
 * 3.46: per feature, a linear model on batch and covariates, standardisation by the pooled variance, then
 * empirical-Bayes shrinkage of the batch locations and scales (parametric or not) and back-transformation.
 * Features are columns of `x` (sva takes them as rows). Features constant within a batch are left
 * unadjusted, as sva does. Matches sva 3.46 to 1e-6 (see `test/features/combat.test.ts`).
 *
 * @param batch - batch (centre / scanner) label per subject.
 * @throws {TaceError} `INVALID_ARGUMENT` for a batch with one subject (sva silently switches to
 *   mean-only), fewer than two batches, an unknown `referenceBatch`, or covariates confounded with batch;
 *   `MISSING_VALUE` for NaN.
 * @example
 * ```ts
 * const { adjusted, model } = combat(features, centre, { covariates: [[1], [0], ...] });
 * const test = applyCombat(model, testFeatures, testCentre, { covariates: testCovariates });
 * ```
 */
export function combat(
  x: DesignInput,
  batch: ArrayLike<string | number>,
  options: CombatOptions = {},
): CombatResult {
  const matrix = toDesignMatrix(x);
  const { rows: n, columns: p, data } = matrix;
  const coding = codeBatches(batch, n);
  const nb = coding.levels.length;
  if (nb < 2) {
    throw new TaceError('INVALID_ARGUMENT', `ComBat needs at least 2 batches, but found ${nb}`, {
      param: 'batch',
    });
  }
  const single = coding.counts.indexOf(1);
  if (single >= 0) {
    throw new TaceError('INVALID_ARGUMENT', `batch '${coding.levels[single]}' has only one subject`, {
      param: 'batch',
      remedy: 'merge it with a similar batch or drop it (sva::ComBat would silently switch to mean-only)',
    });
  }
  const parametric = options.parametric ?? true;
  const meanOnly = options.meanOnly ?? false;
  let ref = -1;
  if (options.referenceBatch !== undefined) {
    ref = coding.levels.indexOf(String(options.referenceBatch));
    if (ref < 0) {
      throw new TaceError('INVALID_ARGUMENT', `referenceBatch '${options.referenceBatch}' is not a batch`, {
        param: 'referenceBatch',
        remedy: `use one of: ${coding.levels.join(', ')}`,
      });
    }
  }
  const covariates =
    options.covariates === undefined ? null : toDesignMatrix(options.covariates, 'covariates');
  if (covariates !== null && covariates.rows !== n) {
    throw new TaceError('LENGTH_MISMATCH', `covariates has ${covariates.rows} rows but x has ${n}`, {
      param: 'covariates',
    });
  }

  // Design: batch indicators (the reference column all ones), then the covariates that are not constant 1.
  const design: Float64Array[] = [];
  for (let b = 0; b < nb; b++)
    design.push(Float64Array.from(coding.code, (c) => (c === b || b === ref ? 1 : 0)));
  if (covariates !== null) {
    for (let c = 0; c < covariates.columns; c++) {
      const column = covariates.data.subarray(c * n, (c + 1) * n);
      if (!column.every((v) => v === 1)) design.push(Float64Array.from(column));
    }
  }
  const m = design.length;
  const nCov = m - nb;
  const xtxInverse = invertGram(design, m, nb);
  const batchInverse = invertGram(design.slice(0, nb), nb, nb);

  const kept: number[] = [];
  const unadjusted: number[] = [];
  for (let j = 0; j < p; j++)
    (constantWithinBatch(data, j * n, coding.code, coding.counts) ? unadjusted : kept).push(j);
  const features = Int32Array.from(kept);
  const k = features.length;

  const grandMean = new Float64Array(p);
  const varPooled = new Float64Array(p).fill(1);
  const covariateCoef = new Float64Array(nCov * p);
  const s = new Float64Array(n * p);
  const standMean = new Float64Array(n * p);
  const coef = new Float64Array(m);
  const xty = new Float64Array(m);
  for (const j of features) {
    const offset = j * n;
    leastSquares(design, m, xtxInverse, data, offset, xty, coef);
    let grand = 0;
    if (ref >= 0) grand = coef[ref];
    else for (let b = 0; b < nb; b++) grand += (coding.counts[b] / n) * coef[b];
    let ss = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (ref >= 0 && coding.code[i] !== ref) continue;
      let fitted = 0;
      for (let c = 0; c < m; c++) fitted += design[c][i] * coef[c];
      ss += (data[offset + i] - fitted) ** 2;
      count++;
    }
    grandMean[j] = grand;
    varPooled[j] = ss / count;
    for (let c = 0; c < nCov; c++) covariateCoef[c * p + j] = coef[nb + c];
    const sd = Math.sqrt(varPooled[j]);
    for (let i = 0; i < n; i++) {
      let mean = grand;
      for (let c = 0; c < nCov; c++) mean += design[nb + c][i] * coef[nb + c];
      standMean[offset + i] = mean;
      s[offset + i] = (data[offset + i] - mean) / sd;
    }
  }

  // Batch locations (regression of s on the batch design) and scales.
  const members = Array.from({ length: nb }, (_, b) => Int32Array.from(batchMembers(coding.code, b)));
  const gammaHat = Array.from({ length: nb }, () => new Float64Array(k));
  const deltaHat = Array.from({ length: nb }, () => new Float64Array(k).fill(1));
  const bty = new Float64Array(nb);
  const batchCoef = new Float64Array(nb);
  features.forEach((j, f) => {
    const offset = j * n;
    leastSquares(design, nb, batchInverse, s, offset, bty, batchCoef);
    for (let b = 0; b < nb; b++) {
      gammaHat[b][f] = batchCoef[b];
      if (!meanOnly) deltaHat[b][f] = sampleVariance(s, offset, members[b]);
    }
  });

  const gammaStar = new Float64Array(nb * p);
  const deltaStar = new Float64Array(nb * p).fill(1);
  const gStar = new Float64Array(k);
  const dStar = new Float64Array(k);
  for (let b = 0; b < nb; b++) {
    if (parametric) {
      const gammaBar = meanOf(gammaHat[b]);
      const t2 = varianceOf(gammaHat[b]);
      if (meanOnly) {
        for (let f = 0; f < k; f++) {
          gStar[f] = (t2 * gammaHat[b][f] + gammaBar) / (t2 + 1);
          dStar[f] = 1;
        }
      } else {
        const dm = meanOf(deltaHat[b]);
        const ds2 = varianceOf(deltaHat[b]);
        const aPrior = (2 * ds2 + dm * dm) / ds2;
        const bPrior = (dm * ds2 + dm ** 3) / ds2;
        parametricShrinkage(
          s,
          n,
          features,
          members[b],
          gammaHat[b],
          deltaHat[b],
          gammaBar,
          t2,
          aPrior,
          bPrior,
          gStar,
          dStar,
        );
      }
    } else {
      nonParametricShrinkage(s, n, features, members[b], gammaHat[b], deltaHat[b], gStar, dStar);
    }
    features.forEach((j, f) => {
      gammaStar[b * p + j] = b === ref ? 0 : gStar[f];
      deltaStar[b * p + j] = b === ref ? 1 : dStar[f];
    });
  }

  const model: CombatModel = {
    levels: coding.levels,
    referenceBatch: ref >= 0 ? coding.levels[ref] : null,
    nFeatures: p,
    featureNames: Array.from({ length: p }, (_, j) => columnLabel(matrix, j)),
    nCovariates: nCov,
    grandMean,
    varPooled,
    covariateCoef,
    gammaStar,
    deltaStar,
    unadjusted: Int32Array.from(unadjusted),
    parametric,
    meanOnly,
  };
  const adjusted = new Float64Array(data);
  for (const j of features) {
    const offset = j * n;
    const sd = Math.sqrt(varPooled[j]);
    for (let i = 0; i < n; i++) {
      const b = coding.code[i];
      if (b === ref) continue;
      adjusted[offset + i] =
        ((s[offset + i] - gammaStar[b * p + j]) / Math.sqrt(deltaStar[b * p + j])) * sd +
        standMean[offset + i];
    }
  }
  return { adjusted: { data: adjusted, rows: n, columns: p, columnNames: matrix.columnNames }, model };
}

/** Options of {@link applyCombat}. */
export interface ApplyCombatOptions {
  /** Covariates of the new subjects, same columns as at fitting (constant-one columns included). */
  covariates?: DesignInput;
}

/**
 * Applies a fitted {@link CombatModel} unchanged to new subjects from batches seen at fitting (e.g. later
 * patients of the same centres): the same standardisation, batch location/scale and back-transformation.
 * On the fitting data it reproduces `combat(...).adjusted`.
 * @throws {TaceError} `INVALID_ARGUMENT` for a batch not seen at fitting or a different number of features
 *   or covariates.
 * @example applyCombat(model, newFeatures, newCentre)
 */
export function applyCombat(
  model: CombatModel,
  x: DesignInput,
  batch: ArrayLike<string | number>,
  options: ApplyCombatOptions = {},
): DesignMatrix {
  const matrix = toDesignMatrix(x);
  const { rows: n, columns: p, data } = matrix;
  if (p !== model.nFeatures) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `x has ${p} features but the ComBat model has ${model.nFeatures}`,
      {
        param: 'x',
      },
    );
  }
  const labels = Array.from(batch, String);
  if (labels.length !== n) {
    throw new TaceError('LENGTH_MISMATCH', `batch has ${labels.length} labels for ${n} subjects`, {
      param: 'batch',
    });
  }
  const code = Int32Array.from(labels, (l) => {
    const b = model.levels.indexOf(l);
    if (b < 0) {
      throw new TaceError('INVALID_ARGUMENT', `batch '${l}' was not seen when the ComBat model was fitted`, {
        param: 'batch',
        remedy: 'refit ComBat including this batch (its location and scale must be estimated)',
      });
    }
    return b;
  });
  const covariates = nonConstantCovariates(options.covariates, n);
  if (covariates.length !== model.nCovariates) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `expected ${model.nCovariates} covariates, got ${covariates.length}`,
      {
        param: 'covariates',
      },
    );
  }
  const ref = model.referenceBatch === null ? -1 : model.levels.indexOf(model.referenceBatch);
  const skip = new Uint8Array(p);
  for (const j of model.unadjusted) skip[j] = 1;
  const out = new Float64Array(data);
  for (let j = 0; j < p; j++) {
    if (skip[j]) continue;
    const offset = j * n;
    const sd = Math.sqrt(model.varPooled[j]);
    for (let i = 0; i < n; i++) {
      const b = code[i];
      if (b === ref) continue;
      let mean = model.grandMean[j];
      for (let c = 0; c < covariates.length; c++) mean += covariates[c][i] * model.covariateCoef[c * p + j];
      const z = (data[offset + i] - mean) / sd;
      out[offset + i] =
        ((z - model.gammaStar[b * p + j]) / Math.sqrt(model.deltaStar[b * p + j])) * sd + mean;
    }
  }
  return { data: out, rows: n, columns: p, columnNames: matrix.columnNames };
}

function nonConstantCovariates(input: DesignInput | undefined, n: number): Float64Array[] {
  if (input === undefined) return [];
  const covariates = toDesignMatrix(input, 'covariates');
  if (covariates.rows !== n) {
    throw new TaceError('LENGTH_MISMATCH', `covariates has ${covariates.rows} rows but x has ${n}`, {
      param: 'covariates',
    });
  }
  const out: Float64Array[] = [];
  for (let c = 0; c < covariates.columns; c++) {
    const column = covariates.data.subarray(c * n, (c + 1) * n);
    if (!column.every((v) => v === 1)) out.push(Float64Array.from(column));
  }
  return out;
}

/** Row-major inverse of the Gram matrix of the first `m` design columns. */
function invertGram(design: Float64Array[], m: number, nBatches: number): Float64Array {
  const gram = Array.from({ length: m }, (_, r) =>
    Array.from({ length: m }, (_, c) => {
      let sum = 0;
      for (let i = 0; i < design[r].length; i++) sum += design[r][i] * design[c][i];
      return sum;
    }),
  );
  try {
    return Float64Array.from(matrixToRows(inverse(gram)).flat());
  } catch (error) {
    if (!isTaceError(error)) throw error;
    throw new TaceError(
      'INVALID_ARGUMENT',
      m > nBatches
        ? 'the covariates are confounded with batch (or with each other)'
        : 'the batch design is singular',
      {
        param: 'covariates',
        remedy: 'remove covariates that are constant within batches or collinear',
        cause: error,
      },
    );
  }
}

/** Coefficients `(D'D)^-1 D'y` of the first `m` design columns, `y` = `data[offset ..]`; `xty` is scratch. */
function leastSquares(
  design: Float64Array[],
  m: number,
  gramInverse: Float64Array,
  data: Float64Array,
  offset: number,
  xty: Float64Array,
  out: Float64Array,
): void {
  const n = design[0].length;
  for (let c = 0; c < m; c++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += design[c][i] * data[offset + i];
    xty[c] = sum;
  }
  for (let r = 0; r < m; r++) {
    let sum = 0;
    for (let c = 0; c < m; c++) sum += gramInverse[r * m + c] * xty[c];
    out[r] = sum;
  }
}

function constantWithinBatch(
  data: Float64Array,
  offset: number,
  code: Int32Array,
  counts: Int32Array,
): boolean {
  const first = new Float64Array(counts.length).fill(Number.NaN);
  const varies = new Uint8Array(counts.length);
  for (let i = 0; i < code.length; i++) {
    const b = code[i];
    if (Number.isNaN(first[b])) first[b] = data[offset + i];
    else if (data[offset + i] !== first[b]) varies[b] = 1;
  }
  for (let b = 0; b < counts.length; b++) if (counts[b] > 1 && !varies[b]) return true;
  return false;
}

function batchMembers(code: Int32Array, b: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < code.length; i++) if (code[i] === b) out.push(i);
  return out;
}

function sampleVariance(s: Float64Array, offset: number, members: Int32Array): number {
  let mean = 0;
  for (const i of members) mean += s[offset + i];
  mean /= members.length;
  let ss = 0;
  for (const i of members) ss += (s[offset + i] - mean) ** 2;
  return ss / (members.length - 1);
}

function meanOf(v: Float64Array): number {
  let sum = 0;
  for (const x of v) sum += x;
  return sum / v.length;
}

function varianceOf(v: Float64Array): number {
  const m = meanOf(v);
  let ss = 0;
  for (const x of v) ss += (x - m) ** 2;
  return ss / (v.length - 1);
}
