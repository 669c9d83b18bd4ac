import { TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import type { GeneSets } from '../genesets/types.js';
import { scoreGeneSets } from '../scoring/score-gene-sets.js';
import type { GeneSetScores } from '../scoring/types.js';
import { CHAROENTONG_IMMUNE28_GMT } from './data/immune-cells-data.js';
import { firstRowIndex, tsvRows } from './gene-index.js';
import type { FeatureScores } from './types.js';

let immune28: { name: string; immunity: string; genes: string[] }[] | null = null;

function load(): { name: string; immunity: string; genes: string[] }[] {
  if (immune28 === null) {
    immune28 = tsvRows(CHAROENTONG_IMMUNE28_GMT).map((r) => ({
      name: r[0],
      immunity: r[1],
      genes: r.slice(2),
    }));
  }
  return immune28;
}

/**
 * The 28 immune cell-type gene sets of Charoentong P et al. Pan-cancer immunogenomic analyses reveal
 * genotype-immunophenotype relationships and predictors of response to checkpoint blockade. Cell Rep
 * 2017;18(1):248-262, doi:10.1016/j.celrep.2016.12.019 (Table S6, 782 metagenes; set names verbatim, including
 * the table's "Effector memeory" and "Immature  B cell"). Fresh arrays, keyed by cell type.
 * @example
 * ```ts
 * immuneCellSets()['Activated CD8 T cell'].length; // 26
 * ```
 */
export function immuneCellSets(): GeneSets {
  return Object.fromEntries(load().map((s) => [s.name, [...s.genes]]));
}

/** Adaptive or innate immunity of each of the 28 cell types (Table S6 "Immunity" column). */
export function immuneCellImmunity(): Record<string, 'Adaptive' | 'Innate'> {
  return Object.fromEntries(load().map((s) => [s.name, s.immunity as 'Adaptive' | 'Innate']));
}

/**
 * ssGSEA scores of the 28 Charoentong immune cell types, as `GSVA::gsva(expr, sets, method = "ssgsea")`
 * (the method Charoentong et al. used; {@link scoreGeneSets} with `method: 'ssgsea'`, GSVA 1.46 checked).
 * Input: log-scale expression, HGNC symbols.
 * @throws {TaceError} as {@link scoreGeneSets}.
 * @example
 * ```ts
 * immuneCellTypes(log2Tpm).sets.length; // 28 (sets with at least minSize genes in the data)
 * ```
 */
export function immuneCellTypes(
  expression: ExpressionMatrix,
  options: { normalize?: boolean } = {},
): GeneSetScores {
  return scoreGeneSets(expression, immuneCellSets(), {
    method: 'ssgsea',
    minSize: 1,
    normalize: options.normalize,
  });
}

/**
 * Immune checkpoint genes reported per sample by {@link immunePanel}: PD-1 (PDCD1), PD-L1 (CD274), PD-L2
 * (PDCD1LG2), CTLA4, LAG3, TIM-3 (HAVCR2), TIGIT, IDO1, VISTA (VSIR), B7-H3 (CD276), CD80, CD86.
 */
export const IMMUNE_CHECKPOINT_GENES: readonly string[] = Object.freeze([
  'PDCD1',
  'CD274',
  'PDCD1LG2',
  'CTLA4',
  'LAG3',
  'HAVCR2',
  'TIGIT',
  'IDO1',
  'VSIR',
  'CD276',
  'CD80',
  'CD86',
]);

/** Options of {@link immunePanel}. */
export interface ImmunePanelOptions {
  /** Checkpoint genes to report. @default IMMUNE_CHECKPOINT_GENES */
  genes?: readonly string[];
  /**
   * The data are log2(x + 1): CYT is computed on 2^x - 1 (linear TPM), as Rooney defined it.
   * @default false (linear TPM)
   */
  logged?: boolean;
  /** Offset of CYT's geometric mean, in TPM (Rooney 2015: 0.01). @default 0.01 */
  offset?: number;
}

/**
 * Per-sample immune checkpoint and cytolytic panel: the expression of each checkpoint gene found (as given)
 * and CYT, the cytolytic activity of Rooney MS et al. (Cell 2015;160:48-61): the geometric mean of GZMA and
 * PRF1 TPM with offset 0.01. Genes absent from the data are reported in `warnings` and have no row.
 * @throws {TaceError} `EMPTY_INPUT` when neither a checkpoint gene nor GZMA and PRF1 are in the data.
 * @example
 * ```ts
 * const panel = immunePanel(tpm); // features: ['PDCD1', 'CD274', ..., 'CYT']
 * ```
 */
export function immunePanel(expression: ExpressionMatrix, options: ImmunePanelOptions = {}): FeatureScores {
  const genes = options.genes ?? IMMUNE_CHECKPOINT_GENES;
  const logged = options.logged ?? false;
  const offset = options.offset ?? 0.01;
  const index = firstRowIndex(expression.genes);
  const found = genes.filter((g) => index.has(g));
  const missing = genes.filter((g) => !index.has(g));
  const cytRows = ['GZMA', 'PRF1'].map((g) => index.get(g));
  const hasCyt = cytRows.every((r) => r !== undefined);
  const features = [...found, ...(hasCyt ? ['CYT'] : [])];
  if (features.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no checkpoint gene and not both GZMA and PRF1 are in the data', {
      param: 'expression',
      remedy: 'use HGNC gene symbols as gene identifiers',
    });
  }
  const nGenes = expression.rows;
  const nSamples = expression.columns;
  const nOut = features.length;
  const data = new Float64Array(nOut * nSamples);
  for (let s = 0; s < nSamples; s++) {
    found.forEach((g, k) => {
      data[k + s * nOut] = expression.data[(index.get(g) as number) + s * nGenes];
    });
    if (hasCyt) {
      let sumLog = 0;
      for (const r of cytRows) {
        const v = expression.data[(r as number) + s * nGenes];
        sumLog += Math.log((logged ? 2 ** v - 1 : v) + offset);
      }
      data[nOut - 1 + s * nOut] = Math.exp(sumLog / 2);
    }
  }
  const warnings = missing.length > 0 ? [`checkpoint genes not in the data: ${missing.join(', ')}`] : [];
  if (!hasCyt) warnings.push('GZMA or PRF1 not in the data: no CYT row');
  return {
    rows: nOut,
    columns: nSamples,
    data,
    features,
    samples: [...expression.samples],
    method: 'immune-panel',
    genesUsed: features.map((f) => (f === 'CYT' ? 2 : 1)),
    warnings,
  };
}
