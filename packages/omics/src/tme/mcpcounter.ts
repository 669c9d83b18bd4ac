import { TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import { MCPCOUNTER_GENES_TSV } from './data/mcpcounter-data.js';
import { firstRowIndex, tsvRows } from './gene-index.js';
import type { FeatureScores } from './types.js';

let markers: { population: string; genes: string[] }[] | null = null;

/**
 * The MCP-counter marker genes (Becht 2016; `Signatures/genes.txt` of ebecht/MCPcounter, CC0 1.0): the 10
 * populations in the package's order with their HUGO symbols, as fresh arrays.
 * @example
 * ```ts
 * mcpCounterMarkers().map((m) => m.population); // ['T cells', 'CD8 T cells', ..., 'Fibroblasts']
 * ```
 */
export function mcpCounterMarkers(): { population: string; genes: string[] }[] {
  if (markers === null) {
    const unquote = (s: string) => s.replace(/^"|"$/g, '');
    const list: { population: string; genes: string[] }[] = [];
    for (const row of tsvRows(MCPCOUNTER_GENES_TSV).slice(1)) {
      const gene = unquote(row[0]);
      const population = unquote(row[1]);
      let entry = list.find((m) => m.population === population);
      if (entry === undefined) {
        entry = { population, genes: [] };
        list.push(entry);
      }
      entry.genes.push(gene);
    }
    markers = list;
  }
  return markers.map((m) => ({ population: m.population, genes: [...m.genes] }));
}

/**
 * MCP-counter abundance scores of 10 cell populations (Becht E et al. Estimating the population abundance of
 * tissue-infiltrating immune and stromal cell populations using gene expression. Genome Biol 2016;17:218,
 * doi:10.1186/s13059-016-1070-5): per population, the mean expression of its marker genes found in the data
 * (NaN ignored), as R `MCPcounter.estimate(expression, featuresType = "HUGO_symbols")` (ebecht/MCPcounter at
 * b6eac73). The scores are on the scale of the input: the method expects log2 expression (log2 TPM + 1,
 * RMA). A population without any marker in the data has a NaN row and a warning (R drops the row). For
 * duplicated genes the first row is used.
 * @param expression - genes x samples, HGNC symbols.
 * @throws {TaceError} `EMPTY_INPUT` when no marker gene is in the data.
 * @example
 * ```ts
 * const mcp = mcpCounter(log2Tpm);
 * mcp.features[9]; // 'Fibroblasts'
 * ```
 */
export function mcpCounter(expression: ExpressionMatrix): FeatureScores {
  const populations = mcpCounterMarkers();
  const index = firstRowIndex(expression.genes);
  const nGenes = expression.rows;
  const nSamples = expression.columns;
  const nPop = populations.length;
  const data = new Float64Array(nPop * nSamples);
  const genesUsed: number[] = [];
  const warnings: string[] = [];
  for (let k = 0; k < nPop; k++) {
    const rows = [...new Set(populations[k].genes)].map((g) => index.get(g)).filter((g) => g !== undefined);
    genesUsed.push(rows.length);
    if (rows.length === 0)
      warnings.push(`no marker of ${populations[k].population} is in the data: NaN scores`);
    for (let s = 0; s < nSamples; s++) {
      let sum = 0;
      let count = 0;
      for (const g of rows) {
        const v = expression.data[g + s * nGenes];
        if (Number.isNaN(v)) continue;
        sum += v;
        count++;
      }
      data[k + s * nPop] = count === 0 ? Number.NaN : sum / count;
    }
  }
  if (genesUsed.every((n) => n === 0)) {
    throw new TaceError('EMPTY_INPUT', 'no MCP-counter marker gene was found in the expression matrix', {
      param: 'expression',
      remedy: 'use HGNC gene symbols as gene identifiers',
    });
  }
  return {
    rows: nPop,
    columns: nSamples,
    data,
    features: populations.map((p) => p.population),
    samples: [...expression.samples],
    method: 'mcpcounter',
    genesUsed,
    warnings,
  };
}
