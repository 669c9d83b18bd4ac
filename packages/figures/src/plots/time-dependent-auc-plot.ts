import { TaceError } from '@tace/core';
import type {
  TimeDependentAucInferenceResult,
  TimeDependentAucResult,
  ValidationResult,
} from '@tace/survival';
import type { SvgElement } from '../base/svg-element.js';
import { type LinePlotOptions, type LineSeries, linePlot } from './line-plot.js';
import { fitLegendLabel, legendRoom } from './line-plot-labels.js';

/** The td-AUC of one model over time: `timeDependentAucInference(...)` (with CIs) or `timeDependentAuc(...)`. */
export interface TimeDependentAucCurve {
  label: string;
  result:
    | Pick<TimeDependentAucInferenceResult, 'times' | 'auc' | 'lower' | 'upper'>
    | Pick<TimeDependentAucResult, 'times' | 'auc'>;
}

/** Options of {@link timeDependentAucPlot}. */
export interface TimeDependentAucPlotOptions extends LinePlotOptions {
  /** With a `ValidationResult`: the cohorts drawn (one curve per model x cohort). @default every cohort */
  cohorts?: readonly string[];
  /** Unit of the times, for the default x label. @default 'months' */
  timeUnit?: string;
}

/** Curves of the `td_auc@t` rows of a validation result, one per model x cohort. */
function validationAuc(validation: ValidationResult, cohorts: readonly string[] | undefined): LineSeries[] {
  const rows = validation.rows.filter(
    (r) => r.metric.startsWith('td_auc@') && (cohorts === undefined || cohorts.includes(r.cohort)),
  );
  if (rows.length === 0)
    throw new TaceError('INVALID_ARGUMENT', 'no td_auc rows in the validation result (for these cohorts)', {
      param: 'cohorts',
      remedy: 'validateModels computes td_auc at options.times; check the cohort names',
    });
  const multipleCohorts = new Set(rows.map((r) => r.cohort)).size > 1;
  const keys = [...new Set(rows.map((r) => `${r.model}\u0000${r.cohort}`))];
  return keys.map((key) => {
    const [model, cohort] = key.split('\u0000');
    const own = rows
      .filter((r) => r.model === model && r.cohort === cohort)
      .map((r) => ({ ...r, time: Number(r.metric.slice('td_auc@'.length)) }))
      .sort((a, b) => a.time - b.time);
    return {
      label: multipleCohorts ? `${model} (${cohort})` : model,
      x: own.map((r) => r.time),
      y: own.map((r) => r.estimate),
      lower: own.map((r) => r.lower),
      upper: own.map((r) => r.upper),
    };
  });
}

/**
 * Time-dependent AUC over time, one line per model with its 95% CI as whiskers at each time (as
 * `timeROC::plotAUCcurve(conf.int = TRUE)`; models dodged side by side at each time). Takes curves of
 * `timeDependentAucInference(...)` (CIs drawn) or `timeDependentAuc(...)` (points only), or
 * `validateModels(...)`'s result (its `td_auc@t` rows, one line per model x cohort; CIs where the rows have them).
 * @throws {TaceError} `INVALID_ARGUMENT` when a validation result has no td-AUC rows for the cohorts asked.
 * @example timeDependentAucPlot([{ label: 'CRM', result: timeDependentAucInference(time, event, lp, { times: [12, 24, 36] }) }])
 */
export function timeDependentAucPlot(
  input: ValidationResult | readonly TimeDependentAucCurve[],
  options: TimeDependentAucPlotOptions = {},
): SvgElement {
  const { cohorts, timeUnit, ...rest } = options;
  const series: LineSeries[] = Array.isArray(input)
    ? (input as readonly TimeDependentAucCurve[]).map((c) => ({
        label: c.label,
        x: c.result.times,
        y: c.result.auc,
        ...('lower' in c.result ? { lower: c.result.lower, upper: c.result.upper } : {}),
      }))
    : validationAuc(input as ValidationResult, cohorts);
  const maxLabel = legendRoom(options);
  for (const s of series) s.label = fitLegendLabel(s.label ?? '', '', maxLabel, options.theme);
  const times = series.flatMap((s) => Array.from(s.x));
  const span = Math.max(...times) - Math.min(...times) || 1;
  // models side by side at each time (position dodge), so that their whiskers do not cover each other
  const dodged = series.map((s, k) => ({
    ...s,
    x: Array.from(s.x, (v) => v + (k - (series.length - 1) / 2) * span * 0.012),
  }));
  const lows = series.flatMap((s) => Array.from(s.lower ?? s.y)).filter(Number.isFinite);
  const bottom = Math.min(0.4, Math.floor(Math.min(...lows) * 10) / 10);
  return linePlot(dodged, {
    width: 640,
    height: 420,
    title: 'Time-dependent AUC',
    xLabel: `Time (${timeUnit ?? 'months'})`,
    yLabel: 'AUC (95% CI)',
    yDomain: [bottom, 1],
    points: true,
    legendPosition: 'bottom-right',
    ...rest,
  });
}
