/**
 * Builds the shipped model `tace-cnn-v1.onnx`, its preprocessing manifest `tace-cnn-v1.preprocessing.json`
 * and `tace-cnn-v1.head.json` (the fitted risk head and how it was fitted) in `packages/imaging/models/`.
 *
 * 1. The 3D CNN is written directly as ONNX (`buildTaceCnn`): convolution weights from core's seeded RNG
 *    (not trained).
 * 2. Its 16-value embedding is computed with onnxruntime on the project's synthetic multicenter cohort
 *    (`syntheticClinicalCohort` + `syntheticCt` of @tace/synthetic, default seed 2026), cropped as the
 *    manifest says. The deep arm ends here: a table of embedding columns `dl_0..dl_15` per patient.
 * 3. A ridge Cox head on that table, fitted by @tace/survival (`coxnet` with alpha = 0 and lambda = l2 / n:
 *    the Breslow partial likelihood penalised by l2 / 2 ||beta||^2 on standardized embeddings, as R
 *    `coxph(~ ridge(..., theta = l2))`; l2 chosen from a grid by 5-fold cross-validated partial likelihood
 *    on the training cohort), on the training cohort (center 1, 70 %), centered so that the training mean
 *    risk is 0, and written as the `risk` Gemm. Harrell's C (@tace/survival `concordance`) is reported on
 *    training, internal and external cohorts.
 *
 * Step 1 is byte-for-byte deterministic; the test `packages/imaging/test/deep/shipped-model.test.ts` rebuilds
 * the ONNX file from `tace-cnn-v1.head.json` and checks it is identical. Step 2 runs onnxruntime, whose last
 * float bits can differ between CPUs, so a re-run on another machine may change the head in the 7th digit.
 *
 * Run from the repository root: `npx tsx scripts/models/build-tace-cnn.ts [--out <folder>]` (about 2
 * minutes; `--out` writes the three files elsewhere, e.g. to compare with the shipped ones).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { denseMatrix, kFoldSplits } from '@tace/core';
import { buildTaceCnn, embedCohort, loadModel, releaseModel, TACE_CNN_V1_MANIFEST } from '@tace/imaging';
import { type CoxnetFit, concordance, coxnet } from '@tace/survival';
import { coxDeviance, predictCoxnet } from '@tace/survival/kernels';
import { syntheticClinicalCohort, syntheticCt } from '@tace/synthetic';

const outArgument = process.argv.indexOf('--out');
const modelsDir =
  outArgument > 0
    ? resolve(process.argv[outArgument + 1] ?? '.')
    : fileURLToPath(new URL('../../packages/imaging/models/', import.meta.url));
const COHORT_SEED = 2026;
/** Ridge penalties tried; the one with the best 5-fold cross-validated partial likelihood on the training cohort is used. */
const L2_GRID = [1, 3, 10, 30, 100, 300, 1000, 3000, 1e4, 1e5];
const CV_SEED = 1;
const WIDTH = 16;
const FEATURES = Array.from({ length: WIDTH }, (_, c) => `dl_${c}`);

/** An embedding table: the `dl_*` columns, time and event of the given patients (rows). */
type HeadTable = Record<string, number[]>;

// 1. Convolutions (the head given here is a placeholder: the embedding does not depend on it).
const placeholder = buildTaceCnn({ head: { weight: new Float32Array(WIDTH), bias: 0 } });
const tmp = mkdtempSync(join(tmpdir(), 'tace-cnn-build-'));
const placeholderPath = join(tmp, 'features.onnx');
writeFileSync(placeholderPath, placeholder);

// 2. Embeddings of the synthetic cohort.
const patients = syntheticClinicalCohort({ seed: COHORT_SEED });
const model = await loadModel(placeholderPath, { preprocessing: TACE_CNN_V1_MANIFEST, intraOpThreads: 1 });
const embeddings = await embedCohort(
  patients.map((p) => ({
    id: p.id,
    load: () => {
      const ct = syntheticCt(p);
      return { phases: { arterial: ct.arterial, 'portal-venous': ct.portalVenous }, mask: ct.mask };
    },
  })),
  model,
  { batchSize: 8 },
);
await releaseModel(model);
rmSync(tmp, { recursive: true, force: true });
const failed = (embeddings.error as (string | null)[]).filter((e) => e !== null);
if (failed.length > 0) throw new Error(`embedding failed for ${failed.length} patients: ${failed[0]}`);

/** The embedding table of some patients (by index): dl_0..dl_15, time, event. */
function headTable(indices: readonly number[]): HeadTable {
  const table: HeadTable = {
    time: indices.map((i) => patients[i].time),
    event: indices.map((i) => patients[i].event),
  };
  for (const name of FEATURES) {
    const column = embeddings[name] as Float64Array;
    table[name] = indices.map((i) => column[i]);
  }
  return table;
}

/** Embedding rows of a head table, for prediction. */
function rowsOf(table: HeadTable): number[][] {
  return table.time.map((_, r) => FEATURES.map((name) => table[name][r]));
}

// 3. Ridge Cox head on the training cohort (l2 by 5-fold CV), centered on the training mean linear predictor.
/**
 * Ridge Cox head (Breslow): glmnet's -loglik / n + lambda / 2 ||beta||^2 with lambda = l2 / n. The embedding
 * columns are strongly correlated, so coordinate descent needs a tight `thresh` to reach the Newton solution
 * of 0.1's `fitCoxHead` (coefficients within 1e-7; 1e-14 leaves 2e-6 relative).
 */
function fitHead(table: HeadTable, l2: number): CoxnetFit {
  const lambda = l2 / table.time.length;
  return coxnet(
    table,
    { time: 'time', event: 'event', features: FEATURES },
    { alpha: 0, lambda: [lambda], standardize: true, thresh: 1e-22 },
  );
}

/** Linear predictor x'beta of a fitted head. */
function predictHead(head: CoxnetFit, table: HeadTable): Float64Array {
  return predictCoxnet(head, rowsOf(table), head.lambda[0]);
}

/**
 * Breslow log partial likelihood of the head's coefficients on a table: the saturated log-likelihood
 * `-sum_k d_k log d_k` (d_k tied events at each distinct event time) minus half glmnet's deviance.
 */
function headLogLik(head: CoxnetFit, table: HeadTable): number {
  const ties = new Map<number, number>();
  table.time.forEach((t, r) => {
    if (table.event[r] === 1) ties.set(t, (ties.get(t) ?? 0) + 1);
  });
  let saturated = 0;
  for (const d of ties.values()) saturated -= d * Math.log(d);
  return saturated - coxDeviance(table.time, table.event)(predictHead(head, table)) / 2;
}

/** The version of the onnxruntime-node that @tace/imaging loads (its optional peer dependency). */
function onnxRuntimeVersion(): string {
  const fromImaging = createRequire(fileURLToPath(import.meta.resolve('@tace/imaging')));
  const ort = fromImaging('onnxruntime-node') as { env: { versions: { common: string } } };
  return ort.env.versions.common;
}

const pick = (role: string) => patients.flatMap((p, i) => (p.cohort === role ? [i] : []));
const training = pick('training');
const trainingTable = headTable(training);
const folds = kFoldSplits(training.length, 5, {
  random: CV_SEED,
  strata: training.map((i) => patients[i].event),
});
const cv = L2_GRID.map((l2) => {
  let cvpl = 0;
  const pooled = new Float64Array(training.length);
  for (let k = 0; k < 5; k++) {
    const rest = training.filter((_, t) => folds[t] !== k);
    const restTable = headTable(rest);
    const foldHead = fitHead(restTable, l2);
    // Verweij & van Houwelingen (1993): log-lik of the whole training set minus that of the rest, at beta_-k.
    cvpl += headLogLik(foldHead, trainingTable) - headLogLik(foldHead, restTable);
    const risk = predictHead(foldHead, trainingTable);
    training.forEach((_, t) => {
      if (folds[t] === k) pooled[t] = risk[t];
    });
  }
  const harrellC = concordance(
    { ...trainingTable, risk: Array.from(pooled) },
    { time: 'time', event: 'event', risk: 'risk' },
  ).concordance;
  return { l2, cvpl, cvHarrellC: harrellC };
});
const L2 = cv.reduce((best, c) => (c.cvpl > best.cvpl ? c : best)).l2;
const head = fitHead(trainingTable, L2);
if (head.warnings.length > 0) throw new Error(`the Cox head did not converge: ${head.warnings.join('; ')}`);
const coefficients = head.beta.data.slice(0, WIDTH);
const trainingRisk = predictHead(head, trainingTable);
const bias = -trainingRisk.reduce((a, b) => a + b, 0) / trainingRisk.length;
const cIndex = Object.fromEntries(
  ['training', 'internal', 'external'].map((role) => {
    const idx = pick(role);
    const table = headTable(idx);
    const c = concordance(
      { ...table, risk: Array.from(predictHead(head, table)) },
      { time: 'time', event: 'event', risk: 'risk' },
    );
    return [
      role,
      { n: idx.length, events: idx.reduce((a, i) => a + patients[i].event, 0), harrellC: c.concordance },
    ];
  }),
);
const nullHead = { ...head, beta: denseMatrix(WIDTH, 1) };

const headJson = {
  description:
    'Linear risk head of tace-cnn-v1: ridge Cox (Breslow) on the 16 embedding values, fitted by scripts/models/build-tace-cnn.ts',
  modelDescription: `Risk head: ridge Cox (l2 = ${L2}) fitted on the synthetic training cohort (seed ${COHORT_SEED}).`,
  weight: Array.from(coefficients, (w) => Math.fround(w)),
  bias: Math.fround(bias),
  fit: {
    method:
      '@tace/survival coxnet (alpha = 0, lambda = l2 / n: Breslow ties, ridge penalty l2 / 2 ||beta||^2 on standardized embeddings)',
    l2: L2,
    l2Selection: {
      criterion: 'maximum 5-fold cross-validated partial log-likelihood (Verweij & van Houwelingen 1993)',
      folds: 5,
      seed: CV_SEED,
      stratifiedOn: 'event',
      grid: cv,
    },
    passes: head.passes,
    logLik: headLogLik(head, trainingTable),
    logLikNull: headLogLik(nullHead, trainingTable),
    cohort: `syntheticClinicalCohort({ seed: ${COHORT_SEED} }) training patients (center 1, 70 %)`,
    harrellC: cIndex,
  },
  versions: { node: process.version, onnxruntime: onnxRuntimeVersion() },
};
const bytes = buildTaceCnn({
  head: { weight: headJson.weight, bias: headJson.bias },
  description: headJson.modelDescription,
});
mkdirSync(modelsDir, { recursive: true });
writeFileSync(join(modelsDir, 'tace-cnn-v1.onnx'), bytes);
writeFileSync(join(modelsDir, 'tace-cnn-v1.head.json'), `${JSON.stringify(headJson, null, 2)}\n`);
writeFileSync(
  join(modelsDir, 'tace-cnn-v1.preprocessing.json'),
  `${JSON.stringify(TACE_CNN_V1_MANIFEST, null, 2)}\n`,
);
console.log(`tace-cnn-v1.onnx: ${bytes.length} bytes; Harrell's C ${JSON.stringify(cIndex)}`);
