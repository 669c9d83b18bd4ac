import { type ColumnTable, type TableLike, TaceError } from '@tace/core';
import { looksLogged } from '../expression/normalize.js';
import type { ExpressionMatrix } from '../expression/types.js';
import type { GeneSets } from '../genesets/types.js';
import { type GroupChoice, resolveGroups } from '../groups/group-labels.js';
import { type GroupColumns, groupLabelsFromTable } from '../groups/group-table.js';
import { type ProgenyOptions, progeny } from '../pathways/progeny.js';
import { scoreGeneSets } from '../scoring/score-gene-sets.js';
import type { GeneSetScores } from '../scoring/types.js';
import { type EstimateOptions, estimateScores } from '../tme/estimate.js';
import { immuneCellTypes, immunePanel } from '../tme/immune-cells.js';
import { mcpCounter } from '../tme/mcpcounter.js';
import { type QuantiseqOptions, quantiseq } from '../tme/quantiseq.js';
import type { FeatureScores } from '../tme/types.js';
import { compareFeatureScores, type FeatureComparisonRow } from './compare-scores.js';

/** Analyses of {@link compareBiology}. */
export type BiologyAnalysis =
  | 'estimate'
  | 'mcpcounter'
  | 'quantiseq'
  | 'progeny'
  | 'immune-cells'
  | 'immune-panel'
  | 'cancersea'
  | 'gene-sets';

/** The analyses run by default (those needing no user-supplied gene sets). */
export const DEFAULT_BIOLOGY_ANALYSES: readonly BiologyAnalysis[] = Object.freeze([
  'estimate',
  'mcpcounter',
  'quantiseq',
  'progeny',
  'immune-cells',
  'immune-panel',
]);

/** Options of {@link compareBiology}. */
export interface CompareBiologyOptions extends GroupChoice {
  /** Analyses to run, in this order. @default DEFAULT_BIOLOGY_ANALYSES (plus 'cancersea' / 'gene-sets' when their sets are given) */
  analyses?: readonly BiologyAnalysis[];
  /**
   * Scale of the expression matrix: `'log2'` = log2(TPM + 1) (or another log2 scale), `'linear'` = TPM.
   * Each method gets the scale it expects (MCP-counter, PROGENy, ssGSEA: log2; quanTIseq and CYT: linear,
   * computed as 2^x - 1 from log2 input).
   * @default detected by looksLogged (GEO2R's rule)
   */
  scale?: 'log2' | 'linear';
  /** CancerSEA state sets (from `readCancerSea`), for the `'cancersea'` analysis (scored by ssGSEA). */
  cancerSea?: GeneSets;
  /** Further gene sets (e.g. Hallmark), for the `'gene-sets'` analysis (scored by ssGSEA). */
  geneSets?: GeneSets;
  /** Options passed to {@link progeny}. @default { scale: true, top: 100 } */
  progeny?: ProgenyOptions;
  /** Options passed to {@link quantiseq}. @default { tumor: true } (tumour samples) */
  quantiseq?: QuantiseqOptions;
  /** Options passed to {@link estimateScores}. */
  estimate?: EstimateOptions;
}

/** Result of {@link compareBiology}. */
export interface BiologyComparison {
  /**
   * Tidy table, one row per analysis x feature: analysis, feature, target, reference, nTarget, nReference,
   * meanTarget, meanReference, medianTarget, medianReference, medianDifference, cliffsDelta, pValue,
   * adjustedPValue (BH within the analysis).
   */
  table: ColumnTable;
  /** The same rows as objects. */
  rows: FeatureComparisonRow[];
  /** Per-sample scores of every analysis run (features x samples), for box/violin plots and heatmaps. */
  scores: Record<string, FeatureScores>;
  /** Group of every sample in the scores (`null` when in neither compared group). */
  sampleGroups: { sample: string; group: string | null }[];
  target: string;
  reference: string;
  /** Analyses not run, with the reason (e.g. no CancerSEA sets given, too few signature genes). */
  skipped: { analysis: BiologyAnalysis; reason: string }[];
  /** Warnings of the methods, prefixed by the analysis. */
  warnings: string[];
}

/**
 * The biology of the risk groups in one call: runs the microenvironment (ESTIMATE, MCP-counter, quanTIseq,
 * the 28 Charoentong immune cell types by ssGSEA, the checkpoint/CYT panel), pathway (PROGENy) and
 * functional-state (CancerSEA, or any gene sets, by ssGSEA) analyses on an expression matrix and compares every
 * feature between two risk groups: Wilcoxon rank-sum (R `wilcox.test`), Benjamini-Hochberg within each
 * analysis, means, medians, median difference and Cliff's delta. Groups come from a table of samples or
 * patients (`columns.id`, `columns.group`; TCGA patient barcodes reach their samples). An analysis that cannot
 * run (no sets given, too few genes) is listed in `skipped` with the reason rather than failing the call.
 * @param expression - genes x samples, HGNC symbols, log2(TPM + 1) or TPM (see `scale`).
 * @throws {TaceError} `COLUMN_NOT_FOUND`; as `resolveGroups` (a group with fewer than 2 samples).
 * @example
 * ```ts
 * const bio = compareBiology(expr, clinical, { id: 'patient_id', group: 'crm_risk' });
 * writeTable(bio.table, 'biology-by-risk.csv');
 * ```
 */
export function compareBiology(
  expression: ExpressionMatrix,
  groups: TableLike,
  columns: GroupColumns,
  options: CompareBiologyOptions = {},
): BiologyComparison {
  const labels = groupLabelsFromTable(groups, columns);
  const resolved = resolveGroups(expression.samples, labels, options);
  const analyses =
    options.analyses ??
    ([
      ...DEFAULT_BIOLOGY_ANALYSES,
      ...(options.cancerSea ? (['cancersea'] as const) : []),
      ...(options.geneSets ? (['gene-sets'] as const) : []),
    ] as BiologyAnalysis[]);
  const scale = options.scale ?? (looksLogged(expression) ? 'log2' : 'linear');
  const log2 = scale === 'log2' ? expression : transform(expression, (v) => Math.log2(v + 1));
  const linear = scale === 'linear' ? expression : transform(expression, (v) => 2 ** v - 1);
  const scores: Record<string, FeatureScores> = {};
  const skipped: { analysis: BiologyAnalysis; reason: string }[] = [];
  const warnings: string[] = [];
  const rows: FeatureComparisonRow[] = [];
  for (const analysis of analyses) {
    let result: FeatureScores;
    try {
      result = runAnalysis(analysis, log2, linear, options);
    } catch (error) {
      skipped.push({ analysis, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    scores[analysis] = result;
    for (const w of result.warnings) warnings.push(`${analysis}: ${w}`);
    rows.push(...compareFeatureScores(analysis, result, resolved));
  }
  if (rows.length === 0) {
    throw new TaceError(
      'EMPTY_INPUT',
      `no analysis could run: ${skipped.map((s) => `${s.analysis} (${s.reason})`).join('; ')}`,
      {
        param: 'options.analyses',
      },
    );
  }
  return {
    table: rowsTable(rows),
    rows,
    scores,
    sampleGroups: expression.samples.map((sample, s) => ({
      sample,
      group:
        resolved.membership[s] === 1
          ? resolved.target
          : resolved.membership[s] === 0
            ? resolved.reference
            : null,
    })),
    target: resolved.target,
    reference: resolved.reference,
    skipped,
    warnings,
  };
}

function runAnalysis(
  analysis: BiologyAnalysis,
  log2: ExpressionMatrix,
  linear: ExpressionMatrix,
  options: CompareBiologyOptions,
): FeatureScores {
  switch (analysis) {
    case 'estimate':
      return estimateScores(log2, options.estimate);
    case 'mcpcounter':
      return mcpCounter(log2);
    case 'quantiseq':
      return quantiseq(linear, { tumor: true, ...options.quantiseq });
    case 'progeny':
      return progeny(log2, options.progeny);
    case 'immune-cells':
      return fromSetScores(immuneCellTypes(log2), 'immune-cells');
    case 'immune-panel':
      return immunePanel(linear);
    case 'cancersea':
      if (options.cancerSea === undefined)
        throw new Error('no CancerSEA sets given (options.cancerSea; readCancerSea)');
      return fromSetScores(scoreGeneSets(log2, options.cancerSea, { method: 'ssgsea' }), 'cancersea');
    case 'gene-sets':
      if (options.geneSets === undefined) throw new Error('no gene sets given (options.geneSets)');
      return fromSetScores(scoreGeneSets(log2, options.geneSets, { method: 'ssgsea' }), 'gene-sets');
    default:
      throw new TaceError('INVALID_ARGUMENT', `unknown analysis ${String(analysis)}`, {
        param: 'options.analyses',
        remedy: `use ${[...DEFAULT_BIOLOGY_ANALYSES, 'cancersea', 'gene-sets'].join(', ')}`,
      });
  }
}

/** Gene-set scores as {@link FeatureScores} (same data, sets as features). */
function fromSetScores(scores: GeneSetScores, method: string): FeatureScores {
  const found = new Map(scores.coverage.map((c) => [c.set, c.found.length]));
  const skippedSets = scores.coverage.filter((c) => !c.scored).map((c) => c.set);
  return {
    rows: scores.rows,
    columns: scores.columns,
    data: scores.data,
    features: [...scores.sets],
    samples: [...scores.samples],
    method: `${method} (${scores.method})`,
    genesUsed: scores.sets.map((s) => found.get(s) ?? 0),
    warnings: [
      ...scores.warnings,
      ...(skippedSets.length > 0
        ? [`sets not scored (too few genes in the data): ${skippedSets.join(', ')}`]
        : []),
    ],
  };
}

function transform(matrix: ExpressionMatrix, f: (v: number) => number): ExpressionMatrix {
  return { ...matrix, genes: [...matrix.genes], samples: [...matrix.samples], data: matrix.data.map(f) };
}

function rowsTable(rows: readonly FeatureComparisonRow[]): ColumnTable {
  const numeric = (key: keyof FeatureComparisonRow) => Float64Array.from(rows, (r) => r[key] as number);
  return {
    analysis: rows.map((r) => r.analysis),
    feature: rows.map((r) => r.feature),
    target: rows.map((r) => r.target),
    reference: rows.map((r) => r.reference),
    nTarget: numeric('nTarget'),
    nReference: numeric('nReference'),
    meanTarget: numeric('meanTarget'),
    meanReference: numeric('meanReference'),
    medianTarget: numeric('medianTarget'),
    medianReference: numeric('medianReference'),
    medianDifference: numeric('medianDifference'),
    cliffsDelta: numeric('cliffsDelta'),
    pValue: numeric('pValue'),
    adjustedPValue: numeric('adjustedPValue'),
  };
}
