import { readFileSync } from 'node:fs';
import { TaceError, writeTable } from '@tace/core';
import { annotateH5ad, type CellTypeMarkers, parseGmtEntries } from '@tace/omics';
import { parseCommandArguments } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { prepareOutputs } from './outputs.js';

/** A marker table from a GMT file: name, description = the type it refines or '-', marker genes. */
function readMarkers(path: string): CellTypeMarkers[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new TaceError('IO_ERROR', `cannot read ${path}`, { param: '--markers', cause });
  }
  return parseGmtEntries(text, path).map((e) => ({
    name: e.name,
    markers: e.genes,
    ...(e.description !== '' && e.description !== '-' ? { refines: e.description } : {}),
    sources: [`marker table ${path}`],
  }));
}

function number(option: string, value: string | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && (!Number.isInteger(n) || n < 0))) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${option} must be a ${integer ? 'non-negative integer' : 'number'}, but was '${value}'`,
      { param: option },
    );
  }
  return n;
}

export const scAnnotateCommand: Command = {
  path: ['sc', 'annotate'],
  summary:
    'Clusters and cell-type labels for an .h5ad without labels (Seurat workflow); writes an annotated .h5ad',
  help: `Usage: tace sc annotate --h5ad <file> --out <file.h5ad> [options]

Annotates the cells of an AnnData .h5ad as Seurat does (each step checked against R Seurat 4.3.0): log
normalisation (counts per 10k + log1p), highly variable genes (FindVariableFeatures vst), scaling and exact
PCA (ScaleData + RunPCA), exact kNN and shared-nearest-neighbour graph (FindNeighbors), Louvain clusters
(FindClusters), a UMAP layout for display (umap-js, seeded), then a cell type per cluster from marker genes
(bundled liver and immune markers, or --markers). A cluster whose markers are not detected (--min-detected),
whose best marker score is below --min-score, or within --min-margin of another type, is 'unassigned' (the reason is in uns and the cluster table).
Writes a copy of the input with obs cluster, cell_type, cell_type_score; var highly_variable and the vst
statistics; obsm X_pca, X_umap; varm PCs; obsp snn; uns pca and tace_annotate (parameters, labels,
provenance), readable by scanpy / anndata.

Options:
  --h5ad <file>            input AnnData (.h5ad), raw counts in X, layers/counts or raw  (required)
  --out <file.h5ad>        annotated copy                                                (required)
  --clusters-out <table>   per-cluster table: cluster, n_cells, cell_type, score, margin, reason
  --counts <m>             where the raw counts are: X, raw or a layer name (default: found)
  --markers <gmt>          marker table (GMT: type, refined type or -, genes; default: bundled)
  --n-features <n>         highly variable genes (Seurat nfeatures; default: 2000)
  --npcs <n>               principal components (Seurat npcs; default: 50)
  --dims <n>               components used for the graph (Seurat dims = 1:n; default: 10)
  --k <n>                  neighbours per cell, itself included (Seurat k.param; default: 20)
  --prune <x>              SNN weights below x dropped (Seurat prune.SNN; default: 1/15)
  --resolution <x>         Louvain resolution (Seurat resolution; default: 0.8)
  --seed <n>               Louvain seed (Seurat random.seed; default: 0)
  --umap-seed <n>          UMAP seed (default: 42)
  --umap-epochs <n>        UMAP epochs (default: umap-js's, 500 below 10,000 cells)
  --no-umap                skip the UMAP layout
  --min-score <x>          score a label needs (mean z of the markers over clusters; default: 1)
  --min-margin <x>         lead over other types a label needs (default: 0.5)
  --min-detected <x>       a type is considered only if its markers are detected in this fraction of a
                           cluster's cells (default: 0.25)

Example:
  tace sc annotate --h5ad tumour.h5ad --out tumour.annotated.h5ad --clusters-out clusters.csv`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      h5ad: { type: 'string' },
      out: { type: 'string' },
      'clusters-out': { type: 'string' },
      counts: { type: 'string' },
      markers: { type: 'string' },
      'n-features': { type: 'string' },
      npcs: { type: 'string' },
      dims: { type: 'string' },
      k: { type: 'string' },
      prune: { type: 'string' },
      resolution: { type: 'string' },
      seed: { type: 'string' },
      'umap-seed': { type: 'string' },
      'umap-epochs': { type: 'string' },
      'no-umap': { type: 'boolean' },
      'min-score': { type: 'string' },
      'min-margin': { type: 'string' },
      'min-detected': { type: 'string' },
    });
    if (values.h5ad === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--h5ad and --out are required', {
        param: '--h5ad',
        remedy: 'see tace sc annotate --help',
      });
    }
    const outputs = [{ option: '--out', path: values.out, kind: 'file' as const }];
    if (values['clusters-out'] !== undefined)
      outputs.push({ option: '--clusters-out', path: values['clusters-out'], kind: 'file' });
    prepareOutputs(outputs);
    const epochs = values['umap-epochs'];
    const result = await annotateH5ad(values.h5ad, values.out, {
      ...(values.counts === undefined ? {} : { counts: values.counts }),
      ...(values.markers === undefined ? {} : { markers: readMarkers(values.markers) }),
      nFeatures: number('--n-features', values['n-features'], 2000, true),
      nPcs: number('--npcs', values.npcs, 50, true),
      dims: number('--dims', values.dims, 10, true),
      kParam: number('--k', values.k, 20, true),
      pruneSnn: number('--prune', values.prune, 1 / 15, false),
      resolution: number('--resolution', values.resolution, 0.8, false),
      randomSeed: number('--seed', values.seed, 0, true),
      minScore: number('--min-score', values['min-score'], 1, false),
      minMargin: number('--min-margin', values['min-margin'], 0.5, false),
      minDetected: number('--min-detected', values['min-detected'], 0.25, false),
      umap: values['no-umap']
        ? false
        : {
            seed: number('--umap-seed', values['umap-seed'], 42, true),
            ...(epochs === undefined ? {} : { nEpochs: number('--umap-epochs', epochs, 0, true) }),
          },
    });
    const a = result.annotation;
    const size = new Float64Array(a.nClusters);
    for (const c of a.cluster) size[c]++;
    const labels = a.labels.labels;
    if (values['clusters-out'] !== undefined) {
      writeTable(
        {
          cluster: labels.map((l) => String(l.cluster)),
          n_cells: size,
          cell_type: labels.map((l) => l.label),
          score: Float64Array.from(labels, (l) => l.score),
          margin: Float64Array.from(labels, (l) => l.margin),
          reason: labels.map((l) => l.reason),
        },
        values['clusters-out'],
      );
    }
    for (const l of labels)
      console.error(`cluster ${l.cluster} (${size[l.cluster]} cells): ${l.label} - ${l.reason}`);
    for (const note of result.notCopied) console.error(`not copied: ${note}`);
    const missing = a.labels.typesWithoutMarkers;
    if (missing.length > 0) console.error(`no marker in the data for: ${missing.join(', ')}`);
    console.error(
      `${values.out}: ${result.cells.length} cells, ${a.nClusters} clusters (counts from ${result.countsFrom}, ` +
        `${a.variableGenes.selected.length} variable genes, ${a.pca.nPcs} PCs)`,
    );
    return EXIT.ok;
  },
};
