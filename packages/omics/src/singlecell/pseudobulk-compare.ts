import { pAdjust, TaceError } from '@tace/core';
import type { GroupLabels } from '../groups/group-labels.js';
import type { AnnDataMatrix } from '../h5ad/types.js';
import {
  ALL_CELLS,
  type CellAnnotations,
  type CompareByRiskOptions,
  compareByRiskGroup,
  type RiskComparison,
} from './compare-by-risk.js';
import { detectExpressionScale } from './normalize.js';

/** How one cell type fared in {@link compareCellTypes}: every cell type in the annotations has one. */
export interface CellTypeCoverage {
  cellType: string;
  /** Cells of this type with a patient in one of the two risk groups. */
  nCells: number;
  /** Patients contributing such cells, per group ([reference, comparison]). */
  nPatients: [number, number];
  /** Patients with at least `minCells` cells of this type (the pseudo-bulk units), per group. */
  nUnits: [number, number];
  /** Whether the cell type was tested (at least `minPatients` units in each group). */
  tested: boolean;
  /** Why it was left out (empty when tested). */
  reason: string;
}

/** Options of {@link compareCellTypes}. */
export interface CompareCellTypesOptions extends Omit<CompareByRiskOptions, 'minCells'> {
  /** A patient x cell type needs at least this many cells to be a pseudo-bulk unit. @default 3 */
  minCells?: number;
  /** A cell type is tested when each group has at least this many pseudo-bulk units. @default 2 */
  minPatients?: number;
}

/** One dot of a cell type x signature dot plot, per risk group. */
export interface CellTypeDot {
  signature: string;
  cellType: string;
  group: string;
  /** Mean over the group's patients of their pseudo-bulk score. */
  meanScore: number;
  nPatients: number;
  nCells: number;
}

/** Result of {@link compareCellTypes}. */
export interface CellTypeComparison {
  groups: [string, string];
  /** Per signature: the pseudo-bulk comparison (tests contain only the cell types tested). */
  bySignature: Record<string, RiskComparison>;
  /** Every cell type of the annotations (plus `(all cells)`), tested or not, with counts and the reason. */
  coverage: CellTypeCoverage[];
  /** The cell types left out, with reasons (also in `warnings`). */
  leftOut: { cellType: string; reason: string }[];
  /** Dot-plot data: signature x cell type x group. */
  dots: CellTypeDot[];
  /** Loud notices: cell types left out, patients without a risk group. */
  warnings: string[];
}

/**
 * Compares single-cell signature scores between patient risk groups within every cell type, **with the
 * patient as the unit**: per patient x cell type the mean score of its cells (a pseudo-bulk value, when it
 * has at least `minCells` cells), then a Wilcoxon rank-sum test over patients per cell type and
 * Benjamini-Hochberg across cell types (the kernel `compareByRiskGroup`). Unlike a bare call, every cell type
 * is reported in `coverage` with its cells and patients, and each one not tested is listed in `leftOut` and
 * `warnings` with the reason (too few cells per patient, too few patients in a group), so none disappears
 * silently. Also returns the data of a cell type x signature dot plot by group.
 * @param scores - per signature, one score per cell (e.g. `scoreGenes` / `ucell` output).
 * @param cells - cell type and patient of every cell.
 * @param riskGroupByPatient - risk label per patient.
 * @throws {TaceError} `EMPTY_INPUT` when no signature is given; as `compareByRiskGroup`.
 * @example
 * ```ts
 * const cmp = compareCellTypes({ hypoxia, cytotoxicity }, { cellType, patient }, riskByPatient);
 * cmp.leftOut; // [{ cellType: 'Mast', reason: 'high: 1 patient with >= 3 cells (need 2)' }]
 * ```
 */
export function compareCellTypes(
  scores: Record<string, ArrayLike<number>>,
  cells: CellAnnotations,
  riskGroupByPatient: GroupLabels,
  options: CompareCellTypesOptions = {},
): CellTypeComparison {
  const signatures = Object.keys(scores);
  if (signatures.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'no signature scores given', { param: 'scores' });
  }
  const minCells = options.minCells ?? 3;
  const minPatients = options.minPatients ?? 2;
  const bySignature: Record<string, RiskComparison> = {};
  // every patient x cell type (minCells 1) of the first signature: the coverage of all cell types
  const first = compareByRiskGroup(scores[signatures[0]], cells, riskGroupByPatient, {
    ...options,
    minCells: 1,
  });
  const groups = first.groups;
  // coverage from the per-cell view (cells with type, patient and a risk group) and the unfiltered pseudo-bulk
  const types = [...new Set(first.cells.cellType)].sort();
  if (options.includeAllCells ?? true) types.push(ALL_CELLS);
  const coverage: CellTypeCoverage[] = types.map((cellType) => {
    const rows = first.pseudobulk.cellType.map((t, r) => (t === cellType ? r : -1)).filter((r) => r >= 0);
    const patients: [number, number] = [0, 0];
    const units: [number, number] = [0, 0];
    let nCells = 0;
    for (const r of rows) {
      const g = first.pseudobulk.riskGroup[r] === groups[0] ? 0 : 1;
      patients[g]++;
      nCells += first.pseudobulk.nCells[r];
      if (first.pseudobulk.nCells[r] >= minCells) units[g]++;
    }
    const reasons: string[] = [];
    groups.forEach((label, g) => {
      if (units[g] < minPatients) {
        reasons.push(
          `${label}: ${units[g]} patient${units[g] === 1 ? '' : 's'} with >= ${minCells} cells (need ${minPatients})`,
        );
      }
    });
    return {
      cellType,
      nCells,
      nPatients: patients,
      nUnits: units,
      tested: reasons.length === 0,
      reason: reasons.join('; '),
    };
  });
  const testedTypes = coverage.filter((c) => c.tested).map((c) => c.cellType);
  for (const name of signatures) {
    bySignature[name] = compareByRiskGroup(scores[name], cells, riskGroupByPatient, {
      ...options,
      minCells,
      cellTypes: options.cellTypes,
    });
    restrictTests(bySignature[name], new Set(testedTypes));
  }
  const leftOut = coverage.filter((c) => !c.tested).map((c) => ({ cellType: c.cellType, reason: c.reason }));
  const warnings = leftOut.map(
    (l) => `cell type ${JSON.stringify(l.cellType)} left out of the comparison: ${l.reason}`,
  );
  if (first.unmatchedPatients.length > 0) {
    warnings.push(
      `${first.unmatchedPatients.length} patient(s) have no risk group, their cells are left out: ${first.unmatchedPatients.join(', ')}`,
    );
  }
  const dots: CellTypeDot[] = [];
  for (const name of signatures) {
    const pb = bySignature[name].pseudobulk;
    for (const cellType of types) {
      groups.forEach((group) => {
        let sum = 0;
        let nPatients = 0;
        let nCells = 0;
        pb.cellType.forEach((t, r) => {
          if (t !== cellType || pb.riskGroup[r] !== group) return;
          sum += pb.score[r];
          nPatients++;
          nCells += pb.nCells[r];
        });
        dots.push({
          signature: name,
          cellType,
          group,
          meanScore: nPatients === 0 ? Number.NaN : sum / nPatients,
          nPatients,
          nCells,
        });
      });
    }
  }
  return { groups, bySignature, coverage, leftOut, dots, warnings };
}

/** Keeps only the tested cell types in a comparison's tests table, BH re-adjusted over them. */
function restrictTests(comparison: RiskComparison, keep: ReadonlySet<string>): void {
  const t = comparison.tests;
  const index = t.cellType.map((c, i) => (keep.has(c) ? i : -1)).filter((i) => i >= 0);
  if (index.length === t.cellType.length) return;
  const pick = <T extends Float64Array | Int32Array>(a: T): T =>
    a.constructor === Int32Array
      ? (Int32Array.from(index, (i) => a[i]) as T)
      : (Float64Array.from(index, (i) => a[i]) as T);
  const pValue = pick(t.pValue);
  comparison.tests = {
    cellType: index.map((i) => t.cellType[i]),
    nReference: pick(t.nReference),
    nComparison: pick(t.nComparison),
    meanReference: pick(t.meanReference),
    meanComparison: pick(t.meanComparison),
    difference: pick(t.difference),
    hodgesLehmann: pick(t.hodgesLehmann),
    rankBiserial: pick(t.rankBiserial),
    statistic: pick(t.statistic),
    pValue,
    adjustedPValue: pAdjust(pValue, 'BH'),
  };
}

/**
 * A warning when a matrix given to a gene-set scorer (scanpy `score_genes`, AUCell, UCell) looks like raw
 * counts (non-negative integers, by `detectExpressionScale`): module scores on counts are dominated by
 * library size; normalise first (`normalizeTotal`, log1p). Null when the scale is fine.
 * @example
 * ```ts
 * const warning = countsScaleWarning(adata.X); // 'the matrix looks like raw counts: ...'
 * ```
 */
export function countsScaleWarning(X: AnnDataMatrix): string | null {
  return detectExpressionScale(X) === 'counts'
    ? 'the matrix looks like raw counts (non-negative integers): gene-set scores on counts follow library size; normalise first (normalizeTotal with log1p, as scanpy pp.normalize_total + pp.log1p)'
    : null;
}
