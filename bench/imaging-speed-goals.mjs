// The speed goals of issue 23 item 5 for @tace/imaging, single-threaded, each with our time, the goal and
// pass/fail (plain Node on dist/: run `npx tsc -b packages/imaging` first).
//   node bench/imaging-speed-goals.mjs
//   BENCH_WARMUP (default 5): unmeasured runs per goal (and build) first, so the JIT has compiled the hot code;
//     goal 1 (0.1 s a call) takes BENCH_WARMUP_1 (default 20): V8's optimising compiler keeps compiling on a
//     background thread over about the first 15-20 calls, adding 30-50 ms of CPU time to each of them.
//   BENCH_REPS (default 5): measured runs per goal after the warm-ups, the median CPU time is compared; goal 1
//     takes BENCH_REPS_1 (default 11: a garbage collection falls on about every other call).
//   Goal 1 also prints the cold time honestly: the first call of a fresh Node process (BENCH_COLD runs, default
//   3, each in its own child process, median), which includes compiling the code; the goal is the warm time.
//   BENCH_GOALS (default 123): which goals to run, e.g. BENCH_GOALS=3.
//   BENCH_BASELINE=/path/to/another/imaging/package: also times that build (a folder holding `package.json`,
//     `dist/` and a `node_modules` link) in the same run, interleaved, and prints the ratio new / baseline.
// Goals:
//   1. IBSI 1 CT phantom (NIfTI, GTV mask), original image, all PyRadiomics classes          <= 0.15 s
//   2. the same + LoG (sigma 1, 3, 5 mm) + wavelet (coif1, 8 bands), all classes              <= 2 s
//   3. synthetic 512 x 512 x 120 Int16 CT (0.7 x 0.7 x 2.5 mm, a 25 mm radius tumour), resampled to 1 mm
//      isotropic (PyRadiomics' `resampledPixelSpacing`, B-spline image, ROI box + padding) and extracted,
//      all original classes                                                                  <= 5 s
// Times are CPU time of this process (user + system, so V8's garbage-collection and compiler threads count),
// which the other jobs of a shared machine inflate far less than wall time; wall time is printed in brackets.
// Goal 1 also prints its time per class (each class alone, minus the extraction without any class).
// What bounds each goal (details in bench/README.md):
//   1. about a third is passes over the whole 2.5 M-voxel image that do not depend on the ROI: PyRadiomics'
//      diagnostics (SHA-1 of the 10 MB of image voxels and of the mask cast to UInt32, another 10 MB; image
//      mean / min / max), the label selection, the ROI box and the NaN / infinity checks: memory traffic. The
//      texture classes are the next third: neighbour scans of the 125 k ROI voxels (26 neighbours for GLDM,
//      NGTDM and GLSZM, 13 for GLCM, a run pass per direction for GLRLM), bound by unpredictable comparisons
//      of grey levels and scattered counter increments, and GLCM's 13 eigendecompositions (MCC). Then
//      garbage collection of the ~20 MB of typed arrays one extraction allocates.
//   2. the feature classes of the 18 images (original, 3 LoG, 8 wavelet): goal 1's class costs on each.
//      The filters are separable and run on the ROI's bounding box only (values equal to the whole-image
//      filters; goal 2 prints them alone, as the extraction runs them and on the whole image): LoG, a
//      recursive IIR with infinite support, still filters every line over its whole length, the first pass
//      (z) over the whole volume and the later passes only on the box's slices and rows, so memory traffic of
//      about 2.7 whole-volume passes per sigma; each wavelet pass runs on the box grown by the filter's reach.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as current from '@tace/imaging';
import { lcgNoise, tumorPhantom } from '@tace/synthetic';
import { median } from './lib/timing.mjs';

let reps = Number(process.env.BENCH_REPS ?? 5);
const repsGoal1 = Number(process.env.BENCH_REPS_1 ?? 11);
let warmup = Number(process.env.BENCH_WARMUP ?? 5);
const warmupGoal1 = Number(process.env.BENCH_WARMUP_1 ?? 20);
const coldRuns = Number(process.env.BENCH_COLD ?? 3);
const data = join(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'data',
  'radiomics',
  'ibsi',
  'ct_phantom',
  'nifti',
);
const goals = process.env.BENCH_GOALS ?? '123';
const baseline = process.env.BENCH_BASELINE
  ? await import(pathToFileURL(join(process.env.BENCH_BASELINE, 'dist', 'index.js')).href)
  : null;
const builds = baseline ? { new: current, baseline } : { new: current };
const buildFolders = {
  new: join(import.meta.dirname, '..', 'packages', 'imaging'),
  ...(baseline ? { baseline: process.env.BENCH_BASELINE } : {}),
};

const all = { firstorder: null, shape: null, glcm: null, glrlm: null, glszm: null, gldm: null, ngtdm: null };

function cpuSeconds(f) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = f();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000, result };
}

/** Runs every build's `f` `warmup` times, then `reps` rounds interleaving the builds; medians per build. */
function compare(make) {
  const runs = Object.fromEntries(Object.keys(builds).map((k) => [k, { cpu: [], wall: [], result: null }]));
  for (let r = -warmup; r < reps; r++) {
    for (const [k, lib] of Object.entries(builds)) {
      const t = cpuSeconds(make(lib));
      runs[k].result = t.result;
      if (r < 0) continue;
      runs[k].cpu.push(t.cpu);
      runs[k].wall.push(t.wall);
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([k, v]) => [k, { cpu: median(v.cpu), wall: median(v.wall), result: v.result }]),
  );
}

function report(label, goal, runs) {
  const n = runs.new;
  const count = Object.keys(n.result.features).length;
  const verdict = n.cpu <= goal ? 'PASS' : 'FAIL';
  let line = `${label}: ${n.cpu.toFixed(3)} s [wall ${n.wall.toFixed(3)}], goal <= ${goal} s: ${verdict}  (${count} features)`;
  if (runs.baseline) {
    const b = runs.baseline;
    let maxRel = 0;
    for (const [name, v] of Object.entries(n.result.features)) {
      const w = b.result.features[name];
      if (typeof v !== 'number' || typeof w !== 'number') continue;
      if (Number.isNaN(v) && Number.isNaN(w)) continue;
      const rel = Math.abs(v - w) / Math.max(Math.abs(w), 1e-300);
      maxRel = Math.max(maxRel, Number.isNaN(rel) ? Infinity : v === w ? 0 : rel);
    }
    line += `\n    baseline ${b.cpu.toFixed(3)} s [wall ${b.wall.toFixed(3)}], new / baseline ${(n.cpu / b.cpu).toFixed(2)}; largest relative difference of a feature ${maxRel.toExponential(1)}`;
  }
  console.log(line);
}

console.log(
  `imaging-speed-goals (issue 23 item 5): Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )} (shared machine); CPU seconds, median of ${repsGoal1} runs after ${warmupGoal1} warm-up runs (goal 1), of ${reps} after ${warmup} (goals 2, 3), single thread${baseline ? `; baseline build ${process.env.BENCH_BASELINE}` : ''}`,
);

const imagePath = join(data, 'phantom.nii.gz');
const maskPath = join(data, 'mask.nii.gz');
if (!goals.includes('1') && !goals.includes('2')) {
  // goals 1 and 2 not asked for
} else if (!existsSync(imagePath) || !existsSync(maskPath)) {
  console.log(`goals 1 and 2: skipped, ${imagePath} or its mask is absent`);
} else {
  const image = current.readImage(imagePath);
  const mask = current.readImage(maskPath);
  console.log(
    `IBSI CT phantom: ${image.size.join(' x ')} voxels of ${image.spacing.map((s) => s.toFixed(2)).join(' x ')} mm`,
  );
  if (goals.includes('1')) {
    const [warmupOthers, repsOthers] = [warmup, reps];
    [warmup, reps] = [warmupGoal1, repsGoal1];
    report(
      '1. IBSI CT phantom, original image, all classes',
      0.15,
      compare((lib) => () => lib.extractFeatures(image, mask, { featureClass: all })),
    );
    coldBreakdown(imagePath, maskPath);
    classBreakdown(image, mask);
    [warmup, reps] = [warmupOthers, repsOthers];
  }
  if (goals.includes('2')) {
    report(
      '2. IBSI CT phantom, original + LoG(1, 3, 5 mm) + wavelet, all classes',
      2,
      compare(
        (lib) => () =>
          lib.extractFeatures(image, mask, {
            imageType: { Original: {}, LoG: { sigma: [1, 3, 5] }, Wavelet: {} },
            featureClass: all,
          }),
      ),
    );
    filterBreakdown(image, mask);
  }
}

/**
 * Goal 2's filters alone: as the extraction runs them (the image types given the ROI's bounding box: only the
 * voxels the feature classes read; a baseline build without regions filters the whole image) and on the whole
 * image (the public `laplacianOfGaussian` / `waveletImages`).
 */
function filterBreakdown(image, mask) {
  const roi = current.selectLabel(mask, 1);
  const box = current.boundingBox(roi, image.size);
  const logSettings = current.resolveSettings({ sigma: [1, 3, 5] });
  const waveletSettings = current.resolveSettings({});
  const onBox = compare((lib) => () => [
    ...lib.IMAGE_TYPES.LoG(image, roi, logSettings, box),
    ...lib.IMAGE_TYPES.Wavelet(image, roi, waveletSettings, box),
  ]);
  const log = compare((lib) => () => [1, 3, 5].map((s) => lib.laplacianOfGaussian(image, s)));
  const wav = compare((lib) => () => lib.waveletImages(image));
  const b = (runs) => (baseline ? ` (baseline ${runs.baseline.cpu.toFixed(3)} s)` : '');
  console.log(
    `    of which the filters as extraction runs them (LoG 3 sigmas + wavelet 8 bands, ROI box ${box.size.join(' x ')}): ${onBox.new.cpu.toFixed(3)} s${b(onBox)}; the rest is the feature classes of the 18 images, shape and diagnostics` +
      `\n    filters alone on the whole image: LoG (3 sigmas) ${log.new.cpu.toFixed(3)} s${b(log)}, wavelet (8 bands) ${wav.new.cpu.toFixed(3)} s${b(wav)}`,
  );
}

/**
 * Goal 1 cold: the first `extractFeatures` call of a fresh Node process (reading the files is not timed), which
 * includes parsing and compiling the code; `coldRuns` child processes per build, one after the other, median.
 */
function coldBreakdown(imagePath, maskPath) {
  const script = `
    const lib = await import(${JSON.stringify('PLACEHOLDER')});
    const image = lib.readImage(${JSON.stringify(imagePath)});
    const mask = lib.readImage(${JSON.stringify(maskPath)});
    const featureClass = ${JSON.stringify(all)};
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    lib.extractFeatures(image, mask, { featureClass });
    const c = process.cpuUsage(c0);
    console.log(JSON.stringify({ cpu: (c.user + c.system) / 1e6, wall: (performance.now() - t0) / 1000 }));`;
  const cold = Object.fromEntries(Object.keys(buildFolders).map((k) => [k, { cpu: [], wall: [] }]));
  for (let r = 0; r < coldRuns; r++) {
    for (const [k, folder] of Object.entries(buildFolders)) {
      const url = pathToFileURL(join(folder, 'dist', 'index.js')).href;
      const run = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', script.replace(JSON.stringify('PLACEHOLDER'), JSON.stringify(url))],
        { encoding: 'utf8' },
      );
      if (run.status !== 0) throw new Error(`cold run of ${k} failed: ${run.stderr}`);
      const t = JSON.parse(run.stdout.trim().split('\n').pop());
      cold[k].cpu.push(t.cpu);
      cold[k].wall.push(t.wall);
    }
  }
  const b = baseline
    ? ` (baseline ${median(cold.baseline.cpu).toFixed(3)} s [wall ${median(cold.baseline.wall).toFixed(3)}])`
    : '';
  console.log(
    `    cold, the first call of a fresh process (includes compiling the code; not the goal): ${median(cold.new.cpu).toFixed(3)} s [wall ${median(cold.new.wall).toFixed(3)}]${b}, median of ${coldRuns} processes`,
  );
}

/**
 * Goal 1 per class: each class alone minus the extraction without any class (reading, checks, diagnostics):
 * the two run in turn (which one first alternates) 2 x `reps` times after the warm-ups, and the difference of
 * their fastest runs is printed (garbage collections, which fall on every other extraction or so, and a shared
 * machine's other jobs only ever add time).
 */
function classBreakdown(image, mask) {
  const run = (featureClass) => cpuSeconds(() => current.extractFeatures(image, mask, { featureClass })).cpu;
  let none = Infinity;
  const parts = Object.keys(all).map((name) => {
    let alone = Infinity;
    for (let r = -warmup; r < 2 * reps; r++) {
      const first = r % 2 === 0;
      const a = first ? run({}) : run({ [name]: null });
      const b = first ? run({ [name]: null }) : run({});
      if (r < 0) continue;
      none = Math.min(none, first ? a : b);
      alone = Math.min(alone, first ? b : a);
    }
    return [name, alone];
  });
  console.log(
    `    per class (CPU s, fastest of ${2 * reps} runs of the class alone minus the fastest without classes, ${none.toFixed(3)} s: label, checks, diagnostics, discretisation): ${parts.map(([name, t]) => `${name} ${(t - none).toFixed(3)}`).join(', ')}`,
  );
}

// Goal 3: a seeded synthetic CT of the size of a thoracic scan.
if (goals.includes('3')) goal3();

function goal3() {
  const { image: ct, mask: ctMask } = tumorPhantom({
    size: [512, 512, 120],
    spacing: [0.7, 0.7, 2.5],
    center: [256, 240, 60],
    centerSpace: 'index',
    radius: 25,
    closed: false,
    background: -100,
    tumor: 50,
    noise: lcgNoise(1, { integerBits: 8 }),
    ArrayType: Int16Array,
  });
  let roi = 0;
  for (const v of ctMask.data) roi += v;
  console.log(`synthetic CT: 512 x 512 x 120 Int16, 0.7 x 0.7 x 2.5 mm, ROI ${roi} voxels`);
  report(
    '3. 512 x 512 x 120 CT resampled to 1 mm isotropic + all original classes',
    5,
    compare(
      (lib) => () =>
        lib.extractFeatures(ct, ctMask, { setting: { resampledPixelSpacing: [1, 1, 1] }, featureClass: all }),
    ),
  );
}
