import { describe, expect, it } from 'vitest';
import { compareCellTypes, countsScaleWarning } from '../../src/singlecell/pseudobulk-compare.js';

describe('compareCellTypes (patient as the unit, every cell type reported)', () => {
  // 6 patients (3 low, 3 high); T cells in all, Mast cells only in one high patient, B cells 2 cells per patient
  const cellType: string[] = [];
  const patient: string[] = [];
  const score: number[] = [];
  const risk: Record<string, string> = {
    P1: 'low',
    P2: 'low',
    P3: 'low',
    P4: 'high',
    P5: 'high',
    P6: 'high',
  };
  Object.keys(risk).forEach((p, i) => {
    for (let c = 0; c < 5; c++) {
      cellType.push('T');
      patient.push(p);
      score.push(i + c * 0.1);
    }
    for (let c = 0; c < 2; c++) {
      cellType.push('B');
      patient.push(p);
      score.push(i);
    }
  });
  for (let c = 0; c < 6; c++) {
    cellType.push('Mast');
    patient.push('P4');
    score.push(1);
  }
  cellType.push('T');
  patient.push('P9'); // no risk group
  score.push(0);

  it('tests T cells on patient means, and reports B and Mast cells as left out with reasons', () => {
    const cmp = compareCellTypes({ hypoxia: score }, { cellType, patient }, risk);
    const cov = Object.fromEntries(cmp.coverage.map((c) => [c.cellType, c]));
    expect(Object.keys(cov).sort()).toEqual(['(all cells)', 'B', 'Mast', 'T']);
    expect(cov.T).toMatchObject({ nCells: 30, nPatients: [3, 3], nUnits: [3, 3], tested: true });
    expect(cov.B).toMatchObject({ nCells: 12, nUnits: [0, 0], tested: false });
    expect(cov.Mast.reason).toMatch(/low: 0 patients.*high: 1 patient with >= 3 cells/);
    expect(cmp.leftOut.map((l) => l.cellType).sort()).toEqual(['B', 'Mast']);
    expect(cmp.warnings.join('\n')).toMatch(/"Mast" left out/);
    expect(cmp.warnings.join('\n')).toMatch(/P9/);
    const tests = cmp.bySignature.hypoxia.tests;
    expect(tests.cellType.sort()).toEqual(['(all cells)', 'T']);
    const t = tests.cellType.indexOf('T');
    expect(tests.nReference[t]).toBe(3);
    expect(tests.pValue[t]).toBeCloseTo(0.1, 12); // exact Wilcoxon, 3 vs 3 fully separated: 2/20
    expect(cmp.dots.filter((d) => d.signature === 'hypoxia' && d.cellType === 'T')).toHaveLength(2);
  });

  it('warns when a matrix looks like raw counts', () => {
    const counts = {
      format: 'dense' as const,
      shape: [2, 2] as [number, number],
      data: Float64Array.from([0, 1, 5, 2]),
    };
    expect(countsScaleWarning(counts)).toMatch(/raw counts/);
    expect(countsScaleWarning({ ...counts, data: Float64Array.from([0, 1.2, 2.5, 0.3]) })).toBeNull();
  });
});
