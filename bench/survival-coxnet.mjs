// Benchmark of coxnet (elastic-net Cox path, @tace/survival) against R glmnet, measured in the same run.
// Plain Node on dist/: run `npx tsc -b packages/survival` first.   node bench/survival-coxnet.mjs
//   BENCH_N (default 1349, the paper's cohort) subjects x BENCH_P (default 1000, radiomics-sized) features,
//   standard normal with 20 true effects, ~30 % censoring; lasso path of 100 lambdas (default options on both
//   sides: lambda.min.ratio 1e-4, thresh 1e-7, glmnet's early stopping). Times are the median of BENCH_REPS
//   (default 1) runs. R is timed with Rscript on the same data (a temporary binary file) with system.time;
//   when Rscript or glmnet is missing a note is printed instead. The path length and the largest coefficient
//   difference between the two fits are printed as a sanity check.
//   BENCH_CV=1 also times 10-fold cvCoxnet on worker threads (BENCH_THREADS, default 2) against
//   cv.glmnet with the same folds (heavy: about ten paths on each side).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, randomNormal } from '@tace/core';
import { coxnet, cvCoxnet } from '@tace/survival/kernels';

const n = Number(process.env.BENCH_N ?? 1349);
const p = Number(process.env.BENCH_P ?? 1000);
const reps = Number(process.env.BENCH_REPS ?? 1);
const rng = createRng(20261126);
const data = new Float64Array(n * p); // column-major
for (let k = 0; k < n * p; k++) data[k] = randomNormal(rng);
const eta = new Float64Array(n);
for (let j = 0; j < 20; j++) {
  const b = (j % 2 === 0 ? 1 : -1) * (0.5 - j * 0.02);
  for (let i = 0; i < n; i++) eta[i] += b * data[j * n + i];
}
const time = new Float64Array(n);
const event = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const tEvent = -Math.log(1 - rng.nextFloat()) / (0.1 * Math.exp(eta[i]));
  const tCens = -Math.log(1 - rng.nextFloat()) / 0.04;
  time[i] = Math.min(tEvent, tCens);
  event[i] = tEvent <= tCens ? 1 : 0;
}

function median(values) {
  const s = [...values].sort((u, v) => u - v);
  return s[Math.floor(s.length / 2)];
}
const times = [];
const cpuTimes = [];
let fit;
for (let r = 0; r < reps; r++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  fit = coxnet({ rows: n, columns: p, data }, time, event);
  cpuTimes.push(process.cpuUsage(c0).user / 1e6);
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const ours = median(times);
const oursCpu = median(cpuTimes);

let rTime = null;
let rCpu = null;
let rNote = '';
let check = '';
try {
  const version = execFileSync(
    'Rscript',
    [
      '-e',
      'suppressMessages(library(glmnet)); cat(R.version.string, "/ glmnet", as.character(packageVersion("glmnet")))',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const dir = mkdtempSync(join(tmpdir(), 'tace-bench-'));
  try {
    writeFileSync(join(dir, 'x.bin'), Buffer.from(data.buffer));
    writeFileSync(join(dir, 'time.bin'), Buffer.from(time.buffer));
    writeFileSync(join(dir, 'event.bin'), Buffer.from(event.buffer));
    const script = [
      'suppressMessages({ library(glmnet); library(survival) })',
      `d <- "${dir}"`,
      `x <- matrix(readBin(file.path(d, "x.bin"), "double", ${n * p}), ${n}, ${p})`,
      `time <- readBin(file.path(d, "time.bin"), "double", ${n})`,
      `event <- readBin(file.path(d, "event.bin"), "double", ${n})`,
      `st <- replicate(${reps}, system.time(fit <<- glmnet(x, Surv(time, event), family = "cox"))[c("elapsed", "user.self")])`,
      'cat(median(st[1, ]), median(st[2, ]), length(fit$lambda), "\\n")',
      'writeBin(as.vector(as.matrix(fit$beta)), file.path(d, "beta.bin"))',
    ].join('\n');
    writeFileSync(join(dir, 'bench.R'), script);
    const [seconds, cpuSeconds, pathLength] = execFileSync('Rscript', [join(dir, 'bench.R')], {
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number);
    rTime = seconds;
    rCpu = cpuSeconds;
    const rBeta = new Float64Array(readFileSync(join(dir, 'beta.bin')).buffer.slice(0));
    const common = Math.min(pathLength, fit.lambda.length);
    let maxDiff = 0;
    for (let k = 0; k < common * p; k++) maxDiff = Math.max(maxDiff, Math.abs(rBeta[k] - fit.beta.data[k]));
    check = `path length: tace ${fit.lambda.length}, glmnet ${pathLength}; max |beta difference| over the path ${maxDiff.toExponential(2)}`;
    rNote = version;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} catch (error) {
  rNote = `R/glmnet not available (${error.code === 'ENOENT' ? 'Rscript not found' : String(error.message).split('\n')[0]}): R timing and ratio skipped`;
}

console.log(`coxnet vs ${rNote}`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores), Node ${process.version}`);
console.log(
  `lasso Cox path, n = ${n}, p = ${p}, ${fit.lambda.length} lambdas, median of ${reps} run(s), seconds`,
);
// The machine may be shared: CPU (user) time is the fairer comparison; elapsed is printed too.
const show = (ta, tr) =>
  `tace ${ta.toFixed(2)}   glmnet ${tr === null ? '-' : tr.toFixed(2)}   tace/glmnet ${tr !== null && tr > 0 ? (ta / tr).toFixed(2) : '-'}`;
console.log(`CPU     ${show(oursCpu, rCpu)}`);
console.log(`elapsed ${show(ours, rTime)}`);
if (check !== '') console.log(check);

if (process.env.BENCH_CV === '1') {
  const threads = Number(process.env.BENCH_THREADS ?? 2);
  const t0 = process.hrtime.bigint();
  const cv = await cvCoxnet({ rows: n, columns: p, data }, time, event, {
    nFolds: 10,
    random: 1,
    parallel: threads,
  });
  const ours10 = Number(process.hrtime.bigint() - t0) / 1e9;
  let line = `10-fold CV (${threads} worker threads): tace ${ours10.toFixed(2)} s elapsed`;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'tace-bench-'));
    try {
      writeFileSync(join(dir, 'x.bin'), Buffer.from(data.buffer));
      writeFileSync(join(dir, 'time.bin'), Buffer.from(time.buffer));
      writeFileSync(join(dir, 'event.bin'), Buffer.from(event.buffer));
      writeFileSync(join(dir, 'fold.bin'), Buffer.from(Float64Array.from(cv.foldId, (k) => k + 1).buffer));
      const script = [
        'suppressMessages({ library(glmnet); library(survival) })',
        `d <- "${dir}"`,
        `x <- matrix(readBin(file.path(d, "x.bin"), "double", ${n * p}), ${n}, ${p})`,
        `time <- readBin(file.path(d, "time.bin"), "double", ${n})`,
        `event <- readBin(file.path(d, "event.bin"), "double", ${n})`,
        `fold <- readBin(file.path(d, "fold.bin"), "double", ${n})`,
        'st <- system.time(cv <- cv.glmnet(x, Surv(time, event), family = "cox", foldid = fold))',
        'cat(st[["elapsed"]], cv$lambda.min, "\\n")',
      ].join('\n');
      writeFileSync(join(dir, 'cv.R'), script);
      const [seconds, lambdaMin] = execFileSync('Rscript', [join(dir, 'cv.R')], { encoding: 'utf8' })
        .trim()
        .split(/\s+/)
        .map(Number);
      line += `, cv.glmnet ${seconds.toFixed(2)} s (serial), ratio ${(ours10 / seconds).toFixed(2)}; lambda.min tace ${cv.lambdaMin.toPrecision(6)} glmnet ${lambdaMin.toPrecision(6)}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (error) {
    line += ` (cv.glmnet not timed: ${String(error.message).split('\n')[0]})`;
  }
  console.log(line);
}
