import {
  bundledSignatures,
  CYTOLYTIC_ACTIVITY,
  CYTOTOXIC_T_CELLS,
  type GeneSetScores,
  type GroupComparison,
  normalizeTotal,
  type RiskComparison,
  type SparseMatrix,
  scoreGeneSets,
  scoreGenes,
} from '@tace/omics';
import { compareByRiskGroup, compareGroups } from '@tace/omics/kernels';
import {
  CYTOTOXIC_GENES,
  type SyntheticPatient,
  syntheticExpression,
  syntheticSingleCell,
} from '@tace/synthetic';
import { type AnnotateStage, runAnnotateStage } from './annotate-stage.js';

/** The five tumour programmes of the paper's biology panel, from the bundled Hallmark sets. */
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

/** Result of {@link runBiologyStage}. */
export interface BiologyStage {
  /** ssGSEA scores of the programmes per bulk sample. */
  bulkScores: GeneSetScores;
  /** High vs low imaging-risk group: Wilcoxon, BH, Cliff's delta per programme. */
  bulkComparison: GroupComparison;
  /** Risk group per bulk sample. */
  bulkGroups: Record<string, string>;
  /** Per-cell hypoxia and cytotoxicity scores compared by risk group, per patient (pseudo-bulk). */
  hypoxiaByCellType: RiskComparison;
  cytotoxicityInEffectors: RiskComparison;
  /** The same cells annotated as if unlabelled (clusters, marker labels, UMAP), against the simulated types. */
  cellAnnotation: AnnotateStage;
}

/**
 * The demo's biology: synthetic bulk expression (log scale) of the patients with RNA, where hypoxia, MYC,
 * EMT and glycolysis programmes rise and cytotoxicity falls with the latent tumour aggressiveness; ssGSEA
 * (GSVA's algorithm) of the programmes; comparison of the imaging high- vs low-risk groups. Then synthetic
 * single-cell counts of 8 patients: scanpy-style per-cell scores (hypoxia in every cell type, cytotoxicity in
 * CD8 T and NK cells), compared between risk groups with patients, not cells, as the unit.
 */
export function runBiologyStage(
  patients: readonly SyntheticPatient[],
  riskGroupByPatient: Readonly<Record<string, string>>,
  seed: number,
): BiologyStage {
  const sets = programSets();
  const withRna = patients.filter((p) => riskGroupByPatient[p.id] !== undefined);
  const expression = syntheticExpression(withRna, {
    seed,
    programs: [
      { genes: sets.Hypoxia, effect: 0.45 },
      { genes: sets['MYC targets V1'], effect: 0.35 },
      { genes: sets.EMT, effect: 0.3 },
      { genes: sets.Glycolysis, effect: 0.35 },
      { genes: [...sets.Cytotoxicity, ...CYTOLYTIC_ACTIVITY], effect: -0.35 },
    ],
  });
  const bulkScores = scoreGeneSets(expression, sets, { method: 'ssgsea' });
  const bulkGroups: Record<string, string> = {};
  for (const p of withRna) bulkGroups[p.id] = riskGroupByPatient[p.id];
  const bulkComparison = compareGroups(bulkScores, bulkGroups, { target: 'high', reference: 'low' });

  // Single-cell: the 4 highest- and 4 lowest-risk patients of the training cohort.
  const ranked = [...withRna].sort((a, b) => a.aggressiveness - b.aggressiveness);
  const chosen = [...ranked.slice(0, 4), ...ranked.slice(-4)];
  const cells = syntheticSingleCell(chosen, sets.Hypoxia, { seed: seed + 1, cellsPerPatient: 150 });
  const counts: SparseMatrix = {
    format: 'csr',
    shape: [cells.cells.length, cells.genes.length],
    indptr: Float64Array.from(cells.indptr),
    indices: cells.indices,
    data: cells.data,
  };
  const normalized = normalizeTotal(counts);
  const annotations = { cellType: cells.cellType, patient: cells.patient };
  const groupOfChosen: Record<string, string> = {};
  for (const p of chosen) groupOfChosen[p.id] = riskGroupByPatient[p.id];
  const hypoxia = scoreGenes(normalized, cells.genes, sets.Hypoxia, { randomState: seed });
  const cytotoxicity = scoreGenes(normalized, cells.genes, [...CYTOTOXIC_GENES], { randomState: seed });
  return {
    bulkScores,
    bulkComparison,
    bulkGroups,
    hypoxiaByCellType: compareByRiskGroup(hypoxia.scores, annotations, groupOfChosen, {
      includeAllCells: true,
      groups: ['low', 'high'],
    }),
    cytotoxicityInEffectors: compareByRiskGroup(cytotoxicity.scores, annotations, groupOfChosen, {
      cellTypes: ['CD8 T', 'NK'],
      groups: ['low', 'high'],
    }),
    cellAnnotation: runAnnotateStage(cells, counts, seed),
  };
}
