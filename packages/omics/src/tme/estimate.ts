import { TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import { orderScratch, rankDecreasing } from '../scoring/order.js';
import { ESTIMATE_COMMON_GENES_TSV, ESTIMATE_GENESETS_GMT } from './data/estimate-data.js';
import { tsvRows } from './gene-index.js';
import type { FeatureScores } from './types.js';

/** The rows of {@link estimateScores}, in order. */
export const ESTIMATE_FEATURES: readonly string[] = Object.freeze([
  'StromalScore',
  'ImmuneScore',
  'ESTIMATEScore',
  'TumorPurity',
]);

let geneSets: { stromal: string[]; immune: string[] } | null = null;
let commonGenes: string[] | null = null;

/**
 * The two 141-gene ESTIMATE signatures (Yoshihara 2013, Supplementary Data 1; the `SI_geneset` of the R
 * estimate package): `StromalSignature` and `ImmuneSignature`, as fresh arrays.
 * @example
 * ```ts
 * estimateGeneSets().ImmuneSignature.length; // 141
 * ```
 */
export function estimateGeneSets(): { StromalSignature: string[]; ImmuneSignature: string[] } {
  const sets = loadSets();
  return { StromalSignature: [...sets.stromal], ImmuneSignature: [...sets.immune] };
}

/**
 * The 10,412 genes measured on the Affymetrix, Agilent and Illumina platforms of the ESTIMATE paper (the
 * `common_genes` of the R estimate package, HGNC symbols of 2013), to which `filterCommonGenes()` restricts
 * the input.
 * @example estimateCommonGenes().length // 10412
 */
export function estimateCommonGenes(): string[] {
  if (commonGenes === null)
    commonGenes = tsvRows(ESTIMATE_COMMON_GENES_TSV)
      .slice(1)
      .map((r) => r[1]);
  return [...commonGenes];
}

function loadSets(): { stromal: string[]; immune: string[] } {
  if (geneSets === null) {
    const rows = tsvRows(ESTIMATE_GENESETS_GMT);
    const byName = new Map(rows.map((r) => [r[0], r.slice(2).filter((g) => g !== '')]));
    geneSets = { stromal: byName.get('StromalSignature') ?? [], immune: byName.get('ImmuneSignature') ?? [] };
  }
  return geneSets;
}

/** Options of {@link estimateScores}. */
export interface EstimateOptions {
  /**
   * Restrict the matrix to the 10,412 common genes first, as `filterCommonGenes(id = "GeneSymbol")` does in
   * the R package's workflow (the genes are then ranked among themselves). `false` ranks every gene given,
   * as calling `estimateScore()` on an unfiltered GCT file.
   * @default true
   */
  filterCommonGenes?: boolean;
}

/**
 * ESTIMATE stromal, immune and ESTIMATE scores and tumour purity (Yoshihara K et al. Inferring tumour purity
 * and stromal and immune cell admixture from expression data. Nat Commun 2013;4:2612,
 * doi:10.1038/ncomms3612), as the R estimate package 1.0.13 computes them (`filterCommonGenes` then
 * `estimateScore`): each sample's genes are ranked (average ranks, scaled to 10000 * rank / n), and for each
 * signature the single-sample enrichment walk with weights rank^0.25 is **summed** over all positions (its
 * own ssGSEA variant, not GSVA's); ESTIMATEScore = StromalScore + ImmuneScore and
 * TumorPurity = cos(0.6049872018 + 0.0001467884 * ESTIMATEScore), NaN when negative (out of bounds, as R's
 * NA). The purity formula was fitted on Affymetrix data; R reports it only for `platform = "affymetrix"`:
 * on RNA-seq treat it as indicative. Input: gene symbols; any monotone scale gives the same scores (only ranks
 * are used). Ties keep R's order (genes sorted by symbol, code-point order; R's `merge` sorts in the locale's
 * collation, which can order tied genes differently).
 * @param expression - genes x samples, unique gene symbols.
 * @throws {TaceError} `INVALID_ARGUMENT` for duplicated genes; `MISSING_VALUE` for NaN; `EMPTY_INPUT` when
 *   no signature gene is in the data.
 * @example
 * ```ts
 * const est = estimateScores(expr);
 * est.features; // ['StromalScore', 'ImmuneScore', 'ESTIMATEScore', 'TumorPurity']
 * ```
 */
export function estimateScores(expression: ExpressionMatrix, options: EstimateOptions = {}): FeatureScores {
  const filter = options.filterCommonGenes ?? true;
  const seen = new Set<string>();
  for (const g of expression.genes) {
    if (seen.has(g)) {
      throw new TaceError('INVALID_ARGUMENT', `gene ${g} appears in several rows`, {
        param: 'expression',
        remedy: 'collapse duplicated genes first (collapseDuplicateGenes)',
      });
    }
    seen.add(g);
  }
  // genes used, in R's order: merged with common_genes (sorted by symbol) or as given
  let rows: number[];
  if (filter) {
    const common = new Set(estimateCommonGenes());
    rows = [];
    for (let g = 0; g < expression.rows; g++) if (common.has(expression.genes[g])) rows.push(g);
    rows.sort((a, b) => (expression.genes[a] < expression.genes[b] ? -1 : 1));
  } else rows = expression.genes.map((_, g) => g);
  const genes = rows.map((g) => expression.genes[g]);
  const position = new Map(genes.map((g, i) => [g, i]));
  const sets = loadSets();
  const members = [sets.stromal, sets.immune].map((set) => {
    const inSet = new Uint8Array(genes.length);
    let count = 0;
    for (const gene of set) {
      const i = position.get(gene);
      if (i !== undefined && inSet[i] === 0) {
        inSet[i] = 1;
        count++;
      }
    }
    return { inSet, count };
  });
  if (members[0].count === 0 && members[1].count === 0) {
    throw new TaceError('EMPTY_INPUT', 'no ESTIMATE signature gene was found in the expression matrix', {
      param: 'expression',
      remedy: 'use HGNC gene symbols as gene identifiers',
    });
  }
  const n = genes.length;
  const nSamples = expression.columns;
  const data = new Float64Array(4 * nSamples);
  const values = new Float64Array(n);
  const scaled = new Float64Array(n);
  const scratch = orderScratch(n);
  for (let s = 0; s < nSamples; s++) {
    const base = s * expression.rows;
    for (let i = 0; i < n; i++) {
      const v = expression.data[base + rows[i]];
      if (Number.isNaN(v)) {
        throw new TaceError(
          'MISSING_VALUE',
          `expression of ${genes[i]} in ${expression.samples[s]} is missing`,
          {
            param: 'expression',
          },
        );
      }
      values[i] = v;
    }
    rankDecreasing(values, scratch);
    // R: m <- 10000 * rank(x, ties = "average") / Ng; weights |m|^0.25 in decreasing order of m
    for (let i = 0; i < n; i++) {
      const tie = scratch.taken[scratch.start[i]];
      const averageRank = n - scratch.start[i] - (tie - 1) / 2;
      scaled[i] = (10000 * averageRank) / n;
    }
    for (let k = 0; k < 2; k++) {
      const { inSet, count } = members[k];
      data[k + s * 4] = count === 0 ? Number.NaN : walkSum(scratch.order, scaled, inSet, count);
    }
    const total = data[s * 4] + data[1 + s * 4];
    data[2 + s * 4] = total;
    const purity = Math.cos(0.6049872018 + 0.0001467884 * total);
    data[3 + s * 4] = purity >= 0 ? purity : Number.NaN;
  }
  const warnings: string[] = [];
  if (members[0].count === 0) warnings.push('no stromal signature gene is in the data');
  if (members[1].count === 0) warnings.push('no immune signature gene is in the data');
  return {
    rows: 4,
    columns: nSamples,
    data,
    features: [...ESTIMATE_FEATURES],
    samples: [...expression.samples],
    method: 'estimate',
    genesUsed: [members[0].count, members[1].count, members[0].count + members[1].count, 0],
    warnings,
  };
}

/**
 * sum(RES) of estimate's enrichment walk over one decreasing order, with compensated (Neumaier) sums standing
 * in for R's long-double `cumsum`/`sum`.
 */
function walkSum(order: Uint32Array, scaled: Float64Array, inSet: Uint8Array, nHit: number): number {
  const n = order.length;
  const nMiss = n - nHit;
  let sumCorrel = 0;
  let sumCorrelC = 0;
  for (let i = 0; i < n; i++) {
    const g = order[i];
    if (inSet[g] === 0) continue;
    const w = Math.abs(scaled[g]) ** 0.25;
    const t = sumCorrel + w;
    sumCorrelC += Math.abs(sumCorrel) >= Math.abs(w) ? sumCorrel - t + w : w - t + sumCorrel;
    sumCorrel = t;
  }
  sumCorrel += sumCorrelC;
  let fn = 0;
  let fnC = 0;
  let f0 = 0;
  let f0C = 0;
  let es = 0;
  let esC = 0;
  for (let i = 0; i < n; i++) {
    const g = order[i];
    if (inSet[g] === 1) {
      const p = Math.abs(scaled[g]) ** 0.25 / sumCorrel;
      const t = fn + p;
      fnC += Math.abs(fn) >= Math.abs(p) ? fn - t + p : p - t + fn;
      fn = t;
    } else {
      const p = 1 / nMiss;
      const t = f0 + p;
      f0C += Math.abs(f0) >= Math.abs(p) ? f0 - t + p : p - t + f0;
      f0 = t;
    }
    const res = fn + fnC - (f0 + f0C);
    const t = es + res;
    esC += Math.abs(es) >= Math.abs(res) ? es - t + res : res - t + es;
    es = t;
  }
  return es + esC;
}
