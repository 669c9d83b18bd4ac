import { breslowDeviance } from './cox-deviance.js';
import { type CoxnetOptions, coxnet } from './coxnet.js';
import type { DesignMatrix } from './design-matrix.js';
import { coxnetCoefficients, linearPredictor } from './predict-coxnet.js';
import { riskSetIndex } from './risk-sets.js';

/** Everything a fold needs; copied once into each worker. */
export interface CvFoldContext {
  x: DesignMatrix;
  time: Float64Array;
  event: Float64Array;
  /** Observation weights, or null. */
  weights: Float64Array | null;
  /** Fold of each subject, 0-based. */
  foldId: Int32Array;
  /** The lambdas of the fit on all subjects. */
  lambda: Float64Array;
  options: CoxnetOptions;
  grouped: boolean;
}

/** Result of one fold: deviance per full-data lambda (not yet divided by the fold's weighted events), and
 * the weighted events. */
export interface CvFoldResult {
  deviance: Float64Array;
  events: number;
}

/**
 * One fold of {@link cvCoxnet}, as glmnet's `cv.glmnet` + `buildPredmat.coxnetlist`: fit coxnet on the
 * other folds (its own lambda sequence), take coefficients at the full-data lambdas by interpolation, then
 * `grouped`: deviance(all subjects) - deviance(training subjects) (Verweij & van Houwelingen 1993);
 * ungrouped: deviance of the held-out subjects alone. Exported for the worker pool.
 */
export function cvFold(fold: number, _index: number, context: CvFoldContext): CvFoldResult {
  const { x, time, event, weights, foldId, lambda, options, grouped } = context;
  const n = x.rows;
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (foldId[i] === fold ? test : train).push(i);
  const xTrain = takeRows(x, train);
  const tTrain = Float64Array.from(train, (i) => time[i]);
  const eTrain = Float64Array.from(train, (i) => event[i]);
  const wTrain = weights === null ? undefined : Float64Array.from(train, (i) => weights[i]);
  const wTest = weights === null ? undefined : Float64Array.from(test, (i) => weights[i]);
  const fit = coxnet(xTrain, tTrain, eTrain, { ...options, weights: wTrain });
  const xTest = takeRows(x, test);
  const devAll = grouped ? breslowDeviance(riskSetIndex(time, event), weights ?? undefined) : null;
  const devTrain = grouped ? breslowDeviance(riskSetIndex(tTrain, eTrain), wTrain) : null;
  const devTest = grouped
    ? null
    : breslowDeviance(
        riskSetIndex(
          Float64Array.from(test, (i) => time[i]),
          Float64Array.from(test, (i) => event[i]),
        ),
        wTest,
      );
  const deviance = new Float64Array(lambda.length);
  for (let l = 0; l < lambda.length; l++) {
    const beta = coxnetCoefficients(fit, lambda[l]);
    if (devAll !== null && devTrain !== null) {
      deviance[l] =
        devAll(linearPredictor(x.data, n, beta)) - devTrain(linearPredictor(xTrain.data, train.length, beta));
    } else if (devTest !== null) {
      deviance[l] = devTest(linearPredictor(xTest.data, test.length, beta));
    }
  }
  let events = 0;
  for (const i of test) events += event[i] * (weights === null ? 1 : weights[i]);
  return { deviance, events };
}

function takeRows(x: DesignMatrix, rows: number[]): DesignMatrix {
  const m = rows.length;
  const data = new Float64Array(m * x.columns);
  for (let j = 0; j < x.columns; j++) {
    const src = j * x.rows;
    const dst = j * m;
    for (let r = 0; r < m; r++) data[dst + r] = x.data[src + rows[r]];
  }
  return { data, rows: m, columns: x.columns, columnNames: x.columnNames };
}
