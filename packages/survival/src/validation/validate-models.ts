import {
  assertOneOf,
  type ColumnTable,
  normalQuantile,
  numericColumn,
  quantile,
  type RandomSource,
  stringColumn,
  type TableLike,
  TaceError,
} from '@tace/core';
import { type CoxModel, coxph } from '../cox/coxph.js';
import { maxstatCutpoint } from '../cutpoints/maxstat-cutpoint.js';
import { applyCutpoints, quantileCutpoints } from '../cutpoints/quantile-cutpoint.js';
import { largestDistinctQuantileGroups } from '../internal/quantile-groups.js';
import { type CalibrationResult, calibration } from '../metrics/calibration.js';
import { concordance } from '../metrics/concordance.js';
import { type DecisionCurveResult, decisionCurve } from '../metrics/decision-curve.js';
import { timeDependentAuc } from '../metrics/time-dependent-auc.js';
import { type KaplanMeierResult, kaplanMeier } from '../nonparametric/kaplan-meier.js';
import { logRank } from '../nonparametric/log-rank.js';
import { bootstrapConcordance, seedOf } from './bootstrap-concordance.js';
import { concordanceReplicates } from './bootstrap-replicates.js';
import { compareConcordance } from './compare-concordance.js';
import { aucRows, brierRows, type MetricRow, rmstRows } from './inference-rows.js';
import { predictCoxCohort } from './predicted-survival.js';

/** A cohort to validate on: its role in the study and its table (outcome + every model's covariates). */
export interface ValidationCohort {
  name: string;
  role: 'training' | 'internal' | 'external';
  table: TableLike;
}

/** A model to validate: a Cox model fitted on the training cohort (a clinical score enters as a covariate). */
export interface ValidationModel {
  name: string;
  fit: CoxModel;
}

/** Options for {@link validateModels}. */
export interface ValidateModelsOptions {
  /** Outcome columns in every cohort table. */
  time: string;
  event: string;
  /** Times for td-AUC (same unit as `time`). @default [12, 24, 36] */
  times?: number[];
  /** Time of the calibration and decision-curve analyses. @default times[1] ?? times[0] */
  calibrationTime?: number;
  /** Risk groups for calibration. @default 5 */
  calibrationGroups?: number;
  /**
   * Bootstrap replicates for the C-index CIs and the paired comparison (seeded); 0 skips the bootstrap (CIs
   * NaN, no bootstrap comparison rows), e.g. when the CIs come from a sharded run. @default 200
   */
  bootstrapReplicates?: number;
  /** Seed or generator for the bootstrap. @default 1 */
  random?: RandomSource;
  /** Truncation time of Uno's C. @default the largest of `times` */
  tau?: number;
  /**
   * Truncation time tau of the restricted mean survival time by risk group (`survRM2::rmst2(tau)`); a cohort
   * whose follow-up does not reach it (survRM2's rule) gets NaN RMST rows.
   * @default the largest of `times`
   */
  rmstTau?: number;
  /** Model that the others are compared with (C-index difference, compareC and paired bootstrap). @default the first model */
  reference?: string;
  /**
   * How risk groups are cut on the training cohort and applied unchanged elsewhere: `'maxstat'` (maximally
   * selected log-rank, R maxstat), `'median'`, or `'tertiles'`.
   * @default 'maxstat'
   */
  cutpoint?: 'maxstat' | 'median' | 'tertiles';
  /** Subgroup columns (e.g. BCLC stage): risk-group log-rank within each level, per cohort. @default [] */
  subgroups?: string[];
}

/** One row of the tidy validation table. */
export interface ValidationRow {
  model: string;
  cohort: string;
  /**
   * e.g. `harrell_c`, `uno_c`, `td_auc@24`, `brier@24`, `ibs`, `calibration_error@24`, `logrank_p`,
   * `hazard_ratio`, `rmst@36[low]`, `rmst_difference@36`, `rmst_ratio@36`, `rmst_difference_p@36`,
   * `c_difference`, `compare_c_p`.
   */
  metric: string;
  estimate: number;
  lower: number;
  upper: number;
  /** Patients used. */
  n: number;
  /**
   * Standard error, where the metric has an analytic one (td-AUC: timeROC iid; Brier and IBS: influence
   * function; RMST and its difference; the ratio's on the log scale; C difference: Kang 2015); NaN otherwise.
   */
  stdErr: number;
}

/** Risk-group results of one model in one cohort. */
export interface RiskGroupResult {
  model: string;
  cohort: string;
  /** Group label per cohort row (null when the score is missing). */
  groups: (string | null)[];
  km: KaplanMeierResult;
  logRankPValue: number;
  subgroups: { column: string; level: string; n: number; logRankPValue: number }[];
}

/** Everything {@link validateModels} computes; `rows` is the tidy table. */
export interface ValidationResult {
  rows: ValidationRow[];
  /** Cut-points per model, fitted on the training cohort. */
  cutpoints: Record<string, number[]>;
  riskGroups: RiskGroupResult[];
  calibration: { model: string; cohort: string; result: CalibrationResult }[];
  decisionCurves: { model: string; cohort: string; result: DecisionCurveResult }[];
  /** Per cohort and model, the row indices used and the linear predictor (for figures and re-use). */
  predictions: { model: string; cohort: string; rows: Int32Array; linearPredictor: Float64Array }[];
  /** The rows as a column table (model, cohort, metric, estimate, lower, upper, n, stdErr). */
  toTable(): ColumnTable;
}

/**
 * Multicentre validation of several Cox models fitted on the training cohort: for each model and cohort,
 * Harrell's C with a seeded bootstrap 95% CI, Uno's C (truncated at `tau`) with its CI, cumulative/dynamic
 * td-AUC at `times` (IPCW, riskRegression's estimate) with timeROC's iid SE and Wald 95% CI, the Brier score
 * at `times` and the integrated Brier score over them with riskRegression's influence-function SEs and CIs,
 * calibration at `calibrationTime`
 * (summarised as the n-weighted mean absolute difference between predicted and observed risk) and the
 * decision curve; the comparison of every model with the `reference` model on the same patients
 * (difference of C with the Kang 2015 variance, its p-value, and the paired bootstrap); and risk groups cut
 * on the training cohort (maxstat, median or tertiles of the linear predictor) applied unchanged to every
 * cohort, with Kaplan-Meier curves, log-rank p, the hazard ratio of the highest vs lowest group, and their
 * restricted mean survival times at `rmstTau` with the difference and ratio (CIs and p, as survRM2::rmst2;
 * log-rank within subgroups too). Everything is in one tidy table (`rows` / `toTable()`).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` without a training cohort, for an unknown reference model or option;
 * errors of the underlying metrics (no events in a cohort ...).
 */
export function validateModels(
  cohorts: readonly ValidationCohort[],
  models: readonly ValidationModel[],
  options: ValidateModelsOptions,
): ValidationResult {
  const training = cohorts.find((c) => c.role === 'training');
  if (training === undefined) {
    throw new TaceError('INVALID_ARGUMENT', 'no cohort has role "training"', {
      param: 'cohorts',
      remedy: 'mark the cohort the models were fitted on as training: cut-points are fitted there',
    });
  }
  if (models.length === 0)
    throw new TaceError('INVALID_ARGUMENT', 'no models to validate', { param: 'models' });
  const times = options.times ?? [12, 24, 36];
  const calibrationTime = options.calibrationTime ?? times[1] ?? times[0];
  const replicates = options.bootstrapReplicates ?? 200;
  if (!(replicates === 0 || (Number.isInteger(replicates) && replicates >= 10))) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `bootstrapReplicates must be 0 or an integer >= 10, but was ${replicates}`,
      {
        param: 'bootstrapReplicates',
      },
    );
  }
  const tau = options.tau ?? Math.max(...times);
  const rmstTau = options.rmstTau ?? Math.max(...times);
  const cutMethod = options.cutpoint ?? 'maxstat';
  assertOneOf(cutMethod, 'cutpoint', ['maxstat', 'median', 'tertiles']);
  const reference = options.reference ?? models[0].name;
  if (!models.some((m) => m.name === reference)) {
    throw new TaceError('INVALID_ARGUMENT', `reference '${reference}' is not one of the models`, {
      param: 'reference',
    });
  }
  const seed = seedOf(options.random ?? 1);
  const z = normalQuantile(0.975);
  const rows: ValidationRow[] = [];
  const result: Omit<ValidationResult, 'toTable'> = {
    rows,
    cutpoints: {},
    riskGroups: [],
    calibration: [],
    decisionCurves: [],
    predictions: [],
  };
  const push = (
    model: string,
    cohort: string,
    metric: string,
    estimate: number,
    n: number,
    lower = Number.NaN,
    upper = Number.NaN,
    stdErr = Number.NaN,
  ) => rows.push({ model, cohort, metric, estimate, lower, upper, n, stdErr });
  const pushAll = (model: string, cohort: string, metrics: readonly MetricRow[]) => {
    for (const r of metrics) push(model, cohort, r.metric, r.estimate, r.n, r.lower, r.upper, r.stdErr);
  };

  // Cut-points on the training cohort's linear predictor.
  const trainingTime = numericColumn(training.table, options.time);
  const trainingEvent = numericColumn(training.table, options.event);
  for (const model of models) {
    const prediction = predictCoxCohort(model.fit, training.table, []);
    const t = Float64Array.from(prediction.rows, (r) => trainingTime[r]);
    const e = Float64Array.from(prediction.rows, (r) => trainingEvent[r]);
    const lp = prediction.linearPredictor;
    result.cutpoints[model.name] =
      cutMethod === 'maxstat'
        ? [maxstatCutpoint(t, e, lp).cutpoint]
        : Array.from(quantileCutpoints(lp, cutMethod === 'median' ? [0.5] : [1 / 3, 2 / 3]));
  }

  for (const cohort of cohorts) {
    const time = numericColumn(cohort.table, options.time);
    const event = numericColumn(cohort.table, options.event);
    const predictions = new Map(
      models.map((m) => [m.name, predictCoxCohort(m.fit, cohort.table, times.concat([calibrationTime]))]),
    );
    for (const model of models) {
      const p = predictions.get(model.name)!;
      result.predictions.push({
        model: model.name,
        cohort: cohort.name,
        rows: p.rows,
        linearPredictor: p.linearPredictor,
      });
      const t = Float64Array.from(p.rows, (r) => time[r]);
      const e = Float64Array.from(p.rows, (r) => event[r]);
      const n = t.length;
      // Uno's C is truncated at tau; Harrell's uses all comparable pairs (as R concordance()). Both on the
      // same resamples: replicate b of this target has its own seed (a sharded run gives the same CIs).
      const cs = concordancesWithIntervals(t, e, p.linearPredictor, {
        replicates,
        seed,
        stream: `${cohort.name}|${model.name}`,
        tau,
      });
      for (const c of cs) push(model.name, cohort.name, `${c.method}_c`, c.estimate, n, c.lower, c.upper);
      const auc = timeDependentAuc(t, e, p.linearPredictor, { times });
      pushAll(model.name, cohort.name, aucRows(t, e, p.linearPredictor, times, auc.auc));
      pushAll(model.name, cohort.name, brierRows(t, e, p.survival.slice(0, times.length), times));
      const risk = p.survival[times.length].map((s) => 1 - s);
      const cal = calibration(t, e, risk, {
        time: calibrationTime,
        // Tied predictions (a graded score) support fewer quantile groups: use as many as have distinct breaks.
        groups: largestDistinctQuantileGroups(risk, options.calibrationGroups ?? 5),
      });
      result.calibration.push({ model: model.name, cohort: cohort.name, result: cal });
      let error = 0;
      let weight = 0;
      cal.n.forEach((count, g) => {
        if (Number.isFinite(cal.observed[g])) {
          error += count * Math.abs(cal.predicted[g] - cal.observed[g]);
          weight += count;
        }
      });
      push(model.name, cohort.name, `calibration_error@${calibrationTime}`, error / weight, n);
      result.decisionCurves.push({
        model: model.name,
        cohort: cohort.name,
        result: decisionCurve(t, e, risk, { time: calibrationTime }),
      });
      // Risk groups with the training cut-points.
      const cuts = result.cutpoints[model.name];
      const labels = cuts.length === 1 ? ['low', 'high'] : ['low', 'intermediate', 'high'];
      const groupsUsed = applyCutpoints(p.linearPredictor, cuts, { labels });
      const groups: (string | null)[] = new Array(time.length).fill(null);
      p.rows.forEach((row, i) => {
        groups[row] = groupsUsed[i];
      });
      const present = new Set(groupsUsed);
      if (present.size < 2) {
        push(model.name, cohort.name, 'logrank_p', Number.NaN, n);
        continue;
      }
      const km = kaplanMeier(t, e, { group: groupsUsed as string[] });
      const lr = logRank(t, e, groupsUsed as string[]);
      push(model.name, cohort.name, 'logrank_p', lr.pValue, n);
      const highest = labels.filter((l) => present.has(l)).at(-1)!;
      const lowest = labels.find((l) => present.has(l))!;
      const indicator = { time: [] as number[], event: [] as number[], high: [] as number[] };
      groupsUsed.forEach((g, i) => {
        if (g === highest || g === lowest) {
          indicator.time.push(t[i]);
          indicator.event.push(e[i]);
          indicator.high.push(g === highest ? 1 : 0);
        }
      });
      const hr = coxph(indicator, { time: 'time', event: 'event', covariates: ['high'] });
      push(
        model.name,
        cohort.name,
        'hazard_ratio',
        hr.hazardRatios[0],
        indicator.time.length,
        hr.lower[0],
        hr.upper[0],
      );
      pushAll(
        model.name,
        cohort.name,
        rmstRows(indicator.time, indicator.event, indicator.high, [lowest, highest], rmstTau),
      );
      const subgroups: RiskGroupResult['subgroups'] = [];
      for (const column of options.subgroups ?? []) {
        const values = stringColumn(cohort.table, column);
        const levels = [
          ...new Set(Array.from(p.rows, (r) => values[r]).filter((v): v is string => v !== null)),
        ].sort();
        for (const level of levels) {
          const keep = Array.from(p.rows.keys()).filter((i) => values[p.rows[i]] === level);
          const g = keep.map((i) => groupsUsed[i] as string);
          if (new Set(g).size < 2 || keep.every((i) => e[i] === 0)) continue;
          const sub = logRank(
            keep.map((i) => t[i]),
            keep.map((i) => e[i]),
            g,
          );
          subgroups.push({ column, level, n: keep.length, logRankPValue: sub.pValue });
          push(model.name, cohort.name, `logrank_p[${column}=${level}]`, sub.pValue, keep.length);
        }
      }
      result.riskGroups.push({
        model: model.name,
        cohort: cohort.name,
        groups,
        km,
        logRankPValue: lr.pValue,
        subgroups,
      });
    }
    // Comparisons with the reference model, on the patients both can score.
    const ref = predictions.get(reference)!;
    for (const model of models) {
      if (model.name === reference) continue;
      const other = predictions.get(model.name)!;
      const position = new Map(Array.from(other.rows, (r, i) => [r, i]));
      const common = Array.from(ref.rows.keys()).filter((i) => position.has(ref.rows[i]));
      if (common.length < 4) continue;
      const t = common.map((i) => time[ref.rows[i]]);
      const e = common.map((i) => event[ref.rows[i]]);
      const a = common.map((i) => ref.linearPredictor[i]);
      const b = common.map((i) => other.linearPredictor[position.get(ref.rows[i])!]);
      const kang = compareConcordance(t, e, a, b);
      const sd = Math.sqrt(kang.varianceDifference);
      push(
        `${reference} vs ${model.name}`,
        cohort.name,
        'c_difference',
        kang.difference,
        common.length,
        kang.difference - z * sd,
        kang.difference + z * sd,
        sd,
      );
      push(`${reference} vs ${model.name}`, cohort.name, 'compare_c_p', kang.pValue, common.length);
      if (replicates === 0) continue;
      const paired = bootstrapConcordance(t, e, [a, b], {
        replicates,
        random: seed,
        stream: `${cohort.name}|${reference} vs ${model.name}`,
      });
      push(
        `${reference} vs ${model.name}`,
        cohort.name,
        'bootstrap_c_difference',
        paired.difference.estimate,
        common.length,
        paired.difference.lower,
        paired.difference.upper,
      );
      push(
        `${reference} vs ${model.name}`,
        cohort.name,
        'bootstrap_c_p',
        paired.difference.pValue,
        common.length,
      );
    }
  }
  return {
    ...result,
    toTable: () => ({
      model: rows.map((r) => r.model),
      cohort: rows.map((r) => r.cohort),
      metric: rows.map((r) => r.metric),
      estimate: Float64Array.from(rows, (r) => r.estimate),
      lower: Float64Array.from(rows, (r) => r.lower),
      upper: Float64Array.from(rows, (r) => r.upper),
      n: Float64Array.from(rows, (r) => r.n),
      stdErr: Float64Array.from(rows, (r) => r.stdErr),
    }),
  };
}

/**
 * Harrell's and Uno's C with percentile-bootstrap CIs from the same resamples (the one bootstrap loop), or
 * with NaN limits when `replicates` is 0.
 */
function concordancesWithIntervals(
  t: Float64Array,
  e: Float64Array,
  risk: Float64Array,
  options: { replicates: number; seed: number; stream: string; tau: number },
): { method: 'harrell' | 'uno'; estimate: number; lower: number; upper: number }[] {
  const metrics = [
    { method: 'harrell' as const, tau: Number.POSITIVE_INFINITY },
    { method: 'uno' as const, tau: options.tau },
  ];
  const estimates = metrics.map((m) => concordance(t, e, risk, m).concordance);
  if (options.replicates === 0) {
    return metrics.map((m, k) => ({
      method: m.method,
      estimate: estimates[k],
      lower: Number.NaN,
      upper: Number.NaN,
    }));
  }
  const draws = concordanceReplicates(t, e, [risk], {
    seed: options.seed,
    stream: options.stream,
    end: options.replicates,
    metrics,
  });
  return metrics.map((m, k) => {
    const [lower, upper] = quantile(draws[k][0], [0.025, 0.975]);
    return { method: m.method, estimate: estimates[k], lower, upper };
  });
}
