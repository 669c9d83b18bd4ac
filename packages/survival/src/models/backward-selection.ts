import { assertInRange, assertOneOf, chiSquareSurvival, type TableLike, TaceError } from '@tace/core';
import { type CoxColumns, type CoxModel, type CoxphOptions, coxph } from '../cox/coxph.js';
import { symmetricSubmatrixInverse } from './wald.js';

/** Options for {@link backwardSelection}. */
export interface BackwardSelectionOptions extends CoxphOptions {
  /**
   * `'aic'`: drop the term whose removal lowers AIC = -2 log L + k edf the most, until none does (R `step(fit,
   * direction = "backward")`); `'p'`: drop the term with the largest Wald p-value above `threshold` (a
   * categorical term by its joint Wald test), until all are below.
   * @default 'aic'
   */
  criterion?: 'aic' | 'p';
  /** AIC penalty per degree of freedom, as `step(k)`. @default 2 */
  k?: number;
  /** p-value to stay in the model (`criterion: 'p'`). @default 0.05 */
  threshold?: number;
  /** Terms that are never dropped (e.g. the imaging score). @default [] */
  keep?: readonly string[];
}

/** One step of the selection. */
export interface SelectionStep {
  /** Term removed at this step. */
  dropped: string;
  /** AIC after the step (`'aic'`), or the dropped term's p-value (`'p'`). */
  value: number;
}

/** Result of {@link backwardSelection}. */
export interface BackwardSelectionResult {
  /** The final model (null when every term was dropped). */
  model: CoxModel | null;
  /** Terms kept, in their original order. */
  selected: string[];
  /** Steps taken, in order. */
  steps: SelectionStep[];
  /** AIC of the starting and of the final model. */
  aic: [start: number, final: number];
}

/**
 * AIC of a Cox fit as R `extractAIC.coxph`: `-2 loglik + k * edf`, where `edf` counts the estimated
 * coefficients (an aliased or constant column, NaN as R's NA, does not count).
 * @example coxAic(coxph(lung, { time: 'time', event: 'status', covariates: ['age', 'sex'] })) // 1489.70, as R
 */
export function coxAic(model: CoxModel, k = 2): number {
  let edf = 0;
  for (const b of model.coefficients) if (!Number.isNaN(b)) edf++;
  return -2 * model.loglik[1] + k * edf;
}

/**
 * Backward elimination of Cox model terms, by AIC (as R `step(..., direction = "backward")`) or by Wald
 * p-value. Categorical terms are added and dropped as a whole (all their treatment contrasts).
 *
 * @throws {TaceError} as {@link coxph}; `INVALID_ARGUMENT` for an unknown criterion or a `keep` term not
 * among the covariates.
 * @example
 * ```ts
 * const crm = backwardSelection(
 *   train,
 *   { time: 'os', event: 'death', covariates: ['fusion', 'albi', 'afp', 'bclc'], categorical: ['bclc'] },
 *   { keep: ['fusion'] },
 * );
 * crm.selected; // e.g. ['fusion', 'albi', 'bclc']
 * ```
 */
export function backwardSelection(
  table: TableLike,
  columns: CoxColumns,
  options: BackwardSelectionOptions = {},
): BackwardSelectionResult {
  const criterion = options.criterion ?? 'aic';
  assertOneOf(criterion, 'criterion', ['aic', 'p']);
  const k = options.k ?? 2;
  assertInRange(k, 'k', 0, Number.POSITIVE_INFINITY);
  const threshold = options.threshold ?? 0.05;
  assertInRange(threshold, 'threshold', 0, 1);
  const keep = new Set(options.keep ?? []);
  for (const term of keep) {
    if (!columns.covariates.includes(term)) {
      throw new TaceError('INVALID_ARGUMENT', `keep names '${term}', which is not a covariate`, {
        param: 'keep',
      });
    }
  }
  const fit = (covariates: string[]): CoxModel | null =>
    covariates.length === 0
      ? null
      : coxph(
          table,
          { ...columns, covariates, categorical: columns.categorical?.filter((c) => covariates.includes(c)) },
          options,
        );
  let current = [...columns.covariates];
  let model = fit(current);
  if (model === null) throw new TaceError('INVALID_ARGUMENT', 'covariates is empty', { param: 'covariates' });
  const nullLoglik = model.loglik[0];
  const aicOf = (m: CoxModel | null) => (m === null ? -2 * nullLoglik : coxAic(m, k));
  const startAic = aicOf(model);
  const steps: SelectionStep[] = [];
  for (;;) {
    const candidates = current.filter((term) => !keep.has(term));
    if (candidates.length === 0 || model === null) break;
    if (criterion === 'aic') {
      let best: { term: string; model: CoxModel | null; aic: number } | null = null;
      for (const term of candidates) {
        const reduced = fit(current.filter((c) => c !== term));
        const aic = aicOf(reduced);
        if (best === null || aic < best.aic) best = { term, model: reduced, aic };
      }
      if (best === null || !(best.aic < aicOf(model))) break;
      current = current.filter((c) => c !== best.term);
      model = best.model;
      steps.push({ dropped: best.term, value: best.aic });
    } else {
      let worst: { term: string; p: number } | null = null;
      for (const term of candidates) {
        const p = termWaldPValue(model, term);
        if (worst === null || p > worst.p) worst = { term, p };
      }
      if (worst === null || !(worst.p > threshold)) break;
      current = current.filter((c) => c !== worst.term);
      model = fit(current);
      steps.push({ dropped: worst.term, value: worst.p });
    }
  }
  return { model, selected: current, steps, aic: [startAic, aicOf(model)] };
}

/** Wald test p-value of one term (all its coefficients jointly, for a categorical term). */
export function termWaldPValue(model: CoxModel, term: string): number {
  const entry = model.terms.find((t) => t.name === term);
  if (entry === undefined)
    throw new TaceError('INVALID_ARGUMENT', `no term '${term}' in the model`, { param: 'term' });
  const columns = entry.columns;
  if (columns.length === 1) return model.pValue[columns[0]];
  const p = model.coefficients.length;
  const inverse = symmetricSubmatrixInverse(model.variance.data, p, columns);
  let statistic = 0;
  for (let a = 0; a < columns.length; a++) {
    for (let b = 0; b < columns.length; b++) {
      statistic +=
        model.coefficients[columns[a]] * inverse[a * columns.length + b] * model.coefficients[columns[b]];
    }
  }
  return chiSquareSurvival(statistic, columns.length);
}
