/**
 * Builds the shipped model `tace-cnn-v1.onnx`, its preprocessing manifest `tace-cnn-v1.preprocessing.json`
 * and `tace-cnn-v1.head.json` (the fitted risk head and how it was fitted), next to this script.
 *
 * 1. The 3D CNN is written directly as ONNX (`buildTaceCnn`): convolution weights from core's seeded RNG
 *    (not trained).
 * 2. Its 16-value embedding is computed with onnxruntime on the project's synthetic multicentre cohort
 *    (`syntheticClinicalCohort` + `syntheticCt` of the CLI package, default seed 2026), cropped as the
 *    manifest says.
 * 3. A ridge Cox head (`fitCoxHead`, Breslow, on standardised embeddings; l2 chosen from a grid by 5-fold
 *    cross-validated partial likelihood on the training cohort) is fitted on the training cohort (centre 1, 70 %),
 *    centred so that the training mean risk is 0, and written as the `risk` Gemm.
 *    Harrell's C (`@tace/survival` `concordance`) is reported on training, internal and external cohorts.
 *
 * Step 1 is byte-for-byte deterministic; the test `test/deep/shipped-model.test.ts` rebuilds the ONNX file
 * from `tace-cnn-v1.head.json` and checks it is identical. Step 2 runs onnxruntime, whose last float bits
 * can differ between CPUs, so a re-run on another machine may change the head in the 7th digit.
 *
 * Run from the repository root: `npx tsx packages/imaging/models/build-tace-cnn.ts`
 * (a development script: it reaches into the CLI's synthetic data and the survival package's concordance,
 * which the imaging package itself never imports).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kFoldSplits } from '@tace/core';
import { syntheticClinicalCohort, syntheticCt } from '../../cli/src/synthetic/index.js';
import { concordance } from '../../survival/src/index.js';
import {
  buildTaceCnn,
  coxHeadLogLik,
  embedCohort,
  fitCoxHead,
  loadModel,
  predictCoxHead,
  releaseModel,
  TACE_CNN_V1_MANIFEST,
} from '../src/deep/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const COHORT_SEED = 2026;
/** Ridge penalties tried; the one with the best 5-fold cross-validated partial likelihood on the training cohort is used. */
const L2_GRID = [1, 3, 10, 30, 100, 300, 1000, 3000, 1e4, 1e5];
const CV_SEED = 1;

// 1. Convolutions (the head given here is a placeholder: the embedding does not depend on it).
const width = 16;
const placeholder = buildTaceCnn({ head: { weight: new Float32Array(width), bias: 0 } });
const tmp = mkdtempSync(join(tmpdir(), 'tace-cnn-build-'));
const placeholderPath = join(tmp, 'features.onnx');
writeFileSync(placeholderPath, placeholder);

// 2. Embeddings of the synthetic cohort.
const patients = syntheticClinicalCohort({ seed: COHORT_SEED });
const model = await loadModel(placeholderPath, { preprocessing: TACE_CNN_V1_MANIFEST, intraOpThreads: 1 });
const table = await embedCohort(
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
const failed = (table.error as (string | null)[]).filter((e) => e !== null);
if (failed.length > 0) throw new Error(`embedding failed for ${failed.length} patients: ${failed[0]}`);
const rows = patients.map((_, i) =>
  Array.from({ length: width }, (_, c) => (table[`dl_${c}`] as Float64Array)[i]),
);

// 3. Ridge Cox head on the training cohort (l2 by 5-fold CV), centred on the training mean linear predictor.
const pick = (role: string) => patients.flatMap((p, i) => (p.cohort === role ? [i] : []));
const training = pick('training');
const fit = (idx: number[], l2: number) =>
  fitCoxHead(
    idx.map((i) => rows[i]),
    idx.map((i) => patients[i].time),
    idx.map((i) => patients[i].event),
    { l2 },
  );
const folds = kFoldSplits(training.length, 5, {
  random: CV_SEED,
  strata: training.map((i) => patients[i].event),
});
const time = training.map((i) => patients[i].time);
const event = training.map((i) => patients[i].event);
const trainingRows = training.map((i) => rows[i]);
const cv = L2_GRID.map((l2) => {
  let cvpl = 0;
  const pooled = new Float64Array(training.length);
  for (let k = 0; k < 5; k++) {
    const rest = training.flatMap((_, t) => (folds[t] !== k ? [t] : []));
    const model = fit(
      rest.map((t) => training[t]),
      l2,
    );
    // Verweij & van Houwelingen (1993): log-lik of the whole training set minus that of the rest, at beta_-k.
    cvpl +=
      coxHeadLogLik(trainingRows, time, event, model.coefficients) -
      coxHeadLogLik(
        rest.map((t) => trainingRows[t]),
        rest.map((t) => time[t]),
        rest.map((t) => event[t]),
        model.coefficients,
      );
    const risk = predictCoxHead(model, trainingRows);
    training.forEach((_, t) => {
      if (folds[t] === k) pooled[t] = risk[t];
    });
  }
  return { l2, cvpl, cvHarrellC: concordance(time, event, pooled).concordance };
});
const L2 = cv.reduce((best, c) => (c.cvpl > best.cvpl ? c : best)).l2;
const head = fit(training, L2);
if (!head.converged) throw new Error('the Cox head did not converge');
const trainingRisk = predictCoxHead(
  head,
  training.map((i) => rows[i]),
);
const bias = -trainingRisk.reduce((a, b) => a + b, 0) / trainingRisk.length;
const cIndex = Object.fromEntries(
  ['training', 'internal', 'external'].map((role) => {
    const idx = pick(role);
    const risk = predictCoxHead(
      head,
      idx.map((i) => rows[i]),
    );
    const c = concordance(
      idx.map((i) => patients[i].time),
      idx.map((i) => patients[i].event),
      risk,
    );
    return [
      role,
      { n: idx.length, events: idx.reduce((a, i) => a + patients[i].event, 0), harrellC: c.concordance },
    ];
  }),
);

const headJson = {
  description:
    'Linear risk head of tace-cnn-v1: ridge Cox (Breslow) on the 16 embedding values, fitted by build-tace-cnn.ts',
  modelDescription: `Risk head: ridge Cox (l2 = ${L2}) fitted on the synthetic training cohort (seed ${COHORT_SEED}).`,
  weight: Array.from(head.coefficients, (w) => Math.fround(w)),
  bias: Math.fround(bias),
  fit: {
    method: 'fitCoxHead (Newton-Raphson, Breslow ties), l2 on standardised embeddings',
    l2: L2,
    l2Selection: {
      criterion: 'maximum 5-fold cross-validated partial log-likelihood (Verweij & van Houwelingen 1993)',
      folds: 5,
      seed: CV_SEED,
      stratifiedOn: 'event',
      grid: cv,
    },
    iterations: head.iterations,
    logLik: head.logLik,
    logLikNull: head.logLikNull,
    cohort: `syntheticClinicalCohort({ seed: ${COHORT_SEED} }) training patients (centre 1, 70 %)`,
    harrellC: cIndex,
  },
  versions: { node: process.version, onnxruntime: (await import('onnxruntime-node')).env.versions.common },
};
const bytes = buildTaceCnn({
  head: { weight: headJson.weight, bias: headJson.bias },
  description: headJson.modelDescription,
});
writeFileSync(join(here, 'tace-cnn-v1.onnx'), bytes);
writeFileSync(join(here, 'tace-cnn-v1.head.json'), `${JSON.stringify(headJson, null, 2)}\n`);
writeFileSync(
  join(here, 'tace-cnn-v1.preprocessing.json'),
  `${JSON.stringify(TACE_CNN_V1_MANIFEST, null, 2)}\n`,
);
console.log(`tace-cnn-v1.onnx: ${bytes.length} bytes; Harrell's C ${JSON.stringify(cIndex)}`);
