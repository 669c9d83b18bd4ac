import type { SvgElement } from '@tace/core';
import { type CurvePlotOptions, curvePlot, type NamedCurve } from './curve-plot.js';

/** A time-dependent ROC curve of one model at one time. */
export interface RocCurveInput {
  label: string;
  /** False-positive rate (1 - specificity) per threshold, ascending. */
  falsePositiveRate: ArrayLike<number>;
  /** True-positive rate (sensitivity) per threshold. */
  truePositiveRate: ArrayLike<number>;
  /** Area under the curve, printed in the legend. */
  auc: number;
}

/** Time-dependent ROC curves (cumulative/dynamic) with their AUCs, and the chance diagonal. */
export function timeDependentRocPlot(
  curves: readonly RocCurveInput[],
  options: Partial<CurvePlotOptions> & { time?: number; timeUnit?: string } = {},
): SvgElement {
  const named: NamedCurve[] = curves.map((c) => ({
    label: `${c.label} (AUC ${c.auc.toFixed(3)})`,
    x: c.falsePositiveRate,
    y: c.truePositiveRate,
  }));
  return curvePlot(named, {
    title:
      options.title ??
      (options.time === undefined
        ? 'Time-dependent ROC'
        : `Time-dependent ROC at ${options.time} ${options.timeUnit ?? 'months'}`),
    xLabel: '1 - specificity',
    yLabel: 'Sensitivity',
    xDomain: [0, 1],
    yDomain: [0, 1],
    diagonal: true,
    ...options,
  });
}

/** Calibration at time t of one model: predicted vs observed survival per risk group. */
export interface CalibrationInput {
  label: string;
  /** Mean predicted survival at t per group. */
  predicted: ArrayLike<number>;
  /** Observed (Kaplan-Meier) survival at t per group. */
  observed: ArrayLike<number>;
  /** CI of the observed survival. */
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

/** Calibration curves (predicted vs observed survival at t) with observed CIs and the ideal diagonal. */
export function calibrationPlot(
  curves: readonly CalibrationInput[],
  options: Partial<CurvePlotOptions> & { time?: number } = {},
): SvgElement {
  const named: NamedCurve[] = curves.map((c) => ({
    label: c.label,
    x: c.predicted,
    y: c.observed,
    lower: c.lower,
    upper: c.upper,
  }));
  return curvePlot(named, {
    title:
      options.title ?? (options.time === undefined ? 'Calibration' : `Calibration at ${options.time} months`),
    xLabel: 'Predicted survival',
    yLabel: 'Observed survival (Kaplan-Meier)',
    xDomain: [0, 1],
    yDomain: [0, 1],
    diagonal: true,
    points: true,
    ...options,
  });
}

/** Net benefit of one model (or strategy) over threshold probabilities. */
export interface DecisionCurveInput {
  label: string;
  thresholds: ArrayLike<number>;
  netBenefit: ArrayLike<number>;
}

/** Decision curves: net benefit of each model, "treat all" (dashed) and "treat none" (zero). */
export function decisionCurvePlot(
  models: readonly DecisionCurveInput[],
  treatAll: DecisionCurveInput,
  options: Partial<CurvePlotOptions> = {},
): SvgElement {
  const maxBenefit = Math.max(
    0.05,
    ...models.flatMap((m) => Array.from(m.netBenefit)).filter(Number.isFinite),
  );
  const thresholds = Array.from(treatAll.thresholds);
  const named: NamedCurve[] = [
    ...models.map((m) => ({ label: m.label, x: m.thresholds, y: m.netBenefit })),
    { label: 'Treat all', x: treatAll.thresholds, y: treatAll.netBenefit, dashed: true, colour: '#777777' },
    {
      label: 'Treat none',
      x: [thresholds[0], thresholds[thresholds.length - 1]],
      y: [0, 0],
      colour: '#000000',
    },
  ];
  return curvePlot(named, {
    title: 'Decision curves',
    xLabel: 'Threshold probability',
    yLabel: 'Net benefit',
    yDomain: [-0.05, maxBenefit * 1.1],
    ...options,
  });
}
