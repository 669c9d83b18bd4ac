import { TaceError } from '@tace/core';
import type {
  CalibrationResult,
  DecisionCurveResult,
  TimeDependentAucInferenceResult,
  ValidationResult,
} from '@tace/survival';
import type { SvgElement } from '../base/svg-element.js';
import { type LinePlotOptions, type LineSeries, linePlot } from './line-plot.js';
import { fitLegendLabel, legendRoom } from './line-plot-labels.js';

/** A time-dependent ROC curve of one model at one time (`timeDependentRoc(...)`'s fields plus a label). */
export interface RocCurveInput {
  label: string;
  /** False-positive rate (1 - specificity) per threshold, ascending. */
  falsePositiveRate: ArrayLike<number>;
  /** True-positive rate (sensitivity) per threshold. */
  truePositiveRate: ArrayLike<number>;
  /** Area under the curve, printed in the legend. */
  auc: number;
  /** Confidence limits of the AUC (e.g. `timeDependentAucInference(...)`), printed after it. @default undefined */
  aucLower?: number;
  aucUpper?: number;
  /**
   * The model's `timeDependentAucInference(...)` result: the AUC CI at this curve's `time` is taken from it
   * (when `aucLower`/`aucUpper` are not given). @default undefined
   */
  inference?: Pick<TimeDependentAucInferenceResult, 'times' | 'lower' | 'upper'>;
  /** Time of this curve, named in the legend when curves at several times are drawn together. @default undefined */
  time?: number;
}

/** The AUC confidence limits of a curve: given, or looked up in its inference result at its time. */
function aucInterval(c: RocCurveInput): [number, number] | undefined {
  if (c.aucLower !== undefined && c.aucUpper !== undefined) return [c.aucLower, c.aucUpper];
  if (c.inference === undefined || c.time === undefined) return undefined;
  const k = Array.from(c.inference.times).indexOf(c.time);
  if (k < 0)
    throw new TaceError('INVALID_ARGUMENT', `the inference result has no time ${c.time}`, {
      param: 'inference',
      remedy: `compute timeDependentAucInference at times including ${c.time}`,
    });
  return [c.inference.lower[k], c.inference.upper[k]];
}

/** Options of {@link timeDependentRocPlot}. */
export interface RocPlotOptions extends LinePlotOptions {
  /** Time of the curves, for the default title. @default undefined */
  time?: number;
  /** @default 'months' */
  timeUnit?: string;
}

/**
 * Time-dependent ROC curves (cumulative/dynamic) with their AUCs (and CIs when given, or taken from the
 * model's `timeDependentAucInference` result) in the legend, and the chance diagonal; curves of one model at
 * several times carry their `time`, as `timeROC`'s plot. Takes `timeDependentRoc(...)`'s curves plus a label.
 * @example
 * ```ts
 * const inference = timeDependentAucInference(time, event, lp, { times: [12, 24] });
 * timeDependentRocPlot([12, 24].map((t) => ({ label: 'CRM', ...timeDependentRoc(time, event, lp, t), inference })));
 * ```
 */
export function timeDependentRocPlot(
  curves: readonly RocCurveInput[],
  options: RocPlotOptions = {},
): SvgElement {
  const unit = options.timeUnit ?? 'months';
  const maxLabel = legendRoom(options);
  const series: LineSeries[] = curves.map((c) => {
    const ci = aucInterval(c);
    const suffix = `${c.time === undefined ? '' : `, ${c.time} ${unit}`}: AUC ${c.auc.toFixed(2)}${
      ci !== undefined ? ` (${ci[0].toFixed(2)}-${ci[1].toFixed(2)})` : ''
    }`;
    return {
      label: fitLegendLabel(c.label, suffix, maxLabel, options.theme),
      x: c.falsePositiveRate,
      y: c.truePositiveRate,
    };
  });
  const { time, timeUnit, ...rest } = options;
  return linePlot(series, {
    width: 640,
    height: 420,
    title:
      time === undefined ? 'Time-dependent ROC' : `Time-dependent ROC at ${time} ${timeUnit ?? 'months'}`,
    xLabel: '1 - specificity',
    yLabel: 'Sensitivity',
    xDomain: [0, 1],
    yDomain: [0, 1],
    diagonal: true,
    legendPosition: 'bottom-right',
    ...rest,
  });
}

/** Calibration at time t of one model: predicted vs observed survival per risk group. */
export interface CalibrationInput {
  label: string;
  /** Mean predicted survival at t per group. */
  predicted: ArrayLike<number>;
  /** Observed (Kaplan-Meier) survival at t per group. */
  observed: ArrayLike<number>;
  /** CI of the observed survival. @default undefined */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

/** Options of {@link calibrationPlot}. */
export interface CalibrationPlotOptions extends LinePlotOptions {
  /** Time of the calibration, for the default title. @default the result's `time` */
  time?: number;
  /** The model drawn when given a `ValidationResult` (one curve per cohort). @default its first model */
  model?: string;
  /** Legend label of a single `CalibrationResult`. @default 'Model' */
  label?: string;
  /** Unit of `time`, for the default title. @default 'months' */
  timeUnit?: string;
}

/** A calibration result (risk scale) as a survival calibration curve with the observed CI. */
function survivalCalibration(label: string, result: CalibrationResult): CalibrationInput {
  const survival = (risk: Float64Array) => risk.map((r) => 1 - r);
  return {
    label,
    predicted: survival(result.predicted),
    observed: survival(result.observed),
    lower: survival(result.observedUpper),
    upper: survival(result.observedLower),
  };
}

/** One survival calibration curve per cohort of a model in `validateModels(...)`'s result. */
function validationCalibration(validation: ValidationResult, model: string | undefined): CalibrationInput[] {
  const chosen = model ?? validation.calibration[0]?.model;
  if (!validation.calibration.some((c) => c.model === chosen))
    throw new TaceError('INVALID_ARGUMENT', `no calibration of model "${chosen}" in the validation result`, {
      param: 'model',
      remedy: `one of: ${[...new Set(validation.calibration.map((c) => c.model))].join(', ')}`,
    });
  return validation.calibration
    .filter((c) => c.model === chosen)
    .map((c) => survivalCalibration(c.cohort, c.result));
}

/**
 * Calibration curves (predicted vs observed Kaplan-Meier survival at t, as `rms::calibrate`'s plot) with the
 * observed 95% CIs as whiskers and the ideal diagonal. Takes `validateModels(...)`'s result (one curve per
 * cohort of `options.model`), one `calibration(...)` result (risks shown as survival 1 - risk), or curves.
 * The default title names the result's time.
 * @example calibrationPlot(validation, { model: 'CRM', timeUnit: 'months' })
 */
export function calibrationPlot(
  input: ValidationResult | CalibrationResult | readonly CalibrationInput[],
  options: CalibrationPlotOptions = {},
): SvgElement {
  const { model, timeUnit, label, ...rest } = options;
  let time = options.time;
  let curves: readonly CalibrationInput[];
  if (Array.isArray(input)) curves = input;
  else if ('observedLower' in input) {
    curves = [survivalCalibration(label ?? 'Model', input)];
    time ??= input.time;
  } else {
    const validation = input as ValidationResult;
    curves = validationCalibration(validation, model);
    time ??= validation.calibration[0]?.result.time;
  }
  const maxLabel = legendRoom(options);
  const series: LineSeries[] = curves.map((c) => ({
    label: fitLegendLabel(c.label, '', maxLabel, options.theme),
    x: c.predicted,
    y: c.observed,
    lower: c.lower,
    upper: c.upper,
  }));
  delete (rest as { time?: number }).time;
  return linePlot(series, {
    width: 640,
    height: 420,
    title: time === undefined ? 'Calibration' : `Calibration at ${time} ${timeUnit ?? 'months'}`,
    xLabel: 'Predicted survival',
    yLabel: 'Observed survival (Kaplan-Meier)',
    xDomain: [0, 1],
    yDomain: [0, 1],
    diagonal: true,
    points: true,
    legendPosition: 'bottom-right',
    ...rest,
  });
}

/**
 * Net benefit of one model (or strategy) over threshold probabilities: `{ label, ...decisionCurve(...) }`
 * fits (its `treatAll` is then the "treat all" curve).
 */
export interface DecisionCurveInput {
  label: string;
  thresholds: ArrayLike<number>;
  netBenefit: ArrayLike<number>;
  /** Net benefit of treating everyone at the same thresholds (`DecisionCurveResult.treatAll`). @default undefined */
  treatAll?: ArrayLike<number>;
  /** Time of the analysis (`DecisionCurveResult.time`), for the default title. @default undefined */
  time?: number;
}

/** Options of {@link decisionCurvePlot}. */
export interface DecisionCurvePlotOptions extends LinePlotOptions {
  /** The "treat all" strategy. @default the first model's `treatAll` */
  treatAll?: DecisionCurveInput;
  /** The cohort drawn when given a `ValidationResult` (one curve per model). @default its first cohort */
  cohort?: string;
  /** Time of the analysis, for the default title. @default the result's `time` */
  time?: number;
  /** Unit of `time`. @default 'months' */
  timeUnit?: string;
}

/** The models' decision curves in one cohort of `validateModels(...)`'s result. */
function validationDecisionCurves(
  validation: ValidationResult,
  cohort: string | undefined,
): { curves: DecisionCurveInput[]; time: number | undefined } {
  const chosen = cohort ?? validation.decisionCurves[0]?.cohort;
  const rows = validation.decisionCurves.filter((d) => d.cohort === chosen);
  if (rows.length === 0)
    throw new TaceError(
      'INVALID_ARGUMENT',
      `no decision curve of cohort "${chosen}" in the validation result`,
      {
        param: 'cohort',
        remedy: `one of: ${[...new Set(validation.decisionCurves.map((d) => d.cohort))].join(', ')}`,
      },
    );
  return {
    curves: rows.map((d) => ({ label: d.model, ...pickCurve(d.result) })),
    time: rows[0].result.time,
  };
}

const pickCurve = (r: DecisionCurveResult) => ({
  thresholds: r.thresholds,
  netBenefit: r.netBenefit,
  treatAll: r.treatAll,
});

/**
 * Decision curves (Vickers 2006, as `dcurves`/`rmda` plot them): net benefit of each model over threshold
 * probabilities, "treat all" (dashed gray) and "treat none" (zero). Takes `validateModels(...)`'s result (the
 * models in `options.cohort`) or `{ label, ...decisionCurve(...) }` curves; "treat all" comes from the first
 * curve's `treatAll` unless `options.treatAll` is given. The y axis stops at -0.05 below (as `dcurves`),
 * so the strongly negative end of "treat all" is clipped out of view.
 * The earlier form `decisionCurvePlot(models, treatAll, options)` is still accepted.
 * @throws {TaceError} `INVALID_ARGUMENT` without a "treat all" curve or for an unknown cohort.
 * @example decisionCurvePlot([{ label: 'CRM', ...decisionCurve(time, status, risk24, { time: 24 }) }])
 */
export function decisionCurvePlot(
  input: ValidationResult | readonly DecisionCurveInput[],
  optionsOrTreatAll: DecisionCurvePlotOptions | DecisionCurveInput = {},
  legacyOptions: LinePlotOptions = {},
): SvgElement {
  // 0.2.0 pre-release form: decisionCurvePlot(models, treatAll, options)
  const options: DecisionCurvePlotOptions =
    'netBenefit' in optionsOrTreatAll
      ? { ...legacyOptions, treatAll: optionsOrTreatAll as DecisionCurveInput }
      : (optionsOrTreatAll as DecisionCurvePlotOptions);
  const { treatAll: givenTreatAll, cohort, timeUnit, ...rest } = options;
  let time = options.time;
  let models: readonly DecisionCurveInput[];
  if (Array.isArray(input)) {
    models = input;
    time ??= models[0]?.time;
  } else {
    const v = validationDecisionCurves(input as ValidationResult, cohort);
    models = v.curves;
    time ??= v.time;
  }
  delete (rest as { time?: number }).time;
  const treatAll =
    givenTreatAll ??
    (models[0]?.treatAll !== undefined
      ? { label: 'Treat all', thresholds: models[0].thresholds, netBenefit: models[0].treatAll }
      : undefined);
  if (treatAll === undefined)
    throw new TaceError('INVALID_ARGUMENT', 'no "treat all" curve', {
      param: 'treatAll',
      remedy: 'pass options.treatAll, or curves with a treatAll field ({ label, ...decisionCurve(...) })',
    });
  const maxBenefit = Math.max(
    0.05,
    ...models.flatMap((m) => Array.from(m.netBenefit)).filter(Number.isFinite),
    ...Array.from(treatAll.netBenefit).filter(Number.isFinite),
  );
  const thresholds = Array.from(treatAll.thresholds);
  const clip = (values: ArrayLike<number>) => Array.from(values, (v) => (v < -0.05 ? Number.NaN : v));
  const series: LineSeries[] = [
    ...models.map((m) => ({
      label: fitLegendLabel(m.label, '', legendRoom(options), options.theme),
      x: m.thresholds,
      y: clip(m.netBenefit),
    })),
    {
      label: 'Treat all',
      x: treatAll.thresholds,
      y: clip(treatAll.netBenefit),
      dashed: true,
      color: '#777777',
    },
    {
      label: 'Treat none',
      x: [thresholds[0], thresholds[thresholds.length - 1]],
      y: [0, 0],
      color: '#000000',
    },
  ];
  return linePlot(series, {
    width: 640,
    height: 420,
    title: time === undefined ? 'Decision curves' : `Decision curves at ${time} ${timeUnit ?? 'months'}`,
    xLabel: 'Threshold probability',
    yLabel: 'Net benefit',
    yDomain: [-0.05, maxBenefit * 1.1],
    ...rest,
  });
}
