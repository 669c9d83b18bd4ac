import { assertOneOf, median, TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import { solveConvexQp } from './active-set-qp.js';
import {
  TIL10_ABERRANT_GENES_TXT,
  TIL10_MRNA_SCALING_TSV,
  TIL10_RMGENES_TXT,
  TIL10_SIGNATURE_TSV,
} from './data/til10-data.js';
import { tsvRows } from './gene-index.js';
import type { FeatureScores } from './types.js';

/** The TIL10 signature of quanTIseq: genes x 10 immune cell types, with its mRNA scaling factors. */
export interface Til10Signature {
  genes: string[];
  cellTypes: string[];
  /** genes x cell types, row-major (`values[g * cellTypes.length + k]`). */
  values: Float64Array;
  /** mRNA content scaling factor per cell type (`TIL10_mRNA_scaling.txt`). */
  mRnaScaling: number[];
  /** Genes removed by default for RNA-seq (`TIL10_rmgenes.txt`). */
  noisyGenes: string[];
  /** Genes removed with the tumour option (`TIL10_TCGA_aberrant_immune_genes.txt`). */
  tumorGenes: string[];
}

let til10: Til10Signature | null = null;

/**
 * quanTIseq's TIL10 signature (Finotello 2019; icbi-lab/quanTIseq at 039eb16, BSD-3-Clause): 170 genes x 10
 * cell types, mRNA scaling factors and the two gene lists the pipeline removes. A fresh copy.
 * @example
 * ```ts
 * til10Signature().cellTypes; // ['B.cells', 'Macrophages.M1', ..., 'Dendritic.cells']
 * ```
 */
export function til10Signature(): Til10Signature {
  if (til10 === null) {
    const rows = tsvRows(TIL10_SIGNATURE_TSV);
    const cellTypes = rows[0].slice(1);
    const body = rows.slice(1);
    const values = new Float64Array(body.length * cellTypes.length);
    body.forEach((r, g) => {
      for (let k = 0; k < cellTypes.length; k++) values[g * cellTypes.length + k] = Number(r[k + 1]);
    });
    const scaling = new Map(tsvRows(TIL10_MRNA_SCALING_TSV).map((r) => [r[0], Number(r[1])]));
    const lines = (text: string) => tsvRows(text).map((r) => r[0]);
    til10 = {
      genes: body.map((r) => r[0]),
      cellTypes,
      values,
      mRnaScaling: cellTypes.map((c) => scaling.get(c) ?? 1),
      noisyGenes: lines(TIL10_RMGENES_TXT),
      tumorGenes: lines(TIL10_ABERRANT_GENES_TXT),
    };
  }
  return {
    ...til10,
    genes: [...til10.genes],
    cellTypes: [...til10.cellTypes],
    values: Float64Array.from(til10.values),
    mRnaScaling: [...til10.mRnaScaling],
    noisyGenes: [...til10.noisyGenes],
    tumorGenes: [...til10.tumorGenes],
  };
}

/** Options of {@link quantiseq}. */
export interface QuantiseqOptions {
  /**
   * Tumour samples: drop the 17 signature genes aberrantly expressed in TCGA tumours. Mirrors quanTIseq
   * `--tumor` (and immunedeconv `tumor`).
   * @default false
   */
  tumor?: boolean;
  /** Correct for the mRNA content of each cell type. Mirrors quanTIseq `--mRNAscale`. @default true */
  mRnaScale?: boolean;
  /**
   * Signature genes to drop: `'default'` the 16 noisy genes of `TIL10_rmgenes.txt` (quanTIseq's default for
   * RNA-seq), `'none'` keeps all. Mirrors quanTIseq `--rmgenes`.
   * @default 'default'
   */
  rmgenes?: 'default' | 'none';
}

/**
 * quanTIseq cell fractions (Finotello F et al. Molecular and pharmacological modulators of the tumor immune
 * contexture revealed by deconvolution of RNA-seq data. Genome Med 2019;11:34, doi:10.1186/s13073-019-0638-6)
 * with its TIL10 signature: for each sample, the constrained least-squares fit of the sample's TPM over the
 * signature genes (fractions >= 0, summing to at most 1; quanTIseq's `lsei` method, solved here by an
 * active-set method: the problem is strictly convex, so the solution is the one limSolve's `lsei` and
 * quadprog's `solve.QP` return), then mRNA-content scaling, the fraction of other (uncharacterised) cells
 * max(0, 1 - sum), the low-Treg correction (when Tregs < 0.02 they are averaged with a fit without CD4 T cells
 * and CD4 T cells reduced accordingly) and normalisation to sum 1, as `quanTIseq_decon.R` and
 * `DOCKER_codes.R` of icbi-lab/quanTIseq (039eb16). Input: TPM (linear); a matrix whose maximum is below 50 is
 * taken as log2 and un-logged (2^x), as quanTIseq; every column is rescaled to sum 1e6 over all its genes.
 * quanTIseq's re-annotation of gene symbols to HGNC (2017) is not performed: give current HGNC symbols;
 * duplicated genes are merged by their median, as quanTIseq. Microarray mode (quantile normalisation) and the
 * robust-regression methods are not implemented.
 * @param expression - genes x samples, TPM (or log2 TPM).
 * @returns features = the 10 TIL10 cell types then `Other`, fractions per sample summing to 1.
 * @throws {TaceError} `EMPTY_INPUT` when fewer signature genes than cell types are in the data;
 *   `MISSING_VALUE` for NaN; `INVALID_ARGUMENT` for a bad option.
 * @example
 * ```ts
 * const fractions = quantiseq(tpm, { tumor: true });
 * fractions.features.at(-1); // 'Other'
 * ```
 */
export function quantiseq(expression: ExpressionMatrix, options: QuantiseqOptions = {}): FeatureScores {
  const tumor = options.tumor ?? false;
  const mRnaScale = options.mRnaScale ?? true;
  const rmgenes = options.rmgenes ?? 'default';
  assertOneOf(rmgenes, 'rmgenes', ['default', 'none'] as const);
  const signature = til10Signature();
  const nCells = signature.cellTypes.length;
  const mixture = tpmMixture(expression);
  const dropped = new Set<string>([
    ...(rmgenes === 'default' ? signature.noisyGenes : []),
    ...(tumor ? signature.tumorGenes : []),
  ]);
  const rows: { gene: string; signatureRow: number; mixtureRow: number }[] = [];
  signature.genes.forEach((gene, g) => {
    if (dropped.has(gene)) return;
    const m = mixture.index.get(gene);
    if (m !== undefined) rows.push({ gene, signatureRow: g, mixtureRow: m });
  });
  if (rows.length < nCells) {
    throw new TaceError(
      'EMPTY_INPUT',
      `only ${rows.length} TIL10 signature genes are in the data (need at least ${nCells})`,
      { param: 'expression', remedy: 'use HGNC gene symbols and an unfiltered (whole-transcriptome) matrix' },
    );
  }
  const scaling = mRnaScale ? signature.mRnaScaling : signature.cellTypes.map(() => 1);
  const cd4 = signature.cellTypes.indexOf('T.cells.CD4');
  const tregs = signature.cellTypes.indexOf('Tregs');
  const allCells = signature.cellTypes.map((_, k) => k);
  const withoutCd4 = allCells.filter((k) => k !== cd4);
  const nSamples = expression.columns;
  const nOut = nCells + 1;
  const data = new Float64Array(nOut * nSamples);
  const b = new Float64Array(rows.length);
  for (let s = 0; s < nSamples; s++) {
    for (let i = 0; i < rows.length; i++) b[i] = mixture.values[s][rows[i].mixtureRow];
    const first = fitSample(signature, rows, allCells, b, scaling);
    if (cd4 >= 0 && tregs >= 0 && first[tregs] < 0.02) {
      const second = fitSample(signature, rows, withoutCd4, b, scaling);
      const tregsSecond = second[tregs];
      first[tregs] = (tregsSecond + first[tregs]) / 2;
      first[cd4] = Math.max(0, first[cd4] - (tregsSecond + first[tregs]) / 2);
    }
    let total = 0;
    for (let k = 0; k < nOut; k++) total += first[k];
    for (let k = 0; k < nOut; k++) data[k + s * nOut] = first[k] / total;
  }
  return {
    rows: nOut,
    columns: nSamples,
    data,
    features: [...signature.cellTypes, 'Other'],
    samples: [...expression.samples],
    method: tumor ? 'quantiseq (tumor)' : 'quantiseq',
    genesUsed: [...signature.cellTypes.map(() => rows.length), rows.length],
    warnings:
      rows.length < signature.genes.length - dropped.size
        ? [`${rows.length} of ${signature.genes.length - dropped.size} TIL10 signature genes are in the data`]
        : [],
  };
}

/**
 * One sample: lsei fit over the cell types `cells` (indices into the signature), mRNA scaling, `Other`.
 * Returns one value per signature cell type (0 for those not fitted) and `Other` last.
 */
function fitSample(
  signature: Til10Signature,
  rows: readonly { signatureRow: number }[],
  cells: readonly number[],
  b: Float64Array,
  scaling: readonly number[],
): Float64Array {
  const nAll = signature.cellTypes.length;
  const n = cells.length;
  const q = new Float64Array(n * n);
  const c = new Float64Array(n);
  for (let i = 0; i < rows.length; i++) {
    const base = rows[i].signatureRow * nAll;
    for (let j = 0; j < n; j++) {
      const aj = signature.values[base + cells[j]];
      c[j] += aj * b[i];
      for (let k = 0; k < n; k++) q[j * n + k] += aj * signature.values[base + cells[k]];
    }
  }
  // constraints: x_j >= 0 and -sum(x) >= -1 (quanTIseq's G, H)
  const constraints = new Float64Array((n + 1) * n);
  const bounds = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) {
    constraints[j * n + j] = 1;
    constraints[n * n + j] = -1;
  }
  bounds[n] = -1;
  const x = solveConvexQp(q, c, constraints, bounds, new Float64Array(n));
  let estSum = 0;
  for (let j = 0; j < n; j++) {
    if (x[j] < 0) x[j] = 0; // round-off below the bound
    estSum += x[j];
  }
  let scaledSum = 0;
  for (let j = 0; j < n; j++) {
    x[j] /= scaling[cells[j]];
    scaledSum += x[j];
  }
  const out = new Float64Array(nAll + 1);
  let total = 0;
  for (let j = 0; j < n; j++) {
    out[cells[j]] = (x[j] / scaledSum) * estSum;
    total += out[cells[j]];
  }
  out[nAll] = Math.max(0, 1 - total);
  return out;
}

/** The mixture as quanTIseq's `fixMixture` leaves it: duplicated genes by median, un-logged, TPM-scaled. */
function tpmMixture(expression: ExpressionMatrix): { index: Map<string, number>; values: Float64Array[] } {
  const nGenes = expression.rows;
  const nSamples = expression.columns;
  const groups = new Map<string, number[]>();
  expression.genes.forEach((g, i) => {
    const list = groups.get(g);
    if (list === undefined) groups.set(g, [i]);
    else list.push(i);
  });
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < expression.data.length; i++) {
    const v = expression.data[i];
    if (Number.isNaN(v)) {
      throw new TaceError('MISSING_VALUE', 'the expression matrix holds missing values', {
        param: 'expression',
        remedy: 'remove or impute missing values first',
      });
    }
    if (v > max) max = v;
  }
  const unlog = max < 50;
  const index = new Map<string, number>();
  const unique = [...groups.keys()];
  for (let i = 0; i < unique.length; i++) index.set(unique[i], i);
  const values: Float64Array[] = [];
  const scratch: number[] = [];
  for (let s = 0; s < nSamples; s++) {
    const column = new Float64Array(unique.length);
    let sum = 0;
    unique.forEach((gene, i) => {
      const members = groups.get(gene) as number[];
      let v: number;
      if (members.length === 1) v = expression.data[members[0] + s * nGenes];
      else {
        scratch.length = 0;
        for (const r of members) scratch.push(expression.data[r + s * nGenes]);
        v = median(scratch);
      }
      if (unlog) v = 2 ** v;
      column[i] = v;
      sum += v;
    });
    for (let i = 0; i < column.length; i++) column[i] = (column[i] * 1e6) / sum;
    values.push(column);
  }
  return { index, values };
}
