// Benchmark of @tace/omics scoreGeneSets against GSVA in the same run.
// Plain Node on dist/: run `npx tsc -b packages/omics` first.   node bench/omics-gsva.mjs
//   ssGSEA on a TCGA-sized matrix: BENCH_GENES (default 20,000) genes x BENCH_SAMPLES (default 371) samples,
//   50 gene sets of 200 genes; GSVA method (Gaussian kernel) on BENCH_GSVA_GENES (default 5,000) genes x the
//   same samples and sets restricted to those genes (the kernel step is O(genes x samples^2) in both tools).
// The matrix is seeded (core createRng), log-normal-like with ties (values rounded to 3 decimals). R reads it
// from a temporary binary file; only the gsva() call is timed (system.time). Our time is the median of
// BENCH_REPS (default 3) runs of scoreGeneSets (single thread) and one run of scoreGeneSetsParallel. CPU times
// (ours: process.cpuUsage; R: system.time user + sys) are printed too: on a shared machine they are the fairer
// ratio.
// When Rscript or GSVA is missing a note is printed instead of the R columns.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, randomNormal, sampleIndices } from '@tace/core';
import { expressionMatrix, scoreGeneSets, scoreGeneSetsParallel } from '@tace/omics';
import { measure } from './lib/timing.mjs';

const nGenes = Number(process.env.BENCH_GENES ?? 20_000);
const nSamples = Number(process.env.BENCH_SAMPLES ?? 371);
const nGsvaGenes = Number(process.env.BENCH_GSVA_GENES ?? 5_000);
const reps = Number(process.env.BENCH_REPS ?? 3);
const threads = Number(process.env.BENCH_THREADS ?? Math.min(2, availableParallelism()));
const rng = createRng(20261126);

function makeMatrix(g, s) {
  const offsets = Float64Array.from({ length: g }, () => 4 + 2 * randomNormal(rng));
  const values = new Float64Array(g * s);
  for (let j = 0; j < s; j++) {
    for (let i = 0; i < g; i++)
      values[j * g + i] = Math.round((offsets[i] + randomNormal(rng)) * 1000) / 1000;
  }
  return expressionMatrix(
    Array.from({ length: g }, (_, i) => `G${i + 1}`),
    Array.from({ length: s }, (_, j) => `S${j + 1}`),
    values,
  );
}
function makeSets(g, count, size) {
  const sets = {};
  for (let k = 0; k < count; k++)
    sets[`SET${k + 1}`] = Array.from(sampleIndices(g, size, rng), (i) => `G${i + 1}`);
  return sets;
}
function timeIt(f, n) {
  const { seconds, cpu, result } = measure(f, { reps: n });
  return { seconds, cpu, out: result };
}
async function timeAsync(f) {
  const t0 = performance.now();
  const out = await f();
  return { seconds: (performance.now() - t0) / 1000, out };
}

const big = makeMatrix(nGenes, nSamples);
const sets = makeSets(nGenes, 50, 200);
const small = expressionMatrix(
  big.genes.slice(0, nGsvaGenes),
  big.samples,
  new Float64Array(nGsvaGenes * nSamples),
);
for (let j = 0; j < nSamples; j++)
  small.data.set(big.data.subarray(j * nGenes, j * nGenes + nGsvaGenes), j * nGsvaGenes);
const smallSets = Object.fromEntries(
  Object.entries(sets).map(([k, v]) => [k, v.filter((g) => Number(g.slice(1)) <= nGsvaGenes)]),
);

const ssgsea = timeIt(() => scoreGeneSets(big, sets, { method: 'ssgsea' }), reps);
const ssgseaPar = await timeAsync(() => scoreGeneSetsParallel(big, sets, { method: 'ssgsea', threads }));
const gsva = timeIt(() => scoreGeneSets(small, smallSets, { method: 'gsva' }), 1);
const gsvaPar = await timeAsync(() => scoreGeneSetsParallel(small, smallSets, { method: 'gsva', threads }));

let r = null;
let rNote = '';
try {
  const version = execFileSync(
    'Rscript',
    ['-e', 'cat(R.version.string, "/ GSVA", as.character(packageVersion("GSVA")))'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const dir = mkdtempSync(join(tmpdir(), 'omics-gsva-bench-'));
  try {
    writeFileSync(join(dir, 'x.bin'), Buffer.from(big.data.buffer));
    const gmt = (s) =>
      Object.entries(s)
        .map(([k, v]) => [k, 'NA', ...v].join('\t'))
        .join('\n');
    writeFileSync(join(dir, 'sets.gmt'), `${gmt(sets)}\n`);
    writeFileSync(join(dir, 'small.gmt'), `${gmt(smallSets)}\n`);
    const script = `suppressPackageStartupMessages(library(GSVA))
d <- ${JSON.stringify(dir)}
x <- matrix(readBin(file.path(d, "x.bin"), "double", ${nGenes * nSamples}), ${nGenes}, ${nSamples})
rownames(x) <- paste0("G", 1:${nGenes}); colnames(x) <- paste0("S", 1:${nSamples})
rd <- function(f) { l <- strsplit(readLines(file.path(d, f)), "\\t"); setNames(lapply(l, function(v) v[-(1:2)]), sapply(l, "[", 1)) }
sets <- rd("sets.gmt"); small <- rd("small.gmt")
cpu <- function(t) t[["user.self"]] + t[["sys.self"]]
t1 <- system.time(s1 <- suppressWarnings(gsva(x, sets, method = "ssgsea", verbose = FALSE)))
xs <- x[1:${nGsvaGenes}, ]
t2 <- system.time(s2 <- suppressWarnings(gsva(xs, small, method = "gsva", verbose = FALSE)))
writeBin(as.double(s1), file.path(d, "s1.bin")); writeBin(as.double(s2), file.path(d, "s2.bin"))
cat(t1[["elapsed"]], t2[["elapsed"]], cpu(t1), cpu(t2), "\\n")
`;
    writeFileSync(join(dir, 'bench.R'), script);
    const [t1, t2, c1, c2] = execFileSync('Rscript', [join(dir, 'bench.R')], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .split('\n')
      .at(-1)
      .trim()
      .split(/\s+/)
      .map(Number); // GSVA print()s progress lines: the timings are the last line
    const read = (f) => new Float64Array(readFileSync(join(dir, f)).buffer.slice(0));
    r = {
      version: version.trim(),
      ssgsea: t1,
      gsva: t2,
      ssgseaCpu: c1,
      gsvaCpu: c2,
      s1: read('s1.bin'),
      s2: read('s2.bin'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} catch (error) {
  rNote = `R/GSVA not available (${String(error.message).split('\n')[0]}): R timings and score comparison skipped`;
}

const maxDiff = (a, b) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
console.log(`omics-gsva: scoreGeneSets vs GSVA gsva(), seeded matrix, 50 sets of 200 genes`);
console.log(`  ${r ? r.version : rNote}`);
const row = (label, ours, par, rTime, rScores, rCpu) => {
  const ratio =
    rTime === undefined
      ? ''
      : `  R ${rTime.toFixed(2)} s  ->  ${(rTime / ours.seconds).toFixed(1)}x (1 thread), ${(rTime / par.seconds).toFixed(1)}x (${threads} threads)`;
  const same =
    rScores === undefined ? '' : `  max |ours - R| = ${maxDiff(ours.out.data, rScores).toExponential(2)}`;
  console.log(
    `  ${label}: ours ${ours.seconds.toFixed(2)} s (1 thread), ${par.seconds.toFixed(2)} s (${threads} threads)${ratio}${same}`,
  );
  if (rCpu !== undefined) {
    console.log(
      `    CPU time (load-independent): ours ${ours.cpu.toFixed(2)} s, R ${rCpu.toFixed(2)} s -> ${(rCpu / ours.cpu).toFixed(1)}x`,
    );
  }
  console.log(`    parallel = sequential scores: ${maxDiff(ours.out.data, par.out.data) === 0}`);
};
row(`ssgsea ${nGenes} x ${nSamples}`, ssgsea, ssgseaPar, r?.ssgsea, r?.s1, r?.ssgseaCpu);
row(`gsva   ${nGsvaGenes} x ${nSamples}`, gsva, gsvaPar, r?.gsva, r?.s2, r?.gsvaCpu);
