import { quantile, TaceError } from '@tace/core';
import type { CoxModel } from '../cox/coxph.js';
import { baselineHazard } from '../cox/predict.js';

/** One variable axis of a nomogram: values and the points they score. */
export interface NomogramAxis {
  /** Term (column) name. */
  name: string;
  /** Values on the axis (levels for a categorical term). */
  values: (number | string)[];
  /** Points at each value: `scale * (beta x - min over the axis of beta x)`. */
  points: Float64Array;
  /** `beta x` at each value (as `rms::nomogram`'s `Xbeta`). */
  linearPredictor: Float64Array;
}

/** A Cox nomogram as data (drawable later): variable axes, total points, survival axes. */
export interface Nomogram {
  axes: NomogramAxis[];
  /** Points per unit of linear predictor: `maxScale / (largest axis range of beta x)`. */
  scale: number;
  /** Linear predictor (centred as R: `x'beta - center`) at 0 total points. */
  linearPredictorAtZero: number;
  /** Times (in the model's time unit) of the survival axes. */
  times: number[];
  /** Baseline survival at each time for the centred linear predictor 0 (R `survfit(fit)` at the means). */
  baselineSurvival: Float64Array;
  /** Centred linear predictor for a number of total points. */
  linearPredictor(totalPoints: number): number;
  /** Survival probability at `times[timeIndex]` for a number of total points: `S0(t)^exp(lp)`. */
  survival(totalPoints: number, timeIndex: number): number;
  /** Total points of one patient given its values per term. */
  totalPoints(values: Record<string, number | string>): number;
}

/** Options for {@link nomogram}. */
export interface NomogramOptions {
  /** Times for the survival axes (e.g. 12, 24, 36 months). @default [] */
  times?: number[];
  /** Points of the most influential variable's full axis, as `rms::nomogram(maxscale)`. @default 100 */
  maxScale?: number;
  /**
   * Axis values per numeric term. Default: round values (1, 2 or 5 times a power of ten apart, about 5 of
   * them) spanning the term's display range, which is as `rms::datadist` the quantiles `10 / max(n, 200)` and
   * `1 - 10 / max(n, 200)` of the training data.
   */
  axes?: Record<string, number[]>;
}

/**
 * A nomogram for a Cox model (as `rms::nomogram` on a `cph` fit with `fun = Survival(fit)`): each term's
 * contribution `beta x` is mapped to points so that the term with the widest range spans `maxScale` points;
 * total points map back to the linear predictor and to survival at the requested times through the
 * Breslow/Efron baseline at the covariate means. Categorical terms score each level (reference = 0 x beta).
 * Matches `rms` 6.5: points, linear-predictor axis and survival at 1e-6 on `lung` (see the tests).
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for a model with strata (one nomogram per stratum is not supported)
 * or an axis for an unknown term.
 */
export function nomogram(model: CoxModel, options: NomogramOptions = {}): Nomogram {
  if (model.columns.strata !== undefined) {
    throw new TaceError('INVALID_ARGUMENT', 'nomograms of stratified Cox models are not supported', {
      param: 'model',
      remedy: 'fit without strata, or one model per stratum',
    });
  }
  const maxScale = options.maxScale ?? 100;
  const times = options.times ?? [];
  for (const name of Object.keys(options.axes ?? {})) {
    if (!model.terms.some((t) => t.name === name)) {
      throw new TaceError('INVALID_ARGUMENT', `axes names '${name}', which is not a term of the model`, {
        param: 'axes',
      });
    }
  }
  const design = model.fit;
  const p = model.coefficients.length;
  const axes: NomogramAxis[] = model.terms.map((term) => {
    if (term.kind === 'categorical') {
      const values = [...term.levels];
      const linearPredictor = Float64Array.from(values, (_, level) =>
        level === 0 ? 0 : model.coefficients[term.columns[level - 1]],
      );
      return { name: term.name, values, points: new Float64Array(values.length), linearPredictor };
    }
    const column = term.columns[0];
    let values = options.axes?.[term.name];
    if (values === undefined) {
      const x = Float64Array.from({ length: design.n }, (_, i) => design.x[i * p + column]);
      const q = 10 / Math.max(design.n, 200);
      const [low, high] = Array.from(quantile(x, [q, 1 - q]));
      values = niceTicks(low, high);
    }
    const linearPredictor = Float64Array.from(values, (v) => model.coefficients[column] * v);
    return { name: term.name, values: [...values], points: new Float64Array(values.length), linearPredictor };
  });
  let widest = 0;
  let sumOfMinima = 0;
  const minima = axes.map((axis) => {
    const min = Math.min(...axis.linearPredictor);
    widest = Math.max(widest, Math.max(...axis.linearPredictor) - min);
    sumOfMinima += min;
    return min;
  });
  if (!(widest > 0))
    throw new TaceError('INVALID_ARGUMENT', 'every coefficient is zero: no nomogram', { param: 'model' });
  const scale = maxScale / widest;
  axes.forEach((axis, a) => {
    for (let i = 0; i < axis.points.length; i++)
      axis.points[i] = scale * (axis.linearPredictor[i] - minima[a]);
  });
  let center = 0;
  for (let c = 0; c < p; c++) center += model.coefficients[c] * model.means[c];
  const linearPredictorAtZero = sumOfMinima - center;
  const baseline = baselineHazard(model, true);
  const baselineSurvival = Float64Array.from(times, (t) => {
    let h = 0;
    for (let i = 0; i < baseline.time.length && baseline.time[i] <= t; i++) h = baseline.cumHazard[i];
    return Math.exp(-h);
  });
  const linearPredictor = (totalPoints: number) => totalPoints / scale + linearPredictorAtZero;
  return {
    axes,
    scale,
    linearPredictorAtZero,
    times,
    baselineSurvival,
    linearPredictor,
    survival: (totalPoints, timeIndex) =>
      baselineSurvival[timeIndex] ** Math.exp(linearPredictor(totalPoints)),
    totalPoints(values) {
      let total = 0;
      model.terms.forEach((term, a) => {
        const value = values[term.name];
        if (value === undefined) {
          throw new TaceError('INVALID_ARGUMENT', `no value for '${term.name}'`, { param: term.name });
        }
        if (term.kind === 'categorical') {
          const level = term.levels.indexOf(String(value));
          if (level < 0) {
            throw new TaceError('INVALID_ARGUMENT', `'${value}' is not a level of '${term.name}'`, {
              param: term.name,
            });
          }
          total += axes[a].points[level];
        } else {
          total += scale * (model.coefficients[term.columns[0]] * Number(value) - minima[a]);
        }
      });
      return total;
    },
  };
}

/**
 * About five round values (steps of 1, 2 or 5 times a power of ten) covering [low, high]: the first at or
 * below `low`, the last at or above `high`, so the axis spans the whole display range.
 */
export function niceTicks(low: number, high: number): number[] {
  if (!(high > low)) return [low];
  const raw = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
