import { median, pAdjust, TaceError, type WilcoxonRankSumOptions, wilcoxonRankSum } from '@tace/core';
import type { GroupLabels } from '../groups/group-labels.js';

/** Per-cell labels for {@link compareByRiskGroup}: cell type and patient of each cell (null = unknown). */
export interface CellAnnotations {
  cellType: ArrayLike<string | null>;
  patient: ArrayLike<string | null>;
}

/** Options of {@link compareByRiskGroup}. */
export interface CompareByRiskOptions {
  /** Keep only these cell types (e.g. CD8/cytotoxic T subsets for cytotoxicity). @default all */
  cellTypes?: readonly string[];
  /** Add a row pooling every cell of each patient (label `'(all cells)'`). @default true */
  includeAllCells?: boolean;
  /** A patient x cell type needs at least this many cells to give a pseudo-bulk value. @default 10 */
  minCells?: number;
  /** `[reference, comparison]` risk labels; effects are comparison - reference. @default ['low', 'high'] */
  groups?: readonly [string, string];
  /** Pseudo-bulk summary of a patient's cells. @default 'mean' */
  aggregate?: 'mean' | 'median';
  /** Passed to core's `wilcoxonRankSum` (R `wilcox.test`: exact for small samples without ties). @default {} */
  wilcoxon?: WilcoxonRankSumOptions;
}

/** One row per patient x cell type: the unit of the comparison. */
export interface PseudobulkTable {
  cellType: string[];
  patient: string[];
  riskGroup: string[];
  nCells: Int32Array;
  score: Float64Array;
}

/** One row per cell type: Wilcoxon rank-sum over patients, BH-adjusted across cell types. */
export interface RiskTestTable {
  cellType: string[];
  /** Patients in the reference / comparison group with a pseudo-bulk value. */
  nReference: Int32Array;
  nComparison: Int32Array;
  meanReference: Float64Array;
  meanComparison: Float64Array;
  /** meanComparison - meanReference. */
  difference: Float64Array;
  /** Hodges-Lehmann shift: median of all comparison - reference patient differences. */
  hodgesLehmann: Float64Array;
  /** Rank-biserial correlation 2W / (n1 n2) - 1, in [-1, 1]; positive when the comparison group is higher. */
  rankBiserial: Float64Array;
  /** R's W for comparison vs reference. NaN when a group has no patient. */
  statistic: Float64Array;
  pValue: Float64Array;
  /** Benjamini-Hochberg over the cell types tested (R `p.adjust(method = "BH")`). */
  adjustedPValue: Float64Array;
}

/** Result of {@link compareByRiskGroup}. */
export interface RiskComparison {
  groups: [string, string];
  pseudobulk: PseudobulkTable;
  tests: RiskTestTable;
  /** Per-cell view for plotting (cells with a known type, patient and risk group). */
  cells: { cellType: string[]; patient: string[]; riskGroup: string[]; score: Float64Array };
  /** Patients of the cells that have no risk group (their cells are left out). */
  unmatchedPatients: string[];
}

/** The label of the pooled row added by `includeAllCells`. */
export const ALL_CELLS = '(all cells)';

/**
 * Compares a per-cell score between risk groups within each cell type, with patients (not cells) as the
 * unit: each patient's cells of a type are summarised into one pseudo-bulk value (mean by default; at least
 * `minCells` cells), and the two groups of patients are compared by a Wilcoxon rank-sum test (core
 * `wilcoxonRankSum`, = R `wilcox.test`), with Benjamini-Hochberg adjustment across cell types and effect
 * sizes (difference of means, Hodges-Lehmann shift, rank-biserial correlation). Treating cells as
 * independent would inflate significance by the number of cells per patient.
 *
 * @param scores - one score per cell.
 * @param riskGroupByPatient - risk label per patient id (from the imaging model's cut-point), as a record or map.
 * @throws {TaceError} `LENGTH_MISMATCH` when annotations and scores differ in length; `EMPTY_INPUT` when no
 *   cell can be used.
 * @example
 * ```ts
 * const cmp = compareByRiskGroup(hypoxia, { cellType, patient }, { P1: 'low', P2: 'high', ... });
 * cmp.tests.adjustedPValue; // one per cell type
 * ```
 */
export function compareByRiskGroup(
  scores: ArrayLike<number>,
  cells: CellAnnotations,
  riskGroupByPatient: GroupLabels,
  options: CompareByRiskOptions = {},
): RiskComparison {
  const n = scores.length;
  const riskOf: ReadonlyMap<string, string> =
    riskGroupByPatient instanceof Map ? riskGroupByPatient : new Map(Object.entries(riskGroupByPatient));
  if (cells.cellType.length !== n || cells.patient.length !== n)
    throw new TaceError(
      'LENGTH_MISMATCH',
      `${n} scores but ${cells.cellType.length} cell types and ${cells.patient.length} patients`,
      { param: 'cells', remedy: 'pass one cell type and one patient per cell' },
    );
  const groups: [string, string] = [options.groups?.[0] ?? 'low', options.groups?.[1] ?? 'high'];
  const minCells = options.minCells ?? 10;
  const keepType = options.cellTypes === undefined ? null : new Set(options.cellTypes);
  const includeAll = options.includeAllCells ?? true;
  const unmatched = new Set<string>();
  const view = {
    cellType: [] as string[],
    patient: [] as string[],
    riskGroup: [] as string[],
    score: [] as number[],
  };
  const buckets = new Map<string, { cellType: string; patient: string; risk: string; values: number[] }>();
  const add = (cellType: string, patient: string, risk: string, v: number) => {
    const key = `${cellType}\u0000${patient}`;
    const b = buckets.get(key);
    if (b === undefined) buckets.set(key, { cellType, patient, risk, values: [v] });
    else b.values.push(v);
  };
  for (let i = 0; i < n; i++) {
    const type = cells.cellType[i];
    const patient = cells.patient[i];
    const v = scores[i];
    if (type == null || type === '' || patient == null || patient === '' || Number.isNaN(v)) continue;
    const risk = riskOf.get(patient);
    if (risk === undefined) {
      unmatched.add(patient);
      continue;
    }
    if (risk !== groups[0] && risk !== groups[1]) continue;
    if (keepType !== null && !keepType.has(type)) continue;
    view.cellType.push(type);
    view.patient.push(patient);
    view.riskGroup.push(risk);
    view.score.push(v);
    add(type, patient, risk, v);
    if (includeAll) add(ALL_CELLS, patient, risk, v);
  }
  if (view.score.length === 0)
    throw new TaceError('EMPTY_INPUT', 'no cell has a score, a cell type, a patient and a risk group', {
      param: 'riskGroupByPatient',
      remedy: `check that patient ids match and that risk labels are '${groups[0]}' / '${groups[1]}'`,
    });
  const rows = [...buckets.values()]
    .filter((b) => b.values.length >= minCells)
    .sort((a, b) =>
      a.cellType === b.cellType ? (a.patient < b.patient ? -1 : 1) : a.cellType < b.cellType ? -1 : 1,
    );
  const summarize = (values: number[]) =>
    options.aggregate === 'median' ? median(values) : values.reduce((a, b) => a + b, 0) / values.length;
  const pseudobulk: PseudobulkTable = {
    cellType: rows.map((r) => r.cellType),
    patient: rows.map((r) => r.patient),
    riskGroup: rows.map((r) => r.risk),
    nCells: Int32Array.from(rows, (r) => r.values.length),
    score: Float64Array.from(rows, (r) => summarize(r.values)),
  };
  const types = [...new Set(pseudobulk.cellType)];
  const tests = testByCellType(types, pseudobulk, groups, options.wilcoxon ?? {});
  return {
    groups,
    pseudobulk,
    tests,
    cells: { ...view, score: Float64Array.from(view.score) },
    unmatchedPatients: [...unmatched].sort(),
  };
}

function testByCellType(
  types: string[],
  table: PseudobulkTable,
  groups: [string, string],
  wilcoxon: WilcoxonRankSumOptions,
): RiskTestTable {
  const k = types.length;
  const t: RiskTestTable = {
    cellType: types,
    nReference: new Int32Array(k),
    nComparison: new Int32Array(k),
    meanReference: new Float64Array(k),
    meanComparison: new Float64Array(k),
    difference: new Float64Array(k),
    hodgesLehmann: new Float64Array(k),
    rankBiserial: new Float64Array(k),
    statistic: new Float64Array(k),
    pValue: new Float64Array(k),
    adjustedPValue: new Float64Array(k),
  };
  types.forEach((type, c) => {
    const ref: number[] = [];
    const cmp: number[] = [];
    table.cellType.forEach((ct, r) => {
      if (ct !== type) return;
      if (table.riskGroup[r] === groups[0]) ref.push(table.score[r]);
      else cmp.push(table.score[r]);
    });
    const mean = (v: number[]) => (v.length === 0 ? Number.NaN : v.reduce((a, b) => a + b, 0) / v.length);
    t.nReference[c] = ref.length;
    t.nComparison[c] = cmp.length;
    t.meanReference[c] = mean(ref);
    t.meanComparison[c] = mean(cmp);
    t.difference[c] = t.meanComparison[c] - t.meanReference[c];
    const shifts = cmp.flatMap((x) => ref.map((y) => x - y));
    t.hodgesLehmann[c] = shifts.length === 0 ? Number.NaN : median(shifts);
    if (ref.length === 0 || cmp.length === 0) {
      t.statistic[c] = Number.NaN;
      t.pValue[c] = Number.NaN;
      t.rankBiserial[c] = Number.NaN;
      return;
    }
    const w = wilcoxonRankSum(cmp, ref, wilcoxon);
    t.statistic[c] = w.statistic;
    t.pValue[c] = w.pValue;
    t.rankBiserial[c] = (2 * w.statistic) / (cmp.length * ref.length) - 1;
  });
  t.adjustedPValue = pAdjust(t.pValue, 'BH');
  return t;
}

/** Cell-type labels that name CD8 / cytotoxic T cells, for the cytotoxicity comparison. */
export const CYTOTOXIC_T_CELL_PATTERN = /CD8|cytotoxic|CTL|Teff|Tem/i;

/**
 * The distinct labels of `cellTypes` matching `pattern` (default {@link CYTOTOXIC_T_CELL_PATTERN}), to pass as
 * `options.cellTypes` when cytotoxicity is compared within cytotoxic T cells only.
 * @example cellTypesMatching(obs.cell_type, /CD8/) // ['CD8+ Cytotoxic T', 'CD8+/CD45RA+ Naive Cytotoxic']
 */
export function cellTypesMatching(
  cellTypes: ArrayLike<string | null>,
  pattern: RegExp = CYTOTOXIC_T_CELL_PATTERN,
): string[] {
  const found = new Set<string>();
  for (let i = 0; i < cellTypes.length; i++) {
    const t = cellTypes[i];
    if (t != null && pattern.test(t)) found.add(t);
  }
  return [...found].sort();
}
