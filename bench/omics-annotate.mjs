// Benchmark of @tace/omics cell annotation (issue 24) against R Seurat in the same run.
// Plain Node on dist/: run `npx tsc -b packages/omics` first.   node bench/omics-annotate.mjs
//   A seeded synthetic count matrix of BENCH_CELLS (default 10,000) cells x BENCH_GENES (default 5,000) genes,
//   8 cell types with 30 marker genes each over negative-binomial-like noise (Poisson-gamma), is written as
//   Matrix Market. Ours: NormalizeData + vst HVGs (2000) + ScaleData + exact PCA (50) + exact kNN/SNN (dims
//   1:10, k 20) + Louvain (resolution 0.8, 10 starts), each step timed (no UMAP). R: the same Seurat calls
//   (FindNeighbors with nn.method = "rann", the exact search) timed with system.time; then the agreement of
//   the two results (HVG Jaccard, PCA stdev, ARI of the clusters) is printed. Without Rscript + Seurat, only
//   our times are printed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, randomNormal } from '@tace/core';
import { normalizeTotal } from '@tace/omics';
import {
  adjustedRandIndex,
  findVariableGenes,
  louvainClusters,
  nearestNeighbors,
  scaledPca,
  sharedNeighborGraph,
} from '@tace/omics/kernels';

const nCells = Number(process.env.BENCH_CELLS ?? 10000);
const nGenes = Number(process.env.BENCH_GENES ?? 5000);
const nTypes = 8;
const rng = createRng(24);

/** Poisson draw (inversion for small means, normal approximation above 30). */
function poisson(mean) {
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * randomNormal(rng)));
  const l = Math.exp(-mean);
  let k = 0;
  let p = rng.nextFloat();
  while (p > l) {
    k++;
    p *= rng.nextFloat();
  }
  return k;
}
/** Gamma(shape 2, scale 1/2) draw: mean 1, the negative-binomial mixing of size 2. */
function gamma2() {
  return (-Math.log(rng.nextFloat()) - Math.log(rng.nextFloat())) / 2;
}

const base = Float64Array.from({ length: nGenes }, () => Math.exp(-2 + 1.5 * randomNormal(rng)));
const fold = Array.from({ length: nTypes }, () => {
  const f = new Float64Array(nGenes).fill(1);
  for (let m = 0; m < 30; m++) f[Math.floor(rng.nextFloat() * nGenes)] = 3 + 7 * rng.nextFloat();
  return f;
});
const indptr = new Float64Array(nCells + 1);
const indices = [];
const data = [];
const truth = new Int32Array(nCells);
for (let c = 0; c < nCells; c++) {
  const t = Math.floor(rng.nextFloat() * nTypes);
  truth[c] = t;
  const library = Math.exp(0.35 * randomNormal(rng));
  for (let g = 0; g < nGenes; g++) {
    const count = poisson(base[g] * library * fold[t][g] * gamma2());
    if (count > 0) {
      indices.push(g);
      data.push(count);
    }
  }
  indptr[c + 1] = indices.length;
}
const counts = {
  format: 'csr',
  shape: [nCells, nGenes],
  indptr,
  indices: Int32Array.from(indices),
  data: Float64Array.from(data),
};
console.log(
  `synthetic counts: ${nCells} cells x ${nGenes} genes, ${indices.length} non-zeros, ${nTypes} types`,
);

const times = {};
const time = (name, f) => {
  const t0 = performance.now();
  const r = f();
  times[name] = (performance.now() - t0) / 1000;
  return r;
};
const logData = time('NormalizeData', () => normalizeTotal(counts, { log1p: true, targetSum: 1e4 }));
const hvg = time('FindVariableFeatures (vst)', () => findVariableGenes(counts, { nFeatures: 2000 }));
const pca = time('ScaleData + RunPCA (50)', () => scaledPca(logData, hvg.selected, { nPcs: 50 }));
const emb = new Float64Array(nCells * 10);
for (let i = 0; i < nCells; i++) for (let k = 0; k < 10; k++) emb[i * 10 + k] = pca.embeddings[i * 50 + k];
const snn = time('FindNeighbors (exact kNN + SNN)', () =>
  sharedNeighborGraph(nearestNeighbors(emb, nCells, 10, 20), nCells, 20, 1 / 15),
);
const clusters = time('FindClusters (Louvain, 10 starts)', () => louvainClusters(snn, { resolution: 0.8 }));
const ours = Object.values(times).reduce((a, b) => a + b, 0);
console.log(
  `ours: PCA in ${pca.steps} Lanczos steps; ${clusters.nClusters} clusters, ARI vs simulated types ${adjustedRandIndex(clusters.cluster, truth).toFixed(4)}`,
);

const dir = mkdtempSync(join(tmpdir(), 'tace-bench-annotate-'));
try {
  const rCheck = spawnSync(
    'Rscript',
    ['-e', 'suppressPackageStartupMessages(library(Seurat)); cat(as.character(packageVersion("Seurat")))'],
    {
      encoding: 'utf8',
    },
  );
  let rTimes = null;
  if (rCheck.status !== 0) console.log('R Seurat not installed: only our times are shown');
  else {
    const lines = [
      `%%MatrixMarket matrix coordinate integer general`,
      `${nGenes} ${nCells} ${indices.length}`,
    ];
    for (let c = 0; c < nCells; c++)
      for (let k = indptr[c]; k < indptr[c + 1]; k++) lines.push(`${indices[k] + 1} ${c + 1} ${data[k]}`);
    writeFileSync(join(dir, 'counts.mtx'), `${lines.join('\n')}\n`);
    const script = `
suppressPackageStartupMessages({ library(Seurat); library(Matrix) })
m <- as(readMM("${join(dir, 'counts.mtx')}"), "CsparseMatrix")
rownames(m) <- sprintf("G%05d", seq_len(nrow(m))); colnames(m) <- sprintf("C%06d", seq_len(ncol(m)))
so <- CreateSeuratObject(m, min.cells = 0, min.features = 0)
t <- c(
  NormalizeData = system.time(so <- NormalizeData(so, verbose = FALSE))[["elapsed"]],
  vst = system.time(so <- FindVariableFeatures(so, nfeatures = 2000, verbose = FALSE))[["elapsed"]],
  pca = system.time({ so <- ScaleData(so, verbose = FALSE); so <- RunPCA(so, npcs = 50, verbose = FALSE) })[["elapsed"]],
  neighbors = system.time(so <- FindNeighbors(so, dims = 1:10, nn.method = "rann", verbose = FALSE))[["elapsed"]],
  louvain = system.time(so <- FindClusters(so, resolution = 0.8, verbose = FALSE))[["elapsed"]])
writeLines(format(t, digits = 6), "${join(dir, 'r-times.txt')}")
writeLines(VariableFeatures(so), "${join(dir, 'r-hvg.txt')}")
writeLines(format(Stdev(so[["pca"]]), digits = 17), "${join(dir, 'r-stdev.txt')}")
writeLines(as.character(so$seurat_clusters), "${join(dir, 'r-clusters.txt')}")
cat(R.version.string, "Seurat", as.character(packageVersion("Seurat")), "\\n")`;
    const run = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (run.status !== 0) console.log(`R failed: ${run.stderr.slice(-500)}`);
    else {
      console.log(run.stdout.trim());
      rTimes = readFileSync(join(dir, 'r-times.txt'), 'utf8').trim().split('\n').map(Number);
      const rHvg = new Set(readFileSync(join(dir, 'r-hvg.txt'), 'utf8').trim().split('\n'));
      const mine = Array.from(hvg.selected, (g) => `G${String(g + 1).padStart(5, '0')}`);
      const shared = mine.filter((g) => rHvg.has(g)).length;
      const rStdev = readFileSync(join(dir, 'r-stdev.txt'), 'utf8').trim().split('\n').map(Number);
      let worst = 0;
      for (let k = 0; k < 50; k++) worst = Math.max(worst, Math.abs(pca.stdev[k] / rStdev[k] - 1));
      const rClusters = readFileSync(join(dir, 'r-clusters.txt'), 'utf8').trim().split('\n');
      console.log(
        `agreement with Seurat: HVG Jaccard ${(shared / (mine.length + rHvg.size - shared)).toFixed(4)}, ` +
          `PCA stdev max relative difference ${worst.toExponential(2)}, ARI of clusters ${adjustedRandIndex(clusters.cluster, rClusters).toFixed(4)}`,
      );
    }
  }
  console.log('\n| step | tace (s) | Seurat (s) | tace / Seurat |\n| --- | --- | --- | --- |');
  Object.entries(times).forEach(([name, t], i) => {
    const r = rTimes?.[i];
    console.log(
      `| ${name} | ${t.toFixed(2)} | ${r === undefined ? '-' : r.toFixed(2)} | ${r === undefined ? '-' : (t / r).toFixed(2)} |`,
    );
  });
  const rTotal = rTimes?.reduce((a, b) => a + b, 0);
  console.log(
    `| total | ${ours.toFixed(2)} | ${rTotal === undefined ? '-' : rTotal.toFixed(2)} | ${rTotal === undefined ? '-' : (ours / rTotal).toFixed(2)} |`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
