import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { columnLabels, readH5ad } from '../../src/h5ad/index.js';
import { compareByRiskGroup as compareByRiskGroupArrays } from '../../src/kernels.js';
import { ALL_CELLS, cellTypesMatching, compareByRiskGroup, scoreGenes } from '../../src/singlecell/index.js';

describe('compareByRiskGroup by hand (patients are the unit)', () => {
  // T cells: P1 [1, 3] -> 2, P2 [3, 5] -> 4 (low); P3 [6, 8] -> 7, P4 [9, 11] -> 10 (high).
  // B cells: P1 [0, 0] -> 0 (low), P3 [1, 1] -> 1 (high); P2 has one B cell (< minCells 2, dropped).
  const scores = [1, 3, 3, 5, 6, 8, 9, 11, 0, 0, 1, 1, 7, 4];
  const cellType = ['T', 'T', 'T', 'T', 'T', 'T', 'T', 'T', 'B', 'B', 'B', 'B', 'B', 'T'];
  const patient = ['P1', 'P1', 'P2', 'P2', 'P3', 'P3', 'P4', 'P4', 'P1', 'P1', 'P3', 'P3', 'P2', 'P9'];
  const risk = { P1: 'low', P2: 'low', P3: 'high', P4: 'high' };
  const r = compareByRiskGroupArrays(scores, { cellType, patient }, risk, {
    minCells: 2,
    includeAllCells: false,
  });

  it('summarises each patient x cell type by its mean, dropping small groups', () => {
    expect(r.pseudobulk.cellType).toEqual(['B', 'B', 'T', 'T', 'T', 'T']);
    expect(r.pseudobulk.patient).toEqual(['P1', 'P3', 'P1', 'P2', 'P3', 'P4']);
    expect(Array.from(r.pseudobulk.score)).toEqual([0, 1, 2, 4, 7, 10]);
    expect(r.unmatchedPatients).toEqual(['P9']);
  });
  it('tests high vs low patients: W, exact p, effect sizes, BH', () => {
    const t = r.tests;
    expect(t.cellType).toEqual(['B', 'T']);
    expect(Array.from(t.nComparison)).toEqual([1, 2]);
    // T: W = 4 (every high patient above every low one), exact two-sided p = 2 / choose(4, 2) = 1/3.
    expect(t.statistic[1]).toBe(4);
    expect(t.pValue[1]).toBeCloseTo(1 / 3, 12);
    expect(t.rankBiserial[1]).toBe(1);
    expect(t.difference[1]).toBe(8.5 - 3);
    expect(t.hodgesLehmann[1]).toBe(5.5); // median of 5, 3, 8, 6
    // B: one patient per group: W = 1, p = 1; BH of (1, 1/3) = (1, 2/3).
    expect(t.pValue[0]).toBe(1);
    expect(t.adjustedPValue[1]).toBeCloseTo(2 / 3, 12);
  });
  it('keeps a per-cell view for plotting and can pool all cells', () => {
    expect(r.cells.score.length).toBe(13);
    const pooled = compareByRiskGroup(
      { score: scores, cellType, patient },
      { patient: Object.keys(risk), risk: Object.values(risk) },
      { score: 'score', cellType: 'cellType', patient: 'patient', id: 'patient', group: 'risk' },
      { minCells: 2 },
    );
    expect(pooled.tests.cellType).toContain(ALL_CELLS);
  });
  it('throws LENGTH_MISMATCH for misaligned annotations', () => {
    expect(() => compareByRiskGroupArrays([1, 2], { cellType: ['T'], patient: ['P1'] }, risk)).toThrow(
      /2 scores/,
    );
  });
});

const wu = sharedDataPath('singlecell/wu2020_tumour_tcells_200.h5ad');
describe.skipIf(wu === null)(
  `cytotoxicity within CD8 T cells of wu2020 ${wu === null ? sharedDataSkipMessage('singlecell') : ''}`,
  () => {
    it('pseudo-bulk rows are per patient means of the cells of CD8 clusters', async () => {
      const adata = await readH5ad(wu!, { uns: false, obsm: false });
      const { scores } = scoreGenes(adata.X!, adata.var.index, [
        'GZMA',
        'GZMB',
        'GZMH',
        'PRF1',
        'NKG7',
        'GNLY',
      ]);
      const cellType = columnLabels(adata.obs.columns.cluster_orig);
      const patient = columnLabels(adata.obs.columns.patient);
      const patients = [...new Set(patient)].sort() as string[];
      const risk = Object.fromEntries(patients.map((p, i) => [p, i % 2 === 0 ? 'low' : 'high']));
      const cd8 = cellTypesMatching(cellType, /^8\./);
      const r = compareByRiskGroup(
        { score: scores, cell_type: cellType, patient },
        { patient_id: patients, risk_group: patients.map((p) => risk[p]) },
        { score: 'score', cellType: 'cell_type', patient: 'patient', id: 'patient_id', group: 'risk_group' },
        { cellTypes: cd8, minCells: 3 },
      );
      for (let row = 0; row < r.pseudobulk.score.length; row++) {
        const members = scores.filter(
          (_, i) =>
            patient[i] === r.pseudobulk.patient[row] &&
            (r.pseudobulk.cellType[row] === ALL_CELLS
              ? cd8.includes(cellType[i]!)
              : cellType[i] === r.pseudobulk.cellType[row]),
        );
        expect(r.pseudobulk.nCells[row]).toBe(members.length);
        expect(r.pseudobulk.score[row]).toBeCloseTo(members.reduce((a, b) => a + b, 0) / members.length, 12);
      }
      expect(r.tests.cellType.every((t) => t === ALL_CELLS || cd8.includes(t))).toBe(true);
    });
  },
);
