// Benchmark of @tace/core statistics primitives against R, measured in the same run.
// Plain Node on dist/: run `npx tsc -b packages/core` first.   node bench/core-stats.mjs
//   BENCH_N (default 1,000,000) values for rank / quantile / mean+variance; Wilcoxon rank-sum on two samples of
//   BENCH_N / 2 (normal approximation, ties from rounding) and on 40 + 40 (exact); p.adjust (BH) on BENCH_N.
// Times are the median of BENCH_REPS (default 3) runs. R is timed with Rscript on the same data (a temporary
// binary file), with system.time around the same calls; when Rscript is missing a note is printed instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRng,
  mean,
  pAdjust,
  quantile,
  randomNormal,
  rank,
  variance,
  wilcoxonRankSum,
} from '@tace/core';
import { measure } from './lib/timing.mjs';

const n = Number(process.env.BENCH_N ?? 1_000_000);
const reps = Number(process.env.BENCH_REPS ?? 3);
const rng = createRng(20261126);
const x = new Float64Array(n);
for (let i = 0; i < n; i++) x[i] = Math.round(randomNormal(rng) * 1000) / 1000; // ties, as in real data
const half = Math.floor(n / 2);
const a = x.subarray(0, half);
const b = x.subarray(half).map((v) => v + 0.01);
const smallA = Float64Array.from({ length: 40 }, () => randomNormal(rng));
const smallB = Float64Array.from({ length: 40 }, () => randomNormal(rng) + 0.3);
const p = Float64Array.from({ length: n }, () => rng.nextFloat() ** 4);
const probs = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99];

function timeIt(f) {
  const { seconds, result } = measure(f, { reps });
  return { seconds, result };
}

const cases = [
  { name: `rank (average ties), n = ${n}`, r: 'invisible(rank(x))', run: () => rank(x) },
  {
    name: `quantile type 7, 7 probs, n = ${n}`,
    r: 'invisible(quantile(x, probs, type = 7))',
    run: () => quantile(x, probs),
  },
  {
    name: `mean + variance, n = ${n}`,
    r: 'invisible(c(mean(x), var(x)))',
    run: () => [mean(x), variance(x)],
  },
  {
    name: `wilcoxon rank-sum (normal approx.), ${half} + ${n - half}`,
    r: 'invisible(wilcox.test(a, b)$p.value)',
    run: () => wilcoxonRankSum(a, b).pValue,
  },
  {
    name: 'wilcoxon rank-sum (exact), 40 + 40, x100',
    r: 'for (k in 1:100) invisible(wilcox.test(sa, sb)$p.value)',
    run: () => {
      let s = 0;
      for (let k = 0; k < 100; k++) s += wilcoxonRankSum(smallA, smallB).pValue;
      return s;
    },
  },
  { name: `p.adjust BH, n = ${n}`, r: 'invisible(p.adjust(p, "BH"))', run: () => pAdjust(p, 'BH') },
];

const ours = cases.map((c) => timeIt(c.run).seconds);

let rTimes = null;
let rNote = '';
try {
  const version = execFileSync('Rscript', ['-e', 'cat(R.version.string)'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const dir = mkdtempSync(join(tmpdir(), 'tace-bench-'));
  try {
    const write = (name, values) =>
      writeFileSync(join(dir, name), Buffer.from(new Float64Array(values).buffer));
    write('x.bin', x);
    write('a.bin', a);
    write('b.bin', b);
    write('sa.bin', smallA);
    write('sb.bin', smallB);
    write('p.bin', p);
    const read = (name, count) => `${name} <- readBin(file.path(d, "${name}.bin"), "double", ${count})`;
    const script = [
      `d <- "${dir}"`,
      read('x', n),
      read('a', half),
      read('b', n - half),
      read('sa', 40),
      read('sb', 40),
      read('p', n),
      `probs <- c(${probs.join(', ')})`,
      `reps <- ${reps}`,
      'timeit <- function(expr) { e <- substitute(expr); median(replicate(reps, system.time(eval(e, parent.frame()))[["elapsed"]])) }',
      ...cases.map((c) => `cat(timeit(${c.r}), "\\n")`),
    ].join('\n');
    writeFileSync(join(dir, 'bench.R'), script);
    const output = execFileSync('Rscript', [join(dir, 'bench.R')], { encoding: 'utf8' });
    rTimes = output.trim().split(/\s+/).map(Number);
    rNote = version;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} catch (error) {
  rNote = `R not available (${error.code === 'ENOENT' ? 'Rscript not found' : String(error.message).split('\n')[0]}): R timings and ratios skipped`;
}

console.log(`@tace/core stats vs ${rNote}; median of ${reps} runs, seconds`);
console.log(`${'case'.padEnd(52)} ${'tace'.padStart(9)} ${'R'.padStart(9)} ${'tace/R'.padStart(8)}`);
cases.forEach((c, i) => {
  const r = rTimes?.[i];
  const ratio = r !== undefined && r > 0 ? (ours[i] / r).toFixed(2) : r === 0 ? '(R < 1 ms)' : '-';
  console.log(
    `${c.name.padEnd(52)} ${ours[i].toFixed(4).padStart(9)} ${r === undefined ? '-'.padStart(9) : r.toFixed(4).padStart(9)} ${ratio.padStart(8)}`,
  );
});
