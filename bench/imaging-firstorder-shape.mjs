// Benchmark of first-order + shape extraction and cohort throughput in @tace/imaging
// (plain Node on dist/: run `npx tsc -b packages/imaging` first).
//   node bench/imaging-firstorder-shape.mjs                  (defaults: 3 repeats, cohort of 4 CTs, 2 workers)
//   BENCH_REPEATS=5 BENCH_COHORT=50 BENCH_WORKERS=2 node bench/imaging-firstorder-shape.mjs
// Per case (brain1 from PyRadiomics' test data, the IBSI CT phantom NIfTI with its GTV-1 mask): median wall time
// of extractFeatures (firstorder + shape, original image, file reading excluded) and the peak RSS of a fresh
// process doing one read + extraction. Cohort: synthetic 512 x 512 x 100 Int16 CTs with a 30 mm tumour written as
// NIfTI, extracted by extractCohort with both workers busy; patients per minute.
// PyRadiomics is not installed here (no PyPI access): its published figure is about 3 s per case for all
// original-image features; it cannot be run in the same process for a ratio.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCohort, extractFeatures, readImage, writeNifti } from '@tace/imaging';
import { lcgNoise, tumorPhantom } from '@tace/synthetic';

const shared = fileURLToPath(new URL('../../shared/data/radiomics/', import.meta.url));
const CASES = {
  brain1: [`${shared}pyradiomics/brain1_image.nrrd`, `${shared}pyradiomics/brain1_label.nrrd`],
  'ibsi-ct-phantom': [
    `${shared}ibsi/ct_phantom/nifti/phantom.nii.gz`,
    `${shared}ibsi/ct_phantom/nifti/mask.nii.gz`,
  ],
};
const PARAMETERS = {
  setting: { binWidth: 25, voxelArrayShift: 0 },
  featureClass: { firstorder: null, shape: null },
};

if (process.argv[2] === '--one') {
  // child: one read + extraction, report peak RSS (KiB on Linux)
  const [imagePath, maskPath] = CASES[process.argv[3]];
  extractFeatures(readImage(imagePath), readImage(maskPath), PARAMETERS);
  process.stdout.write(String(process.resourceUsage().maxRSS));
  process.exit(0);
}

const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const cohortSize = Number(process.env.BENCH_COHORT ?? 4);
const workers = Number(process.env.BENCH_WORKERS ?? 2);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
);
console.log(
  'reference: PyRadiomics is not installed here (no PyPI); published ~3 s per case for all original-image features',
);

for (const [name, [imagePath, maskPath]] of Object.entries(CASES)) {
  let image;
  let mask;
  try {
    image = readImage(imagePath);
    mask = readImage(maskPath);
  } catch {
    console.log(`${name}: skipped (shared data absent)`);
    continue;
  }
  const times = [];
  let features;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    features = extractFeatures(image, mask, PARAMETERS).features;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const peakKiB = Number(
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', name]).toString(),
  );
  console.log(
    `${name}: ${image.size.join('x')} voxels, ROI ${features.original_shape_VoxelVolume.toFixed(0)} mm^3 -> first-order + shape median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, ${repeats} runs); peak RSS of read + extract ${(peakKiB / 1024).toFixed(0)} MiB`,
  );
}

// Cohort throughput on synthetic CTs.
const dir = mkdtempSync(join(tmpdir(), 'tace-bench-fo-'));
try {
  const rows = [];
  const t0 = performance.now();
  for (let p = 0; p < cohortSize; p++) {
    // Background -100 HU + 8-bit noise; a 30 mm tumor (+150 HU) whose center moves with the patient.
    const { image, mask } = tumorPhantom({
      size: [512, 512, 100],
      spacing: [0.7, 0.7, 2.5],
      center: [256 + 10 * p, 240, 50],
      centerSpace: 'index',
      radius: 15,
      closed: false,
      background: -100,
      tumor: 50,
      noise: lcgNoise(p + 1, { integerBits: 8 }),
      ArrayType: Int16Array,
    });
    writeNifti(join(dir, `p${p}.nii.gz`), image);
    writeNifti(join(dir, `p${p}_mask.nii.gz`), mask);
    rows.push({
      patientId: `p${p}`,
      phase: 'arterial',
      image: join(dir, `p${p}.nii.gz`),
      mask: join(dir, `p${p}_mask.nii.gz`),
      label: 1,
    });
  }
  console.log(
    `cohort: wrote ${cohortSize} synthetic 512x512x100 CTs in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const t1 = performance.now();
  const { failed } = await extractCohort(rows, PARAMETERS, { threads: workers });
  const seconds = (performance.now() - t1) / 1000;
  console.log(
    `cohort: ${cohortSize} patients (read NIfTI.gz + first-order + shape) with ${workers} workers in ${seconds.toFixed(1)} s -> ${((cohortSize / seconds) * 60).toFixed(1)} patients/min, ${(seconds / cohortSize).toFixed(2)} s/patient wall; ${failed} failed`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
