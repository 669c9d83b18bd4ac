import type { ValidationResult } from '@tace/survival';
import type { SvgElement } from '../base/svg-element.js';
import { type LinePlotOptions, type LineSeries, linePlot } from './line-plot.js';

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
  /** Time of this curve, named in the legend when curves at several times are drawn together. @default undefined */
  time?: number;
}

/** Options of {@link timeDependentRocPlot}. */
export interface RocPlotOptions extends LinePlotOptions {
  /** Time of the curves, for the default title. @default undefined */
  time?: number;
  /** @default 'months' */
  timeUnit?: string;
}

/**
 * Time-dependent ROC curves (cumulative/dynamic) with their AUCs (and CIs when given) in the legend, and the
 * chance diagonal; curves of one model at several times carry their `time`, as `timeROC`'s plot.
 * @example timeDependentRocPlot([{ label: 'CRM', ...timeDependentRoc(time, event, lp, 24) }], { time: 24 })
 */
export function timeDependentRocPlot(
  curves: readonly RocCurveInput[],
  options: RocPlotOptions = {},
): SvgElement {
  const unit = options.timeUnit ?? 'months';
  const series: LineSeries[] = curves.map((c) => ({
    label: `${c.label}${c.time === undefined ? '' : `, ${c.time} ${unit}`}: AUC ${c.auc.toFixed(2)}${
      c.aucLower !== undefined && c.aucUpper !== undefined
        ? ` (${c.aucLower.toFixed(2)}-${c.aucUpper.toFixed(2)})`
        : ''
    }`,
    x: c.falsePositiveRate,
    y: c.truePositiveRate,
  }));
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
  /** Time of the calibration, for the default title. @default undefined */
  time?: number;
  /** The model drawn when given a `ValidationResult` (one curve per cohort). @default its first model */
  model?: string;
  /** Unit of `time`, for the default title. @default 'months' */
  timeUnit?: string;
}

/** One survival calibration curve per cohort of a model in `validateModels(...)`'s result. */
function validationCalibration(validation: ValidationResult, model: string | undefined): CalibrationInput[] {
  const chosen = model ?? validation.calibration[0]?.model;
  const survival = (risk: Float64Array) => risk.map((r) => 1 - r);
  return validation.calibration
    .filter((c) => c.model === chosen)
    .map((c) => ({
      label: c.cohort,
      predicted: survival(c.result.predicted),
      observed: survival(c.result.observed),
      lower: survival(c.result.observedUpper),
      upper: survival(c.result.observedLower),
    }));
}

/**
 * Calibration curves (predicted vs observed survival at t) with the observed CIs as whiskers and the ideal
 * diagonal. Takes `validateModels(...)`'s result (one curve per cohort of `options.model`) or curves.
 * @example calibrationPlot(validation, { model: 'CRM', time: 24 })
 */
export function calibrationPlot(
  input: ValidationResult | readonly CalibrationInput[],
  options: CalibrationPlotOptions = {},
): SvgElement {
  const { time, model, timeUnit, ...rest } = options;
  const curves: readonly CalibrationInput[] = Array.isArray(input)
    ? input
    : validationCalibration(input as ValidationResult, model);
  const series: LineSeries[] = curves.map((c) => ({
    label: c.label,
    x: c.predicted,
    y: c.observed,
    lower: c.lower,
    upper: c.upper,
  }));
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

/** Net benefit of one model (or strategy) over threshold probabilities. */
export interface DecisionCurveInput {
  label: string;
  thresholds: ArrayLike<number>;
  netBenefit: ArrayLike<number>;
}

/**
 * Decision curves: net benefit of each model, "treat all" (dashed gray) and "treat none" (zero).
 * @example decisionCurvePlot([{ label: 'CRM', ...dca }], { label: 'Treat all', thresholds: dca.thresholds, netBenefit: dca.treatAll })
 */
export function decisionCurvePlot(
  models: readonly DecisionCurveInput[],
  treatAll: DecisionCurveInput,
  options: LinePlotOptions = {},
): SvgElement {
  const maxBenefit = Math.max(
    0.05,
    ...models.flatMap((m) => Array.from(m.netBenefit)).filter(Number.isFinite),
  );
  const thresholds = Array.from(treatAll.thresholds);
  const series: LineSeries[] = [
    ...models.map((m) => ({ label: m.label, x: m.thresholds, y: m.netBenefit })),
    { label: 'Treat all', x: treatAll.thresholds, y: treatAll.netBenefit, dashed: true, color: '#777777' },
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
    title: 'Decision curves',
    xLabel: 'Threshold probability',
    yLabel: 'Net benefit',
    yDomain: [-0.05, maxBenefit * 1.1],
    ...options,
  });
}
