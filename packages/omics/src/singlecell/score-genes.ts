import { assertInteger, type Rng, TaceError } from '@tace/core';
import type { AnnDataMatrix } from '../h5ad/types.js';
import { columnMeans, rowMeansOver } from './matrix.js';
import { numpyChoiceWithoutReplacement, numpyRandomState } from './numpy-random.js';
import { countsScaleWarning } from './pseudobulk-compare.js';

/** Options of {@link scoreGenes} and {@link selectControlGenes}; names mirror scanpy's `tl.score_genes`. */
export interface ScoreGenesOptions {
  /** Control genes sampled per expression bin (scanpy `ctrl_size`). @default 50 */
  ctrlSize?: number;
  /** Number of expression bins (scanpy `n_bins`). @default 25 */
  nBins?: number;
  /** Genes to sample controls from (scanpy `gene_pool`). @default all genes */
  genePool?: readonly string[];
  /**
   * Seed of numpy's legacy MT19937 (scanpy `random_state`, which calls `np.random.seed`), or a generator
   * (core `Rng`) to continue one stream over several calls (scanpy `random_state=None`).
   * @default 0
   */
  randomState?: number | Rng;
  /** Let genes of the set be drawn, then drop them, as scanpy's default (scanpy `ctrl_as_ref`). @default true */
  ctrlAsRef?: boolean;
  /**
   * Receives the warning of {@link scoreGenes} when X looks like raw counts (`countsScaleWarning`); scanpy
   * scores whatever it is given, silently. @default console.warn
   */
  onWarning?: (message: string) => void;
}

/** Result of {@link scoreGenes}. */
export interface ScoreGenesResult {
  /** One score per cell: mean of the set genes minus mean of the control genes. */
  scores: Float64Array;
  /** Set genes found in the matrix, in input order (duplicates dropped). */
  genes: string[];
  /** Control genes, sorted (as scanpy's `pd.Index.union`). */
  controlGenes: string[];
  /** Set genes absent from the matrix (scanpy warns and ignores them). */
  missingGenes: string[];
}

/** Control-gene choice of {@link selectControlGenes}: column indices of the set and of its controls. */
export interface ControlGeneSelection {
  genes: Int32Array;
  controls: Int32Array;
  missingGenes: string[];
}

/** numpy's `np.round`: half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Chooses control genes as scanpy's `tl.score_genes` does, from per-gene means over all cells: pool genes
 * with finite means are ranked (`rank(method="min")`), cut into bins of `round(n / (nBins - 1))` genes
 * (`rank // n_items`), and for each bin holding a set gene, `ctrlSize` genes are drawn with numpy's
 * `choice(replace=False)` (pandas `sample`) when the bin is larger, set genes then removed.
 * Kept separate so a file can be scored in chunks: means in one pass, scores in another.
 * @throws {TaceError} `EMPTY_INPUT` when no set gene or no control gene is found; `INVALID_ARGUMENT` for
 *   bad options or when the pool is smaller than half the number of bins.
 */
export function selectControlGenes(
  geneMeans: ArrayLike<number>,
  varNames: readonly string[],
  geneList: readonly string[],
  options: ScoreGenesOptions = {},
): ControlGeneSelection {
  const ctrlSize = options.ctrlSize ?? 50;
  const nBins = options.nBins ?? 25;
  const ctrlAsRef = options.ctrlAsRef ?? true;
  assertInteger(ctrlSize, 'ctrlSize', 1);
  assertInteger(nBins, 'nBins', 2);
  const rng =
    typeof options.randomState === 'object'
      ? options.randomState
      : numpyRandomState(options.randomState ?? 0);
  const position = new Map<string, number>();
  varNames.forEach((g, i) => {
    if (!position.has(g)) position.set(g, i);
  });
  const genes = [...new Set(geneList)].filter((g) => position.has(g));
  const missingGenes = [...new Set(geneList)].filter((g) => !position.has(g));
  if (genes.length === 0)
    throw new TaceError('EMPTY_INPUT', 'no gene of the set is in var_names', {
      param: 'geneList',
      remedy: 'check gene symbols (and aliases) against the matrix var names',
    });
  const pool = (
    options.genePool === undefined ? varNames : [...new Set(options.genePool)].filter((g) => position.has(g))
  )
    .map((g) => position.get(g)!)
    .filter((j) => Number.isFinite(geneMeans[j]));
  const nItems = roundHalfEven(pool.length / (nBins - 1));
  if (nItems === 0)
    throw new TaceError(
      'INVALID_ARGUMENT',
      `the gene pool (${pool.length} genes) is too small for ${nBins} bins`,
      {
        param: 'nBins',
        remedy: 'use fewer bins or a larger gene pool',
      },
    );
  // rank(method="min"): 1 + number of pool genes with a strictly smaller mean.
  const order = pool.slice().sort((a, b) => geneMeans[a] - geneMeans[b]);
  const cut = new Map<number, number>();
  for (let r = 0; r < order.length; r++) {
    const rank = r > 0 && geneMeans[order[r]] === geneMeans[order[r - 1]] ? cut.get(order[r - 1])! : r + 1;
    cut.set(order[r], rank);
  }
  for (const [j, rank] of cut) cut.set(j, Math.floor(rank / nItems));
  const inSet = new Set(genes.map((g) => position.get(g)!));
  const setCuts = [...new Set([...inSet].map((j) => cut.get(j)))].sort((a, b) => a! - b!);
  if (setCuts.includes(undefined))
    throw new TaceError(
      'INVALID_ARGUMENT',
      'a gene of the set is not in the gene pool (or has a non-finite mean)',
      {
        param: 'genePool',
      },
    );
  const controls = new Set<number>();
  for (const c of setCuts) {
    let members = pool.filter((j) => cut.get(j) === c && (ctrlAsRef || !inSet.has(j)));
    if (ctrlSize < members.length) {
      const picked = numpyChoiceWithoutReplacement(rng, members.length, ctrlSize);
      members = Array.from(picked, (p) => members[p]);
    }
    for (const j of members) if (!inSet.has(j)) controls.add(j);
  }
  if (controls.size === 0)
    throw new TaceError('EMPTY_INPUT', 'no control genes found in any bin', {
      param: 'geneList',
      remedy: ctrlAsRef ? 'set ctrlAsRef to false or enlarge the gene pool' : 'enlarge the gene pool',
    });
  const byName = (a: number, b: number) =>
    varNames[a] < varNames[b] ? -1 : varNames[a] > varNames[b] ? 1 : 0;
  return {
    genes: Int32Array.from(genes, (g) => position.get(g)!),
    controls: Int32Array.from([...controls].sort(byName)),
    missingGenes,
  };
}

/**
 * Per-cell gene-set score of scanpy's `tl.score_genes` (Satija et al. 2015; Tirosh et al. 2016): the mean
 * expression of the set minus the mean of control genes drawn from the same expression bins. With the same
 * `randomState` the control genes and scores equal scanpy's: numpy's legacy MT19937 and its
 * `permutation`/`choice` are reimplemented bit for bit, and gene means use numpy's arithmetic (float32 for
 * dense float32 X). Checked against a line-by-line Python port of scanpy's algorithm run with numpy/pandas
 * (scanpy itself was not installable here), see `test/fixtures/scanpy/`.
 *
 * Warns (through `onWarning`, once per call) when X looks like raw counts: scores on counts follow library
 * size.
 *
 * @param X - cells x genes, usually log1p of normalised counts (scanpy scores `adata.raw` when present).
 * @param varNames - gene names of the columns.
 * @throws {TaceError} as {@link selectControlGenes}.
 * @example
 * ```ts
 * const { scores } = scoreGenes(adata.raw!.X, adata.raw!.var.index, ['GZMB', 'PRF1', 'NKG7']);
 * ```
 */
export function scoreGenes(
  X: AnnDataMatrix,
  varNames: readonly string[],
  geneList: readonly string[],
  options: ScoreGenesOptions = {},
): ScoreGenesResult {
  if (varNames.length !== X.shape[1])
    throw new TaceError('LENGTH_MISMATCH', `${varNames.length} var names for ${X.shape[1]} columns`, {
      param: 'varNames',
    });
  const warning = countsScaleWarning(X);
  if (warning !== null) (options.onWarning ?? console.warn)(`scoreGenes: ${warning}`);
  const selection = selectControlGenes(columnMeans(X), varNames, geneList, options);
  const scores = rowMeansOver(X, selection.genes);
  const control = rowMeansOver(X, selection.controls);
  for (let i = 0; i < scores.length; i++) scores[i] -= control[i];
  return {
    scores,
    genes: Array.from(selection.genes, (j) => varNames[j]),
    controlGenes: Array.from(selection.controls, (j) => varNames[j]),
    missingGenes: selection.missingGenes,
  };
}
