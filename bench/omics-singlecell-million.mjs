// A million cells on one machine: @tace/omics scores and compares by risk group a gzip-compressed .h5ad of
// BENCH_CELLS (default 1,000,000) cells x 20,000 genes, streaming, and reports wall time and peak memory.
// Opt-in (it writes a ~3 GB file and keeps both cores busy for many minutes):
//   npx tsc -b packages/omics && BENCH_MILLION=1 node bench/omics-singlecell-million.mjs
//   1. bench/omics-singlecell-million.py (python3 + h5py + numpy) writes the file block by block as anndata
//      0.8 lays it out (CSR X, gzip; obs with patient and cell_type categoricals), about 1,000 detected genes
//      per cell; skipped when BENCH_FILE names an existing file (BENCH_FILE also keeps the file afterwards).
//   2. In a fresh process under /usr/bin/time -v (peak RSS, worker threads included): readH5adObs, then
//      scoreH5ad (counts per 10k + log1p, scanpy score_genes, five signatures, BENCH_THREADS workers,
//      default 2), then compareByRiskGroup per signature (pseudo-bulk per patient and cell type, Wilcoxon
//      high vs low, 40 patients).
// No reference run: python anndata would need the whole matrix in memory (about 10 GB of CSR arrays for
// 10^9 non-zeros, more than the 8 GB goal), see bench/omics-singlecell.mjs for the same-run comparison.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const omics = '@tace/omics';

if (process.argv[2] === '--run') {
  const { columnLabels, compareByRiskGroup, readH5adObs, scoreH5ad } = await import(omics);
  const path = process.argv[3];
  const sets = JSON.parse(readFileSync(`${path}.sets.json`, 'utf8'));
  const t0 = performance.now();
  const obs = await readH5adObs(path);
  const cellType = columnLabels(obs.columns.cell_type);
  const patient = columnLabels(obs.columns.patient);
  const tObs = performance.now();
  const r = await scoreH5ad(path, sets, {
    normalize: true,
    threads: Number(process.env.BENCH_THREADS ?? 2),
    chunkSize: Number(process.env.BENCH_CHUNK ?? 5000),
    onWarning: () => {},
  });
  const tScore = performance.now();
  const ids = [...new Set(patient)];
  const groups = { patient_id: ids, risk_group: ids.map((p) => (Number(p.slice(1)) <= 20 ? 'high' : 'low')) };
  const tests = {};
  for (const [name, scores] of Object.entries(r.scores)) {
    const cells = { score: scores, cell_type: cellType, patient };
    const columns = {
      score: 'score',
      cellType: 'cell_type',
      patient: 'patient',
      id: 'patient_id',
      group: 'risk_group',
    };
    const cmp = compareByRiskGroup(cells, groups, columns, { groups: ['low', 'high'] });
    const t = cmp.tests;
    tests[name] = t.cellType.map((c, i) => ({
      cellType: c,
      patients: [t.nReference[i], t.nComparison[i]],
      difference: t.difference[i],
      adjustedPValue: t.adjustedPValue[i],
    }));
  }
  const tEnd = performance.now();
  console.log(
    JSON.stringify({
      nObs: r.nObs,
      obsSeconds: (tObs - t0) / 1000,
      scoreSeconds: (tScore - tObs) / 1000,
      compareSeconds: (tEnd - tScore) / 1000,
      seconds: (tEnd - t0) / 1000,
      tests,
    }),
  );
  process.exit(0);
}

if (process.env.BENCH_MILLION !== '1') {
  console.log(
    'omics-singlecell-million: skipped (opt-in: BENCH_MILLION=1 writes a ~3 GB file and runs for many minutes)',
  );
  process.exit(0);
}

const { bundledSignatures } = await import(omics);
const { createRng } = await import('@tace/core');
const { benchGenes } = await import('./lib/singlecell-genes.mjs');
const nCells = Number(process.env.BENCH_CELLS ?? 1_000_000);
const { sets, genes } = benchGenes(
  bundledSignatures(),
  Number(process.env.BENCH_GENES ?? 20_000),
  createRng(20261205),
);
const python = '/usr/bin/python3';

const dir = mkdtempSync(join(tmpdir(), 'tace-bench-sc-million-'));
const kept = process.env.BENCH_FILE;
const path = kept ?? join(dir, 'million.h5ad');
try {
  writeFileSync(`${path}.sets.json`, JSON.stringify(sets));
  if (kept && existsSync(kept)) console.log(`reusing ${kept}`);
  else {
    writeFileSync(join(dir, 'genes.json'), JSON.stringify(genes));
    const written = execFileSync(
      python,
      [
        join(here, 'omics-singlecell-million.py'),
        path,
        join(dir, 'genes.json'),
        String(nCells),
        `${path}.sets.json`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const w = JSON.parse(written.trim().split('\n').pop());
    console.log(
      `written: ${w.cells} cells x ${w.genes} genes, ${w.nnz} non-zeros (${(w.nnz / w.cells).toFixed(0)} per cell) in ${w.seconds.toFixed(0)} s; python anndata check: ${JSON.stringify(w.anndataCheck)}`,
    );
  }
  console.log(`file: ${(statSync(path).size / 2 ** 30).toFixed(2)} GiB (gzip)`);
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, fileURLToPath(import.meta.url), '--run', path],
    {
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const r = JSON.parse(run.stdout.trim().split('\n').pop());
  const peakKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]);
  const cpu = ['User time', 'System time'].map((k) =>
    Number(new RegExp(`${k} \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1]),
  );
  console.log(
    `\n${r.nObs} cells: ${r.seconds.toFixed(1)} s wall (obs ${r.obsSeconds.toFixed(1)} s, scoreH5ad ${r.scoreSeconds.toFixed(1)} s, compareByRiskGroup x${Object.keys(r.tests).length} ${r.compareSeconds.toFixed(1)} s), CPU ${(cpu[0] + cpu[1]).toFixed(0)} s, peak RSS ${(peakKiB / 2 ** 20).toFixed(2)} GiB (goal: 8 GB)`,
  );
  for (const [name, rows] of Object.entries(r.tests)) {
    const all = rows.find((x) => x.cellType === '(all cells)') ?? rows[0];
    console.log(
      `  ${name.padEnd(44)} high - low (all cells, ${all.patients.join(' + ')} patients): ${all.difference.toFixed(4)}, BH p ${all.adjustedPValue.toExponential(2)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  if (kept) rmSync(`${path}.sets.json`, { force: true });
}
