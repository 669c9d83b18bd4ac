import { describe, expect, it } from 'vitest';
import type { AnnDataMatrix } from '../../src/h5ad/types.js';
import { detectExpressionScale, normalizeTotal, qcMetrics } from '../../src/singlecell/index.js';

const counts: AnnDataMatrix = {
  format: 'dense',
  shape: [3, 3],
  data: Float64Array.of(1, 3, 0, 0, 0, 0, 2, 2, 4),
};

describe('normalizeTotal (scanpy normalize_total + log1p)', () => {
  it('scales each cell to targetSum and applies log1p; empty cells stay zero', () => {
    const out = normalizeTotal(counts, { targetSum: 4, onWarning: () => {} });
    const expected = [1, 3, 0, 0, 0, 0, 1, 1, 2].map(Math.log1p);
    expect(Array.from(out.data)).toEqual(expected);
    expect(Array.from(counts.data)).toEqual([1, 3, 0, 0, 0, 0, 2, 2, 4]); // not in place by default
  });
  it('gives the same numbers for CSR and CSC storage', () => {
    const csr: AnnDataMatrix = {
      format: 'csr',
      shape: [3, 3],
      indptr: Float64Array.of(0, 2, 2, 5),
      indices: Int32Array.of(0, 1, 0, 1, 2),
      data: Float32Array.of(1, 3, 2, 2, 4),
    };
    const csc: AnnDataMatrix = {
      format: 'csc',
      shape: [3, 3],
      indptr: Float64Array.of(0, 2, 4, 5),
      indices: Int32Array.of(0, 2, 0, 2, 2),
      data: Float64Array.of(1, 2, 3, 2, 4),
    };
    const a = normalizeTotal(csr, { log1p: false });
    const b = normalizeTotal(csc, { log1p: false });
    expect(Array.from(a.data)).toEqual([2500, 7500, 2500, 2500, 5000]);
    expect(Array.from(b.data)).toEqual([2500, 2500, 7500, 2500, 5000]);
    expect(a.data).toBeInstanceOf(Float32Array);
  });
  it('warns when X is already normalised', () => {
    const messages: string[] = [];
    const logged = normalizeTotal(counts, { onWarning: () => {} });
    normalizeTotal(logged, { onWarning: (m) => messages.push(m) });
    expect(messages[0]).toMatch(/log-normalized/);
    expect(detectExpressionScale(counts)).toBe('counts');
    expect(detectExpressionScale({ ...counts, data: Float64Array.of(-1, 0, 1, 0, 0, 0, 0, 0, 0) })).toBe(
      'scaled',
    );
  });
});

describe('qcMetrics (scanpy calculate_qc_metrics, qc_vars=["mt"])', () => {
  it('counts genes, totals and the mitochondrial percentage per cell', () => {
    const qc = qcMetrics(counts, ['CD8A', 'MT-CO1', 'MT-ND1']);
    expect(Array.from(qc.nGenesByCounts)).toEqual([2, 0, 3]);
    expect(Array.from(qc.totalCounts)).toEqual([4, 0, 8]);
    expect(Array.from(qc.totalCountsMt)).toEqual([3, 0, 6]);
    expect(qc.pctCountsMt[0]).toBe(75);
    expect(qc.pctCountsMt[1]).toBeNaN();
    expect(qc.pctCountsMt[2]).toBe(75);
  });
});

describe('normalizeTotal log1p memo', () => {
  it('equals Math.log1p(x / (total / 1e4)) for small, large, repeated and fractional counts', async () => {
    const { normalizeTotal } = await import('../../src/singlecell/index.js');
    const data = Float64Array.of(1, 1, 3, 5000, 2.5, 3, 0, 1023, 1024, 1, 7, 7);
    const indptr = Float64Array.of(0, 6, 12);
    const X = {
      format: 'csr' as const,
      shape: [2, 12] as [number, number],
      indptr,
      indices: Int32Array.of(0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5),
      data,
    };
    const out = normalizeTotal(X, { onWarning: () => {} });
    for (let i = 0; i < 2; i++) {
      let total = 0;
      for (let k = indptr[i]; k < indptr[i + 1]; k++) total += data[k];
      for (let k = indptr[i]; k < indptr[i + 1]; k++)
        expect(out.data[k]).toBe(Math.log1p(data[k] / (total / 1e4)));
    }
  });
});
