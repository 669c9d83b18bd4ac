// Benchmark of the deep-learning arm of @tace/imaging (plain Node on dist/: run `npx tsc -b packages/imaging` first).
//   node bench/imaging-deep.mjs            (defaults: 6 patients, batch 4, 2 intra-op threads)
//   BENCH_PATIENTS=12 BENCH_BATCH=8 BENCH_THREADS=1 BENCH_RESNET_SIZE=64 node bench/imaging-deep.mjs
// Measures: crops/s (resample + crop + window of both phases), per-patient latency of embedCohort, and peak
// RSS, for the shipped tace-cnn-v1 and a randomly initialised 3D ResNet-18 built with the ONNX writer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildResNet3d18,
  embedCohort,
  embedManifest,
  loadModel,
  prepareSamples,
  readManifest,
  releaseModel,
  runModel,
  TACE_CNN_V1_MANIFEST,
  writeNifti,
} from '@tace/imaging';
import { lcgNoise, tumorPhantom } from '@tace/synthetic';

const patients = Number(process.env.BENCH_PATIENTS ?? 6);
const batchSize = Number(process.env.BENCH_BATCH ?? 4);
const threads = Number(process.env.BENCH_THREADS ?? 2);
const resnetSize = Number(process.env.BENCH_RESNET_SIZE ?? 32);

/** A synthetic CT phase (Int16, 256 x 256 x 64 at 0.8 x 0.8 x 2.5 mm) with a spherical tumor of 15 mm. */
function phase(seed, offset) {
  return tumorPhantom({
    size: [256, 256, 64],
    spacing: [0.8, 0.8, 2.5],
    center: [128, 120, 32],
    centerSpace: 'index',
    radius: 15,
    closed: false,
    background: 60,
    tumor: 60 + offset,
    noise: lcgNoise(seed, { integerBits: 5 }),
    ArrayType: Int16Array,
  });
}

const arterialPhantom = phase(1, 80);
const arterial = arterialPhantom.image;
const portal = phase(2, -30).image;
// Mask: the tumor sphere on the arterial grid.
const mask = arterialPhantom.mask;
const images = { phases: { arterial, 'portal-venous': portal }, mask };
const rows = Array.from({ length: patients }, (_, i) => ({ id: `P${i + 1}`, load: () => images }));

const dir = mkdtempSync(join(tmpdir(), 'tace-bench-deep-'));
const shippedPath = fileURLToPath(new URL('../packages/imaging/models/tace-cnn-v1.onnx', import.meta.url));

function cropRate(manifest) {
  prepareSamples(images, manifest); // warm-up
  const n = 20;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) prepareSamples(images, manifest);
  return (n / (performance.now() - t0)) * 1000;
}

async function timeModel(label, path, manifest) {
  const t0 = performance.now();
  const model = await loadModel(path, { preprocessing: manifest, intraOpThreads: threads });
  const loadMs = performance.now() - t0;
  await embedCohort(rows.slice(0, 1), model, { batchSize }); // warm-up
  const t1 = performance.now();
  const table = await embedCohort(rows, model, { batchSize });
  const cohortMs = performance.now() - t1;
  const failed = table.error.filter((e) => e !== null).length;
  const sample = prepareSamples(images, manifest).data;
  const inferMs = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await runModel(model, sample, 1);
    inferMs.push(performance.now() - t);
  }
  await releaseModel(model);
  const rate = cropRate(manifest);
  console.log(
    `${label.padEnd(26)} load ${loadMs.toFixed(0).padStart(6)} ms | crops ${rate.toFixed(1).padStart(6)}/s | ` +
      `inference ${Math.min(...inferMs)
        .toFixed(1)
        .padStart(6)} ms/sample (batch 1) | ` +
      `per patient ${(cohortMs / patients).toFixed(1).padStart(7)} ms (cohort of ${patients}, batch ${batchSize}, ` +
      `${threads} intra-op threads) | embedding ${model.embeddingSize} | failed ${failed}`,
  );
}

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
);
console.log(
  'volumes: 2 phases of 256 x 256 x 64 Int16 at 0.8 x 0.8 x 2.5 mm, 15 mm tumour; onnxruntime-node CPU EP',
);
console.log(
  'reference: PyTorch is not installed, so no same-run comparison with torch inference is printed.',
);
await timeModel('tace-cnn-v1 (32^3 @ 3 mm)', shippedPath, TACE_CNN_V1_MANIFEST);

// Cohort manifest from NIfTI files: reading + cropping in this thread vs in a worker pool (embedManifest).
{
  writeNifti(join(dir, 'art.nii'), arterial);
  writeNifti(join(dir, 'pv.nii'), portal);
  writeNifti(join(dir, 'mask.nii'), mask);
  const lines = ['patient_id,phase,image,mask'];
  for (let i = 0; i < patients; i++)
    lines.push(`P${i},arterial,art.nii,mask.nii`, `P${i},portal-venous,pv.nii,mask.nii`);
  writeFileSync(join(dir, 'cohort.csv'), `${lines.join('\n')}\n`);
  const manifestRows = readManifest(join(dir, 'cohort.csv'));
  const model = await loadModel(shippedPath, { intraOpThreads: threads });
  for (const workers of [1, 2]) {
    const t = performance.now();
    await embedManifest(manifestRows, model, { threads: workers, batchSize });
    const ms = (performance.now() - t) / patients;
    console.log(
      `tace-cnn-v1 from NIfTI files, embedManifest threads ${workers}: ${ms.toFixed(1)} ms per patient (read + crop + infer)`,
    );
  }
  await releaseModel(model);
}

const t0 = performance.now();
const resnet = buildResNet3d18({ cropSize: resnetSize });
const resnetPath = join(dir, 'resnet3d18.onnx');
writeFileSync(resnetPath, resnet);
console.log(
  `resnet3d-18 built in ${(performance.now() - t0).toFixed(0)} ms: ${(resnet.length / 2 ** 20).toFixed(1)} MiB, input [N, 2, ${resnetSize}, ${resnetSize}, ${resnetSize}]`,
);
await timeModel(`resnet3d-18 (${resnetSize}^3 @ 1 mm)`, resnetPath, {
  ...TACE_CNN_V1_MANIFEST,
  model: 'resnet3d-18',
  cropSize: [resnetSize, resnetSize, resnetSize],
  targetSpacing: [1, 1, 1],
});
rmSync(dir, { recursive: true, force: true });
const usage = process.resourceUsage();
console.log(
  `peak RSS ${(usage.maxRSS / 1024).toFixed(0)} MiB (whole process, both models and the synthetic volumes)`,
);
