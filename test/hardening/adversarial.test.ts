import { TaceError } from '@tace/core';
import type { Image } from '@tace/imaging';
import { extractFeatures } from '@tace/imaging';
import { aucell, expressionMatrix, scoreGeneSets, scoreGenes } from '@tace/omics';
import { coxph } from '@tace/survival';
import { coxnet } from '@tace/survival/kernels';
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES } from './cases.js';

type CaseId = (typeof ADVERSARIAL_CASES)[number]['id'];
const title = (id: CaseId) => {
  const c = ADVERSARIAL_CASES.find((x) => x.id === id)!;
  return `${c.input}: ${c.outcome}`;
};

function caught(f: () => unknown): TaceError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(TaceError);
    return error as TaceError;
  }
  throw new Error('expected a TaceError');
}

const n = 20;
const time = Float64Array.from({ length: n }, (_, i) => i + 1);
const event = Float64Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 0 : 1));
const cox = { time: 'time', event: 'event' };

describe('adversarial numbers: Cox', () => {
  it(title('cox-separation'), () => {
    const x = Float64Array.from({ length: n }, (_, i) => (i < 10 ? 1 : 0));
    const fit = coxph({ time, event, x }, { ...cox, covariates: ['x'] });
    expect(Number.isFinite(fit.coefficients[0]!)).toBe(true);
    expect(fit.coefficients[0]!).toBeGreaterThan(10);
    expect(fit.warnings.join(' ')).toMatch(/coefficient may be infinite/);
  });

  it(title('cox-scale-1e8'), () => {
    const unit = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.3));
    const big = unit.map((v) => v * 1e8);
    const a = coxph({ time, event, unit }, { ...cox, covariates: ['unit'] });
    const b = coxph({ time, event, big }, { ...cox, covariates: ['big'] });
    expect(b.converged).toBe(true);
    // relative tolerance 1e-6 on z, p and the coefficient rescaled
    expect(b.z[0]!).toBeCloseTo(a.z[0]!, 6);
    expect(b.pValue[0]! / a.pValue[0]!).toBeCloseTo(1, 6);
    expect((b.coefficients[0]! * 1e8) / a.coefficients[0]!).toBeCloseTo(1, 6);
  });

  it(title('cox-all-censored'), () => {
    const z = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const error = caught(() => coxph({ time, event: new Float64Array(n), z }, { ...cox, covariates: ['z'] }));
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toContain("'event'");
  });

  it(title('cox-all-tied'), () => {
    const z = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const tied = new Float64Array(n).fill(5);
    const efron = coxph({ time: tied, event, z }, { ...cox, covariates: ['z'] });
    const breslow = coxph({ time: tied, event, z }, { ...cox, covariates: ['z'] }, { ties: 'breslow' });
    for (const fit of [efron, breslow]) {
      expect(fit.converged).toBe(true);
      expect(fit.warnings).toEqual([]);
      expect(Number.isFinite(fit.coefficients[0]!) && Number.isFinite(fit.standardErrors[0]!)).toBe(true);
    }
    expect(efron.loglik[1]).toBeGreaterThan(breslow.loglik[1]);
  });

  it(title('coxnet-p-gg-n'), () => {
    const p = 200;
    const rows = Array.from({ length: n }, (_, i) => {
      const r = Float64Array.from(
        { length: p },
        (_, j) => Math.sin(i * 0.7 + j * 1.1) + (j === 0 ? time[i]! / 10 : 0),
      );
      r[1] = r[0]!;
      return r;
    });
    const fit = coxnet(rows, time, event, { nLambda: 20, alpha: 0.5 });
    expect(fit.beta.data.every(Number.isFinite)).toBe(true);
    const last = (fit.lambda.length - 1) * p;
    expect(fit.beta.data[last]!).not.toBe(0);
    // relative tolerance 2% between the duplicated columns (coordinate descent stops at `thresh`)
    expect(Math.abs(fit.beta.data[last + 1]! / fit.beta.data[last]! - 1)).toBeLessThan(0.02);
  });
});

describe('adversarial numbers: gene-set and per-cell scores', () => {
  const genes = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6'];
  const samples = ['s1', 's2', 's3'];
  const expr = expressionMatrix(
    genes,
    samples,
    Float64Array.from({ length: 18 }, (_, i) => ((i * 7) % 11) + 0.5),
  );

  it(title('ssgsea-one-gene'), () => {
    const scores = scoreGeneSets(expr, { ONE: ['G1'] }, { method: 'ssgsea' });
    expect(scores.data.every(Number.isFinite)).toBe(true);
    expect(scores.warnings.join(' ')).toMatch(/single gene/);
  });

  it(title('ssgsea-no-overlap'), () => {
    const error = caught(() => scoreGeneSets(expr, { NONE: ['X1', 'X2'] }, { method: 'ssgsea' }));
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.param).toBe('sets');
    const mixed = scoreGeneSets(expr, { NONE: ['X1', 'X2'], OK: ['G1', 'G2', 'G3'] }, { method: 'ssgsea' });
    expect(mixed.sets).toEqual(['OK']);
    expect(mixed.coverage.find((c) => c.set === 'NONE')).toMatchObject({
      scored: false,
      missing: ['X1', 'X2'],
    });
  });

  it(title('cell-scores-zero'), () => {
    // cells 0 and 2 are all zero
    const X = {
      format: 'csr' as const,
      shape: [3, 6] as [number, number],
      indptr: Float64Array.of(0, 0, 4, 4),
      indices: Int32Array.of(0, 2, 4, 5),
      data: Float32Array.of(1, 2, 3, 0.5),
    };
    const s = scoreGenes(X, genes, ['G1', 'G2'], { ctrlSize: 2, nBins: 2 });
    expect([s.scores[0], s.scores[2]]).toEqual([0, 0]);
    expect(Number.isFinite(s.scores[1]!)).toBe(true);
    const a = aucell(X, genes, { A: ['G1', 'G3'] }, { aucMaxRank: 3, random: 7 });
    const again = aucell(X, genes, { A: ['G1', 'G3'] }, { aucMaxRank: 3, random: 7 });
    expect(again.scores.A).toEqual(a.scores.A);
    for (const v of a.scores.A!) expect(v >= 0 && v <= 1).toBe(true);
    // cell 1 expresses both set genes (ranks 2 and 3 of 6)
    expect(a.scores.A![1]!).toBeGreaterThan(0);
  });
});

describe('adversarial numbers: radiomics ROIs', () => {
  const size: [number, number, number] = [5, 5, 5];
  const image = (data: Image['data']): Image => ({
    data,
    size,
    spacing: [1, 1, 1],
    origin: [0, 0, 0],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  });
  const ct = Float32Array.from({ length: 125 }, (_, i) => (i * 13) % 50);
  const whole = image(new Uint8Array(125).fill(1));
  const nonFinite = (features: Record<string, number>) =>
    Object.entries(features)
      .filter(([, v]) => !Number.isFinite(v))
      .map(([k]) => k);

  it(title('radiomics-one-voxel'), () => {
    const mask = new Uint8Array(125);
    mask[62] = 1;
    const error = caught(() => extractFeatures(image(ct), image(mask)));
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.param).toBe('mask');
  });

  it(title('radiomics-flat'), () => {
    const { features } = extractFeatures(image(new Float32Array(125).fill(40)), whole);
    expect(Object.keys(features).length).toBeGreaterThan(50);
    expect(nonFinite(features)).toEqual([]);
  });

  it(title('radiomics-nan'), () => {
    const withNan = ct.slice();
    withNan[62] = Number.NaN;
    const error = caught(() => extractFeatures(image(withNan), whole));
    expect(error.code).toBe('MISSING_VALUE');
    expect(error.message).toContain('1 NaN voxel');
    const { features } = extractFeatures(image(withNan), whole, { setting: { nanVoxels: 'exclude' } });
    expect(nonFinite(features)).toEqual([]);
  });
});
