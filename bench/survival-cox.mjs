// Benchmark of @tace/survival's classical survival analysis against R survival, measured in the same run.
// Plain Node on dist/: run `npx tsc -b packages/survival` first.
//   node bench/survival-cox.mjs              (n = 100,000; p = 10)
//   BENCH_N=1000000 node bench/survival-cox.mjs   (also shows 1e6 rows work in memory)
// Times (median of BENCH_REPS runs, default 3; elapsed and CPU seconds): coxph Efron (n x p), KM + log-rank
// (2 groups), Harrell concordance. R is timed with Rscript on the same data (written to a temporary CSV), with system.time
// around the same calls; when Rscript or survival is missing a note is printed and ratios are skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRng, randomNormal } from '@tace/core';
import { coxph } from '@tace/survival';
import { concordance, kaplanMeier, logRank } from '@tace/survival/kernels';

const n = Number(process.env.BENCH_N ?? 100_000);
const p = Number(process.env.BENCH_P ?? 10);
const reps = Number(process.env.BENCH_REPS ?? 3);

// Synthetic cohort: exponential times with hazard exp(x'beta), beta_k = 0.1 k, times rounded to 0.01
// (ties, as in real follow-up), uniform censoring (about 30%).
const rng = createRng(20261126);
const table = {};
const x = [];
for (let k = 0; k < p; k++) {
  const col = new Float64Array(n);
  for (let i = 0; i < n; i++) col[i] = randomNormal(rng);
  table[`x${k + 1}`] = col;
  x.push(col);
}
const time = new Float64Array(n);
const status = new Float64Array(n);
const group = new Float64Array(n);
for (let i = 0; i < n; i++) {
  let eta = 0;
  for (let k = 0; k < p; k++) eta += 0.1 * (k + 1) * x[k][i] * 0.3;
  const t = -Math.log(1 - rng.nextFloat()) / Math.exp(eta);
  const c = 3 * rng.nextFloat();
  time[i] = Math.max(0.01, Math.round(Math.min(t, c) * 100) / 100);
  status[i] = t <= c ? 1 : 0;
  group[i] = x[0][i] > 0 ? 1 : 0;
}
table.time = time;
table.status = status;
const covariates = x.map((_, k) => `x${k + 1}`);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time1(f) {
  const wall = [];
  const cpu = [];
  let result;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = f();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1e6);
  }
  return { seconds: median(wall), cpu: median(cpu), result };
}

const js = {
  cox: time1(() => coxph(table, { time: 'time', event: 'status', covariates })),
  kmLogRank: time1(() => {
    kaplanMeier(time, status, { group });
    return logRank(time, status, group);
  }),
  concordance: time1(() => concordance(time, status, x[0])),
};

let r = null;
let rNote = '';
const dir = mkdtempSync(join(tmpdir(), 'tace-bench-'));
try {
  const csv = join(dir, 'data.csv');
  const lines = [['time', 'status', 'group', ...covariates].join(',')];
  for (let i = 0; i < n; i++) lines.push([time[i], status[i], group[i], ...x.map((col) => col[i])].join(','));
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const script = `
suppressPackageStartupMessages(library(survival))
d <- read.csv(${JSON.stringify(csv)})
f <- as.formula(paste("Surv(time, status) ~", paste(c(${covariates.map((c) => JSON.stringify(c)).join(', ')}), collapse = " + ")))
tm <- function(e) { s <- system.time(eval(e)); c(s[["elapsed"]], s[["user.self"]] + s[["sys.self"]]) }
med <- function(e) { m <- replicate(${reps}, tm(e)); paste(median(m[1, ]), median(m[2, ]), sep = "/") }
cox <- med(quote(fit <<- coxph(f, d)))
km <- med(quote({survfit(Surv(time, status) ~ group, d); survdiff(Surv(time, status) ~ group, d)}))
conc <- med(quote(concordance(Surv(time, status) ~ x1, d, reverse = TRUE)))
cat(cox, km, conc, format(coef(fit)[1], digits = 15), format(fit$loglik[2], digits = 15), as.character(packageVersion("survival")), "\\n")
`;
  const out = execFileSync('Rscript', ['-e', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [cox, km, conc, coef1, loglik, version] = out.trim().split(/\s+/);
  const pair = (v) => v.split('/').map(Number);
  r = {
    cox: pair(cox),
    kmLogRank: pair(km),
    concordance: pair(conc),
    coef1: Number(coef1),
    loglik: Number(loglik),
    version,
  };
} catch (error) {
  const detail = String(error.stderr ?? error.message ?? error)
    .trim()
    .split('\n')
    .slice(-2)
    .join(' ');
  rNote = `R not measured (${detail}): install R with the survival package to compare.`;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`@tace/survival classical benchmark: n = ${n}, p = ${p}, median of ${reps} runs`);
console.log(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`,
);
const rows = [
  ['coxph Efron', 'cox'],
  ['KM + log-rank (2 groups)', 'kmLogRank'],
  ['concordance (Harrell)', 'concordance'],
];
console.log('(elapsed / CPU seconds; the CPU ratio is the steadier one on a shared machine)');
for (const [label, key] of rows) {
  const ours = js[key];
  const theirs = r?.[key];
  const ratio = theirs
    ? ` | R ${theirs[0].toFixed(3)} / ${theirs[1].toFixed(3)} s | ratio ours/R elapsed ${(ours.seconds / theirs[0]).toFixed(2)}, CPU ${(ours.cpu / theirs[1]).toFixed(2)}`
    : '';
  console.log(`${label.padEnd(26)} ours ${ours.seconds.toFixed(3)} / ${ours.cpu.toFixed(3)} s${ratio}`);
}
if (r) {
  const fit = js.cox.result;
  console.log(
    `agreement: coef x1 ours ${fit.coefficients[0].toPrecision(10)} vs R ${r.coef1.toPrecision(10)}; ` +
      `loglik ours ${fit.loglik[1].toPrecision(12)} vs R ${r.loglik.toPrecision(12)} (R survival ${r.version})`,
  );
} else console.log(rNote);
console.log(`peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
