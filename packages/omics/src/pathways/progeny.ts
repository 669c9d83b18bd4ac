import { assertInRange, assertInteger, TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import { firstRowIndex, scaleInPlace, tsvRows } from '../tme/gene-index.js';
import type { FeatureScores } from '../tme/types.js';
import { PROGENY_HUMAN_TSV } from './progeny-data.js';

/** The 14 PROGENy pathways, in the column order of R `progeny()`. */
export const PROGENY_PATHWAYS: readonly string[] = Object.freeze([
  'Androgen',
  'EGFR',
  'Estrogen',
  'Hypoxia',
  'JAK-STAT',
  'MAPK',
  'NFkB',
  'p53',
  'PI3K',
  'TGFb',
  'TNFa',
  'Trail',
  'VEGF',
  'WNT',
]);

/** Largest `top` the bundled model supports (genes ranked up to 1000 by p-value per pathway are shipped). */
export const PROGENY_MAX_TOP = 1000;

/** One row of the PROGENy model: a gene's weight in a pathway and its p-value rank there. */
export interface ProgenyModelRow {
  gene: string;
  pathway: string;
  weight: number;
  /** Min-rank of the gene's p-value within the pathway (1 = most significant), as `dplyr::top_n` ranks. */
  rank: number;
}

let modelRows: ProgenyModelRow[] | null = null;

/**
 * The bundled PROGENy human model (`progeny::model_human_full`, Apache-2.0), restricted to the rows of rank
 * `<= top` in each pathway (ties kept, as `progeny::getModel(top = top)` with `dplyr::top_n`).
 * @param top - genes per pathway, 1..1000. @default 100 (R `top`)
 * @throws {TaceError} `OUT_OF_RANGE` when `top` is outside 1..1000.
 * @example
 * ```ts
 * progenyModel(100).filter((r) => r.pathway === 'Hypoxia').length; // 100
 * ```
 */
export function progenyModel(top = 100): ProgenyModelRow[] {
  assertInteger(top, 'top');
  assertInRange(top, 'top', 1, PROGENY_MAX_TOP);
  if (modelRows === null) {
    const rows = tsvRows(PROGENY_HUMAN_TSV);
    modelRows = rows
      .slice(1)
      .map((r) => ({ gene: r[0], pathway: r[1], weight: Number(r[2]), rank: Number(r[3]) }));
  }
  return modelRows.filter((r) => r.rank <= top).map((r) => ({ ...r }));
}

/** Options of {@link progeny}. */
export interface ProgenyOptions {
  /**
   * Scale each pathway's scores across samples to mean 0 and standard deviation 1 (R `scale()`, n - 1
   * denominator); not applied to a single sample. Mirrors `progeny(scale = TRUE)`.
   * @default true
   */
  scale?: boolean;
  /** Genes per pathway taken from the model by p-value, 1..1000. Mirrors `progeny(top = 100)`. @default 100 */
  top?: number;
}

/**
 * PROGENy pathway activity (Schubert M et al., Nat Commun 2018;9:20, doi:10.1038/s41467-017-02391-6): the
 * product of the expression matrix with the footprint weights of the 14 pathways, over the model genes found
 * in the data; with `scale` each pathway is then standardised across samples. Reproduces R progeny 1.20
 * `progeny(expr, scale, organism = "Human", top)` (perm = 1): for duplicated genes the first row is used, as
 * R's `expr[common_genes, ]`. Input: normalised log-scale expression (e.g. log2 TPM + 1, vst), genes as HGNC
 * symbols.
 * @param expression - genes x samples.
 * @throws {TaceError} `OUT_OF_RANGE` for a bad `top`; `EMPTY_INPUT` when no model gene is in the data.
 * @example
 * ```ts
 * const scores = progeny(expr, { scale: false });
 * scores.features; // ['Androgen', 'EGFR', ..., 'WNT']
 * ```
 */
export function progeny(expression: ExpressionMatrix, options: ProgenyOptions = {}): FeatureScores {
  const top = options.top ?? 100;
  const scale = options.scale ?? true;
  const model = progenyModel(top);
  const index = firstRowIndex(expression.genes);
  const nGenes = expression.rows;
  const nSamples = expression.columns;
  const nPathways = PROGENY_PATHWAYS.length;
  const pathwayIndex = new Map(PROGENY_PATHWAYS.map((p, k) => [p, k]));
  const data = new Float64Array(nPathways * nSamples);
  const genesUsed = new Array<number>(nPathways).fill(0);
  for (const row of model) {
    const g = index.get(row.gene);
    if (g === undefined) continue;
    const k = pathwayIndex.get(row.pathway) as number;
    genesUsed[k]++;
    for (let s = 0; s < nSamples; s++)
      data[k + s * nPathways] += expression.data[g + s * nGenes] * row.weight;
  }
  if (genesUsed.every((n) => n === 0)) {
    throw new TaceError('EMPTY_INPUT', 'no PROGENy model gene was found in the expression matrix', {
      param: 'expression',
      remedy: 'use HGNC gene symbols as gene identifiers',
    });
  }
  if (scale && nSamples > 1) {
    const column = new Float64Array(nSamples);
    for (let k = 0; k < nPathways; k++) {
      for (let s = 0; s < nSamples; s++) column[s] = data[k + s * nPathways];
      scaleInPlace(column);
      for (let s = 0; s < nSamples; s++) data[k + s * nPathways] = column[s];
    }
  }
  const warnings = PROGENY_PATHWAYS.filter((_, k) => genesUsed[k] === 0).map(
    (p) => `no model gene of pathway ${p} is in the data: its score is 0 (NaN when scaled)`,
  );
  return {
    rows: nPathways,
    columns: nSamples,
    data,
    features: [...PROGENY_PATHWAYS],
    samples: [...expression.samples],
    method: 'progeny',
    genesUsed,
    warnings,
  };
}
