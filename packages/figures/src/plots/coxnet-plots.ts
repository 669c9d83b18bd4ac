import type { CoxnetFit, CvCoxnetResult } from '@tace/survival';
import type { SvgElement } from '../base/svg-element.js';
import { type LinePlotOptions, type LineSeries, linePlot } from './line-plot.js';

/**
 * Cross-validation curve as R's `plot(cv.glmnet)`: mean deviance per event against log(lambda), the
 * +-1 SE band as two lines, and vertical lines at lambda.min and lambda.1se. Takes `cvCoxnet(...)`'s result.
 * @example svgToString(cvCoxnetPlot(cv, { title: 'LASSO-Cox, 10-fold CV' }))
 */
export function cvCoxnetPlot(cv: CvCoxnetResult, options: LinePlotOptions = {}): SvgElement {
  const logLambda = Array.from(cv.lambda, Math.log);
  const lo = Math.min(...cv.cvLo);
  const hi = Math.max(...cv.cvUp);
  const vertical = (lambda: number, label: string, color: string): LineSeries => ({
    x: [Math.log(lambda), Math.log(lambda)],
    y: [lo, hi],
    label,
    color,
  });
  return linePlot(
    [
      { x: logLambda, y: cv.cvm, label: 'CV deviance', color: '#c0392b' },
      { x: logLambda, y: cv.cvUp, label: '+-1 SE', color: '#7f8c8d' },
      { x: logLambda, y: cv.cvLo, color: '#7f8c8d' },
      vertical(cv.lambdaMin, 'lambda.min', '#2c3e50'),
      vertical(cv.lambda1se, 'lambda.1se', '#2980b9'),
    ],
    { xLabel: 'log(lambda)', yLabel: 'partial-likelihood deviance', ...options },
  );
}

/** Options of {@link coxnetPathPlot}. */
export interface CoxnetPathPlotOptions extends LinePlotOptions {
  /** Number of features named in the legend (largest final |coefficient|). @default 5 */
  maxLabels?: number;
}

/**
 * Coefficient paths as R's `plot(fit, xvar = "lambda")`: one line per feature that is non-zero somewhere
 * on the path, against log(lambda). Only the `maxLabels` features with the largest final |coefficient| are
 * named in the legend. Takes `coxnet(...)`'s result (or `cvCoxnet(...).fit`).
 * @example svgToString(coxnetPathPlot(fit, { title: 'Coefficient paths' }))
 */
export function coxnetPathPlot(fit: CoxnetFit, options: CoxnetPathPlotOptions = {}): SvgElement {
  const { maxLabels = 5, ...plotOptions } = options;
  const p = fit.nCols;
  const nLambda = fit.lambda.length;
  const logLambda = Array.from(fit.lambda, Math.log);
  const last = nLambda - 1;
  const features = Array.from({ length: p }, (_, j) => j).filter((j) => {
    for (let l = 0; l < nLambda; l++) if (fit.beta.data[l * p + j] !== 0) return true;
    return false;
  });
  const named = new Set(
    [...features]
      .sort((a, b) => Math.abs(fit.beta.data[last * p + b]) - Math.abs(fit.beta.data[last * p + a]))
      .slice(0, maxLabels),
  );
  const series: LineSeries[] = features.map((j) => ({
    x: logLambda,
    y: Array.from({ length: nLambda }, (_, l) => fit.beta.data[l * p + j]),
    label: named.has(j) ? fit.columnNames[j] : undefined,
  }));
  return linePlot(series, { xLabel: 'log(lambda)', yLabel: 'coefficient', ...plotOptions });
}
