import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, getColumn, rowCount, type TableLike, TaceError } from '@tace/core';
import { type CoxModel, coxph, type Nomogram, predictCox, type Signature, scoreRows } from '@tace/survival';

/** Format tag and version of `model-bundle.json`. */
export const BUNDLE_FORMAT = 'tace-model-bundle';
export const BUNDLE_VERSION = 1;

/** A signature as stored in JSON (typed arrays as plain arrays). */
export interface SignatureJson {
  name: string;
  /** Column the score is written to in the data (radScore, dlScore, earlyFusionScore). */
  column: string;
  features: string[];
  coefficients: number[];
  center: number[];
  scale: number[];
  lambda: number | null;
  formula: string;
}

/**
 * A Cox model as stored: its specification (covariates, categorical terms) and, as a check, the fitted
 * coefficients and centring means. The model is re-fitted on `trainingData` when the bundle is loaded
 * (coxph is deterministic, so the re-fit is the same model), which restores everything `predictCox` and
 * `baselineHazard` need (the risk sets of the training data) without serialising internals.
 */
export interface CoxModelJson {
  name: string;
  covariates: string[];
  categorical: string[];
  names: string[];
  coefficients: number[];
  means: number[];
}

/** The whole `model-bundle.json`. */
export interface ModelBundle {
  format: typeof BUNDLE_FORMAT;
  version: number;
  time: string;
  event: string;
  cohortColumn: string;
  trainingCohort: string;
  internalCohorts: string[];
  seed: number;
  chosenFusion: string;
  signatures: SignatureJson[];
  /** The late-fusion model (radScore + dlScore), needed to compute lateFusionScore on new data. */
  lateFusion: CoxModelJson;
  models: CoxModelJson[];
  /** Training rows of every column the models use (NaN stored as null). */
  trainingData: Record<string, (number | string | null)[]>;
}

/** Typed arrays and NaN to JSON-safe arrays. */
export function columnToJson(values: ArrayLike<unknown>): (number | string | null)[] {
  return Array.from(values, (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return v === null || v === undefined ? null : String(v);
  });
}

/** A stored column back to a table column (numbers as Float64Array with NaN, otherwise strings/null). */
export function columnFromJson(
  values: readonly (number | string | null)[],
): Float64Array | (string | null)[] {
  if (values.every((v) => v === null || typeof v === 'number')) {
    return Float64Array.from(values, (v) => (v === null ? Number.NaN : (v as number)));
  }
  return values.map((v) => (v === null ? null : String(v)));
}

/** A signature to JSON. */
export function signatureToJson(signature: Signature, column: string): SignatureJson {
  return {
    name: signature.name,
    column,
    features: [...signature.features],
    coefficients: Array.from(signature.coefficients),
    center: Array.from(signature.center),
    scale: Array.from(signature.scale),
    lambda: Number.isFinite(signature.lambda) ? signature.lambda : null,
    formula: signature.formula,
  };
}

/** A stored signature back to a `Signature`. */
export function signatureFromJson(json: SignatureJson): Signature {
  return {
    name: json.name,
    features: json.features,
    coefficients: Float64Array.from(json.coefficients),
    center: Float64Array.from(json.center),
    scale: Float64Array.from(json.scale),
    lambda: json.lambda ?? Number.NaN,
    formula: json.formula,
  };
}

/** A fitted Cox model's specification and coefficients. */
export function coxModelToJson(name: string, fit: CoxModel): CoxModelJson {
  return {
    name,
    covariates: fit.terms.map((t) => t.name),
    categorical: fit.terms.filter((t) => t.kind === 'categorical').map((t) => t.name),
    names: [...fit.names],
    coefficients: Array.from(fit.coefficients),
    means: Array.from(fit.means),
  };
}

/**
 * Re-fits a stored Cox model on the bundle's training data and checks that it reproduces the stored
 * coefficients (relative 1e-8), which proves the bundle was not edited or truncated.
 * @throws {TaceError} `INVALID_INPUT` when the re-fit differs.
 */
export function refitCoxModel(json: CoxModelJson, bundle: ModelBundle, training: TableLike): CoxModel {
  const fit = coxph(
    training,
    { time: bundle.time, event: bundle.event, covariates: json.covariates, categorical: json.categorical },
    { missing: 'omit' },
  );
  const same =
    fit.coefficients.length === json.coefficients.length &&
    json.coefficients.every((c, k) => Math.abs(c - fit.coefficients[k]) <= 1e-8 * Math.max(1, Math.abs(c)));
  if (!same) {
    throw new TaceError(
      'PARSE_ERROR',
      `model '${json.name}' of the bundle does not re-fit to its stored coefficients`,
      {
        param: '--bundle',
        remedy: 're-create the bundle with tace model fit (it was edited or written by another version)',
      },
    );
  }
  return fit;
}

/** Training data of a bundle as a table. */
export function bundleTrainingTable(bundle: ModelBundle): ColumnTable {
  return Object.fromEntries(
    Object.entries(bundle.trainingData).map(([name, values]) => [name, columnFromJson(values)]),
  );
}

/**
 * Reads `<dir>/model-bundle.json` (or the file itself).
 * @throws {TaceError} `IO_ERROR` when unreadable; `INVALID_INPUT` for another format or version.
 */
export function readModelBundle(path: string): ModelBundle {
  const file = path.endsWith('.json') ? path : join(path, 'model-bundle.json');
  let bundle: ModelBundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8')) as ModelBundle;
  } catch (error) {
    throw new TaceError('IO_ERROR', `cannot read the model bundle ${file}: ${(error as Error).message}`, {
      param: '--bundle',
      remedy: 'pass the --out folder of tace model fit',
      cause: error,
    });
  }
  if (bundle.format !== BUNDLE_FORMAT || bundle.version !== BUNDLE_VERSION) {
    throw new TaceError('PARSE_ERROR', `${file} is not a ${BUNDLE_FORMAT} version ${BUNDLE_VERSION}`, {
      param: '--bundle',
      remedy: 're-create it with tace model fit',
    });
  }
  return bundle;
}

/** The bundle's models, re-fitted, with the table of new data given the score columns the models use. */
export function loadBundleModels(
  bundle: ModelBundle,
  data: ColumnTable,
): { models: { name: string; fit: CoxModel }[]; table: ColumnTable } {
  const training = bundleTrainingTable(bundle);
  const table: ColumnTable = { ...data };
  for (const signature of bundle.signatures) {
    table[signature.column] = scoreRows(signatureFromJson(signature), table);
  }
  const lateFusion = refitCoxModel(bundle.lateFusion, bundle, training);
  const lp = new Float64Array(rowCount(table)).fill(Number.NaN);
  const prediction = predictCox(lateFusion, table, { missing: 'omit' });
  prediction.rows.forEach((row, i) => {
    lp[row] = prediction.linearPredictor[i];
  });
  table.lateFusionScore = lp;
  const models = bundle.models.map((m) => ({ name: m.name, fit: refitCoxModel(m, bundle, training) }));
  return { models, table };
}

/** The nomogram as JSON: axes with their values and points, and the total-points scale. */
export function nomogramToJson(n: Nomogram): Record<string, unknown> {
  return {
    axes: n.axes.map((a) => ({
      name: a.name,
      values: a.values,
      points: Array.from(a.points),
      linearPredictor: Array.from(a.linearPredictor),
    })),
    scale: n.scale,
    linearPredictorAtZero: n.linearPredictorAtZero,
    times: n.times,
    baselineSurvival: Array.from(n.baselineSurvival),
  };
}

/** Training rows of the named columns, JSON-safe. */
export function trainingDataJson(
  table: ColumnTable,
  columns: readonly string[],
): ModelBundle['trainingData'] {
  return Object.fromEntries([...new Set(columns)].map((c) => [c, columnToJson(getColumn(table, c))]));
}
