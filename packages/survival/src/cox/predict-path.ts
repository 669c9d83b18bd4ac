import type { TableLike } from '@tace/core';
import { assertInRange, completeCases, getColumn, normalQuantile, TaceError } from '@tace/core';
import { toFactor } from '../internal/factor.js';
import { gatherNumeric } from '../internal/gather.js';
import { riskSets } from './counting-process-residuals.js';
import { centeredX } from './cox-data.js';
import type { CoxModel } from './coxph.js';
import type { CoxSurvivalCurve, CoxSurvivalCurvesOptions } from './predict.js';
import { assertNoTimeTransforms, predictCox } from './predict.js';
import { cumulative } from './residual-kernels.js';

/** Options for {@link coxSurvivalPath}. */
export interface CoxSurvivalPathOptions extends CoxSurvivalCurvesOptions {
  /**
   * Subject column of the path table: one curve per distinct value, in order of first appearance (R
   * `survfit(fit, newdata, id = id)`). @default undefined (all rows are one subject)
   */
  id?: string;
}

/** The survival curve of one subject along its covariate path (fields as {@link CoxSurvivalCurve}). */
export interface CoxPathCurve extends Omit<CoxSurvivalCurve, 'stratum'> {
  /** The subject (value of the `id` column, `'1'` without one). */
  id: string;
  /**
   * Time along the path, as R: the summed lengths of the subject's (start, stop] rows up to each baseline time
   * point (the calendar time when the rows are contiguous from 0; a gap between rows is skipped).
   */
  time: Float64Array;
}

/** Result of {@link coxSurvivalPath}: one curve per subject. */
export interface CoxSurvivalPaths {
  curves: CoxPathCurve[];
  confLevel: number;
  /** Rows of the path table used. */
  rows: Int32Array;
  omitted: number;
}

/** The baseline of one stratum at each distinct stop time (censored ones included), as R's `agsurv`. */
interface StratumBaseline {
  time: number[];
  /** Hazard increment and its variance part at the time (0 when no event then). */
  hazard: number[];
  hazardVar: number[];
  /** Cumulative hazard and hazard-weighted centred covariate means up to the time (row-major, p per time). */
  cumHazard: number[];
  xHazard: number[];
}

function strataBaselines(model: CoxModel): StratumBaseline[] {
  const data = model.fit;
  const { n, p, time } = data;
  const rs = riskSets({ ...data, x: centeredX(data, model.means) }, data.eta);
  const cum = cumulative(rs);
  const out: StratumBaseline[] = data.strataLevels.map(() => ({
    time: [],
    hazard: [],
    hazardVar: [],
    cumHazard: [],
    xHazard: [],
  }));
  for (let k = 0; k < n; k++) {
    if (!(k === n - 1 || data.strata[k + 1] !== data.strata[k] || time[k + 1] !== time[k])) continue;
    const b = out[data.strata[k]];
    const j = rs.lastEvent[k];
    const at = j >= 0 && rs.time[j] === time[k];
    b.time.push(time[k]);
    b.hazard.push(at ? rs.hazard[j] : 0);
    b.hazardVar.push(at ? rs.hazardVar[j] : 0);
    b.cumHazard.push(j >= 0 ? cum.hazard[j] : 0);
    for (let c = 0; c < p; c++) b.xHazard.push(j >= 0 ? cum.xHazard[j * p + c] : 0);
  }
  return out;
}

/** Stratum code per path row (0 without strata). */
function pathStrata(model: CoxModel, table: TableLike, rows: Int32Array): Int32Array {
  const name = model.columns.strata;
  if (name === undefined) return new Int32Array(rows.length);
  const col = getColumn(table, name);
  const codes = toFactor(
    Array.from(rows, (r) => col[r] as string),
    `column '${name}'`,
    model.fit.strataLevels,
  ).codes;
  const bad = codes.indexOf(-1);
  if (bad >= 0) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `column '${name}' at row ${rows[bad] + 1} is not a stratum of the fit`,
      {
        param: `column '${name}'`,
        remedy: `use one of ${model.fit.strataLevels.map((l) => `'${l}'`).join(', ')}`,
      },
    );
  }
  return codes;
}

/** One (start, stop] row of a path: its stratum's baseline, relative risk and centred covariates. */
interface PathRow {
  start: number;
  stop: number;
  baseline: StratumBaseline;
  risk: number;
  x: Float64Array;
}

/**
 * R's `coxsurv.fit` for one subject (`onecurve`): along its rows in order, each baseline time point in the
 * row's (start, stop] adds hazard x risk to H and dvar0 x risk^2 to the variance sum; the second variance
 * term is the current row's d(t)' V d(t) risk^2. Time runs along the path (gaps skipped).
 */
function subjectCurve(id: string, path: readonly PathRow[], V: Float64Array, z: number): CoxPathCurve {
  const time: number[] = [];
  const cumHazard: number[] = [];
  const stdErr: number[] = [];
  let elapsed = 0;
  let forward = 0;
  let h = 0;
  let v0 = 0;
  for (const row of path) {
    const b = row.baseline;
    const p = row.x.length;
    const d = new Float64Array(p);
    let prev = row.start - forward;
    let any = false;
    for (let k = 0; k < b.time.length; k++) {
      const t = b.time[k];
      if (!(t > row.start && t <= row.stop)) continue;
      any = true;
      elapsed += t - prev;
      prev = t;
      h += b.hazard[k] * row.risk;
      v0 += b.hazardVar[k] * row.risk * row.risk;
      for (let c = 0; c < p; c++) d[c] = row.x[c] * b.cumHazard[k] - b.xHazard[k * p + c];
      let quad = 0;
      for (let a = 0; a < p; a++) for (let e = 0; e < p; e++) quad += d[a] * V[a * p + e] * d[e];
      time.push(elapsed);
      cumHazard.push(h);
      stdErr.push(Math.sqrt(v0 + quad * row.risk * row.risk));
    }
    forward = any ? row.stop - prev : forward + row.stop - row.start;
  }
  const H = Float64Array.from(cumHazard);
  const se = Float64Array.from(stdErr);
  return {
    id,
    time: Float64Array.from(time),
    cumHazard: H,
    survival: H.map((x) => Math.exp(-x)),
    stdErr: se,
    lower: H.map((x, k) => Math.exp(-x - z * se[k])),
    upper: H.map((x, k) => Math.min(1, Math.exp(-x + z * se[k]))),
  };
}

/**
 * Survival curve of a subject whose covariates change over time, given as (start, stop] rows of `path` (the
 * fit's start, time and covariate columns; the strata column for a stratified fit), as R's
 * `survfit(fit, newdata = path, id = id)` for a counting-process `coxph` (survival 3.5, `coxsurv.fit`):
 * along the rows in their given order, the cumulative hazard adds the baseline increments at the baseline
 * time points in each row's (start, stop] times that row's relative risk exp(lp), and S = exp(-H).
 * The standard error is R's: sqrt(sum of r_i^2 dvar0 along the path + r^2 d(t)' V d(t)), with d(t) =
 * H0(t) (x - xbar) - integral of (x(s) - xbar) dH0 over the stratum from 0 (at the current row's x and risk
 * r), V the fit's variance (robust when robust). Matches R on heart and cgd (Efron, Breslow, strata, robust)
 * at 1e-9.
 * @throws {TaceError} `UNSUPPORTED` for a fit without `start` (R: "only valid for counting process data");
 * as {@link predictCox}; a row with start >= stop; an unknown stratum.
 * @example
 * ```ts
 * const fit = coxph(heart, { start: 'start', time: 'stop', event: 'event', covariates: ['age', 'transplant'] });
 * coxSurvivalPath(fit, { start: [0, 50], stop: [50, 400], age: [-5, -5], transplant: [0, 1] }).curves[0].survival
 * ```
 */
export function coxSurvivalPath(
  model: CoxModel,
  path: TableLike,
  options: CoxSurvivalPathOptions = {},
): CoxSurvivalPaths {
  assertNoTimeTransforms(model, 'coxSurvivalPath');
  const startName = model.columns.start;
  if (startName === undefined || model.fit.start === undefined) {
    throw new TaceError('UNSUPPORTED', 'a covariate path needs a (start, stop] fit', {
      param: 'model',
      remedy: 'fit coxph with columns.start (R: "Individual=TRUE is only valid for counting process data")',
    });
  }
  const confLevel = options.confLevel ?? 0.95;
  assertInRange(confLevel, 'confLevel', 0, 1, { lower: true, upper: true });
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const stopName = model.columns.time;
  const used = [startName, stopName, ...model.terms.map((t) => t.name)];
  for (const c of [model.columns.offset, model.columns.strata, options.id]) if (c !== undefined) used.push(c);
  const cc = completeCases(path, used, options.missing ?? 'error');
  const rows = cc.rows;
  const start = gatherNumeric(getColumn(path, startName), rows, `column '${startName}'`);
  const stop = gatherNumeric(getColumn(path, stopName), rows, `column '${stopName}'`);
  for (let i = 0; i < rows.length; i++) {
    if (!(start[i] < stop[i])) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `path row ${rows[i] + 1} has start ${start[i]} not before stop ${stop[i]}`,
        { param: `column '${startName}'`, remedy: 'each (start, stop] row of a path needs start < stop' },
      );
    }
  }
  // predictions for every complete row, then those used here
  const pred = predictCox(model, path, { missing: 'omit' });
  const predIndex = new Map<number, number>();
  for (let i = 0; i < pred.rows.length; i++) predIndex.set(pred.rows[i], i);
  const strata = pathStrata(model, path, rows);
  const idColumn = options.id === undefined ? null : getColumn(path, options.id);
  const ids = Array.from(rows, (r) => (idColumn === null ? '1' : String(idColumn[r])));
  const baselines = strataBaselines(model);
  const rowsOf = new Map<string, number[]>();
  ids.forEach((id, i) => {
    const list = rowsOf.get(id);
    if (list === undefined) rowsOf.set(id, [i]);
    else list.push(i);
  });
  const pathRows = (i: number): PathRow => {
    const q = predIndex.get(rows[i]) as number;
    return {
      start: start[i],
      stop: stop[i],
      baseline: baselines[strata[i]],
      risk: pred.risk[q] * Math.exp(-model.offsetMean),
      x: pred.centeredX.subarray(q * model.fit.p, (q + 1) * model.fit.p),
    };
  };
  const curves = [...rowsOf].map(([id, own]) => subjectCurve(id, own.map(pathRows), model.variance.data, z));
  return { curves, confLevel, rows, omitted: cc.omitted };
}
