import {
  type BiologyComparison,
  bundledSignatures,
  type CellTypeComparison,
  CYTOLYTIC_ACTIVITY,
  CYTOTOXIC_T_CELLS,
  compareBiology,
  compareCellTypes,
  estimateGeneSets,
  IMMUNE_CHECKPOINT_GENES,
  immuneCellSets,
  mcpCounterMarkers,
  normalizeTotal,
  progenyModel,
  type SparseMatrix,
  scoreGenes,
  til10Signature,
} from '@tace/omics';
import {
  CYTOTOXIC_GENES,
  type SyntheticPatient,
  syntheticExpression,
  syntheticSingleCell,
} from '@tace/synthetic';
import { type AnnotateStage, runAnnotateStage } from './annotate-stage.js';

/**
 * The functional-state programmes of the demo: four MSigDB Hallmark sets (bundled) and the TIDE CTL
 * cytotoxicity genes. They stand in for CancerSEA's states of the same names (hypoxia, EMT, ...), whose
 * gene lists cannot be shipped (no redistribution licence; `readCancerSea` reads a user's download).
 */
export function programSets(): Record<string, string[]> {
  const hallmark = bundledSignatures();
  return {
    Hypoxia: hallmark.HALLMARK_HYPOXIA,
    'MYC targets V1': hallmark.HALLMARK_MYC_TARGETS_V1,
    EMT: hallmark.HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION,
    Glycolysis: hallmark.HALLMARK_GLYCOLYSIS,
    Cytotoxicity: [...CYTOTOXIC_T_CELLS],
  };
}

/** Where each programme comes from, for the report. */
export const PROGRAM_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  Hypoxia: 'MSigDB Hallmark HALLMARK_HYPOXIA',
  'MYC targets V1': 'MSigDB Hallmark HALLMARK_MYC_TARGETS_V1',
  EMT: 'MSigDB Hallmark HALLMARK_EPITHELIAL_MESENCHYMAL_TRANSITION',
  Glycolysis: 'MSigDB Hallmark HALLMARK_GLYCOLYSIS',
  Cytotoxicity: 'TIDE cytotoxic T lymphocyte genes (Jiang 2018)',
});

/** Result of {@link runBiologyStage}. */
export interface BiologyStage {
  /**
   * Bulk expression by risk group (high vs low): ESTIMATE, MCP-counter, quanTIseq, the 28 immune cell
   * types, the checkpoint/CYT panel, PROGENy, and the functional-state programmes (`gene-sets`).
   */
  bulk: BiologyComparison;
  /** Single cell: hypoxia and cytotoxicity per cell type, patients as the unit, every cell type reported. */
  cells: CellTypeComparison;
  /** Per-cell scores, cell types and the risk group of each cell's patient (for the dot plot). */
  cellScores: Record<string, Float64Array>;
  cellType: string[];
  cellGroup: string[];
  /** Patients of the single-cell data per risk group. */
  singleCellPatients: Record<string, number>;
  /** Warnings of the scoring steps (e.g. counts given to scoreGenes). */
  warnings: string[];
  /**
   * The same cells annotated as if unlabelled (clusters, marker labels, UMAP), against the simulated types;
   * null when not asked for (`options.annotate: false`).
   */
  cellAnnotation: AnnotateStage | null;
}

/** Genes every microenvironment and pathway method of `compareBiology` reads (so none is empty here). */
function methodGenes(): string[] {
  const sets = estimateGeneSets();
  return [
    ...sets.StromalSignature,
    ...sets.ImmuneSignature,
    ...mcpCounterMarkers().flatMap((m) => m.genes),
    ...til10Signature().genes,
    ...progenyModel(100).map((r) => r.gene),
    ...Object.values(immuneCellSets()).flat(),
    ...IMMUNE_CHECKPOINT_GENES,
    ...CYTOLYTIC_ACTIVITY,
  ];
}

/**
 * The demo's biology. Bulk: synthetic expression (log2 scale) of the training patients, over the genes of
 * every microenvironment and pathway method plus 600 background genes, where the hypoxia, MYC, EMT and
 * glycolysis programmes rise and the cytotoxic and ESTIMATE immune genes fall with the latent tumour
 * aggressiveness; `compareBiology` compares every feature of every analysis between the CRM high- and
 * low-risk groups. Single cell: synthetic counts of 4 patients per CRM risk group (the lowest latent
 * aggressiveness among the low-risk, the highest among the high-risk patients), normalised
 * (counts per 10k, log1p), scanpy-style hypoxia and cytotoxicity scores per cell, and `compareCellTypes`
 * (pseudo-bulk per patient x cell type, Wilcoxon over patients, every cell type reported); then the cells
 * are annotated as if unlabelled (`runAnnotateStage`) unless `options.annotate` is false.
 */
export function runBiologyStage(
  patients: readonly SyntheticPatient[],
  riskGroupByPatient: Readonly<Record<string, string>>,
  seed: number,
  options: { annotate?: boolean } = {},
): BiologyStage {
  const sets = programSets();
  const withRna = patients.filter((p) => riskGroupByPatient[p.id] !== undefined);
  const programGenes = new Set(Object.values(sets).flat());
  const expression = syntheticExpression(withRna, {
    seed,
    programs: [
      { genes: sets.Hypoxia, effect: 0.45 },
      { genes: sets['MYC targets V1'], effect: 0.35 },
      { genes: sets.EMT, effect: 0.3 },
      { genes: sets.Glycolysis, effect: 0.35 },
      { genes: [...sets.Cytotoxicity, ...CYTOLYTIC_ACTIVITY], effect: -0.35 },
      { genes: estimateGeneSets().ImmuneSignature.filter((g) => !programGenes.has(g)), effect: -0.2 },
    ],
    background: [
      ...new Set(methodGenes()),
      ...Array.from({ length: 600 }, (_, b) => `BG${String(b + 1).padStart(4, '0')}`),
    ],
  });
  const ids = withRna.map((p) => p.id);
  const bulk = compareBiology(
    expression,
    { patient_id: ids, risk_group: ids.map((id) => riskGroupByPatient[id]) },
    { id: 'patient_id', group: 'risk_group' },
    { target: 'high', reference: 'low', scale: 'log2', geneSets: sets },
  );

  // Single cell: per CRM risk group, its 4 patients of the most extreme latent aggressiveness (lowest in the
  // low-risk group, highest in the high-risk group), so both groups have patients whatever the cut-point.
  const ranked = [...withRna].sort((a, b) => a.aggressiveness - b.aggressiveness || (a.id < b.id ? -1 : 1));
  const chosen = [
    ...ranked.filter((p) => riskGroupByPatient[p.id] === 'low').slice(0, 4),
    ...ranked.filter((p) => riskGroupByPatient[p.id] === 'high').slice(-4),
  ];
  const sc = syntheticSingleCell(chosen, sets.Hypoxia, { seed: seed + 1, cellsPerPatient: 150 });
  const counts: SparseMatrix = {
    format: 'csr',
    shape: [sc.cells.length, sc.genes.length],
    indptr: Float64Array.from(sc.indptr),
    indices: sc.indices,
    data: sc.data,
  };
  const warnings: string[] = [];
  const onWarning = (message: string) => warnings.push(message);
  const normalized = normalizeTotal(counts, { onWarning });
  const groupOfChosen: Record<string, string> = {};
  for (const p of chosen) groupOfChosen[p.id] = riskGroupByPatient[p.id];
  const cellScores = {
    Hypoxia: scoreGenes(normalized, sc.genes, sets.Hypoxia, { randomState: seed, onWarning }).scores,
    Cytotoxicity: scoreGenes(normalized, sc.genes, [...CYTOTOXIC_GENES], { randomState: seed, onWarning })
      .scores,
  };
  const cells = compareCellTypes(cellScores, { cellType: sc.cellType, patient: sc.patient }, groupOfChosen, {
    groups: ['low', 'high'],
  });
  const singleCellPatients: Record<string, number> = {};
  for (const p of chosen) {
    const g = groupOfChosen[p.id];
    singleCellPatients[g] = (singleCellPatients[g] ?? 0) + 1;
  }
  return {
    bulk,
    cells,
    cellScores,
    cellType: sc.cellType,
    cellGroup: sc.patient.map((p) => groupOfChosen[p]),
    singleCellPatients,
    warnings: [...warnings, ...bulk.warnings, ...cells.warnings],
    cellAnnotation: (options.annotate ?? true) ? runAnnotateStage(sc, counts, seed) : null,
  };
}
