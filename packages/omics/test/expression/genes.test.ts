import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collapseDuplicateGenes,
  expressionMatrix,
  log2Cpm,
  log2Tpm,
  looksLogged,
  parseTcgaBarcode,
  stripEnsemblVersion,
} from '../../src/expression/index.js';

describe('parseTcgaBarcode', () => {
  it('splits a full aliquot barcode', () => {
    const b = parseTcgaBarcode('TCGA-DD-A1ED-01A-11R-A155-07');
    expect(b).toMatchObject({
      patient: 'TCGA-DD-A1ED',
      tissueSourceSite: 'DD',
      sample: 'TCGA-DD-A1ED-01',
      sampleTypeCode: 1,
      sampleType: 'Primary Solid Tumor',
      tissue: 'tumor',
      vial: 'A',
      portion: '11',
      analyte: 'R',
      plate: 'A155',
      center: '07',
    });
  });

  it('tells tumour (01, 02) from normal (11) and accepts shorter barcodes and R .1 suffixes', () => {
    expect(parseTcgaBarcode('TCGA-DD-A1ED-11A').tissue).toBe('normal');
    expect(parseTcgaBarcode('TCGA-DD-AACA-02.1')).toMatchObject({
      tissue: 'tumor',
      sampleTypeCode: 2,
      vial: '',
    });
    expect(parseTcgaBarcode('TCGA-DD-A1ED')).toMatchObject({ sample: null, tissue: 'unknown' });
    expect(() => parseTcgaBarcode('GTEX-1117F')).toThrow(/not a TCGA barcode/);
  });
});

describe('stripEnsemblVersion', () => {
  it('removes the version, keeps _PAR_Y and leaves symbols alone', () => {
    expect(stripEnsemblVersion('ENSG00000141510.17')).toBe('ENSG00000141510');
    expect(stripEnsemblVersion('ENSG00000002586.20_PAR_Y')).toBe('ENSG00000002586_PAR_Y');
    expect(stripEnsemblVersion('ENST00000269305.9')).toBe('ENST00000269305');
    expect(stripEnsemblVersion('TP53')).toBe('TP53');
    expect(stripEnsemblVersion('HLA-A.1')).toBe('HLA-A.1');
  });
});

describe('collapseDuplicateGenes', () => {
  // genes A, B, A, C, A; samples s1, s2 (column-major)
  const m = expressionMatrix(['A', 'B', 'A', 'C', 'A'], ['s1', 's2'], [1, 9, 5, 2, 5, 3, 9, 7, 2, 7]);
  it("'max-mean' keeps the row with the largest mean (first on ties) at its own place", () => {
    // means: A1 = 2, A3 = 6, A5 = 6 -> row 3 (first of the tie); order B, A(row 3), C
    const { matrix, duplicated } = collapseDuplicateGenes(m);
    expect(matrix.genes).toEqual(['B', 'A', 'C']);
    expect(Array.from(matrix.data)).toEqual([9, 5, 2, 9, 7, 2]);
    expect(duplicated).toEqual([{ gene: 'A', rows: 3 }]);
  });

  it("'first' keeps the first row; 'mean' averages rows (limma avereps)", () => {
    expect(Array.from(collapseDuplicateGenes(m, 'first').matrix.data)).toEqual([1, 9, 2, 3, 9, 2]);
    const mean = collapseDuplicateGenes(m, 'mean').matrix;
    expect(mean.genes).toEqual(['A', 'B', 'C']);
    expect(Array.from(mean.data)).toEqual([11 / 3, 9, 2, 17 / 3, 9, 2]);
  });
});

describe('log2Cpm / log2Tpm / looksLogged', () => {
  const counts = expressionMatrix(['g1', 'g2', 'g3'], ['a', 'b'], [10, 30, 60, 0, 500, 500]);
  it('log2(CPM + 1) per sample', () => {
    const out = log2Cpm(counts, { warn: () => {} });
    expect(out.data[0]).toBeCloseTo(Math.log2(1e5 + 1), 12); // 10 / 100 * 1e6
    expect(out.data[3]).toBe(0);
    expect(out.data[4]).toBeCloseTo(Math.log2(5e5 + 1), 12);
  });

  it('log2(TPM + 1) from counts and lengths, or of TPM as given', () => {
    // reads per base: 10/1000 = 0.01, 30/3000 = 0.01, 60/1000 = 0.06 -> TPM 1/8, 1/8, 6/8 of 1e6
    const out = log2Tpm(counts, [1000, 3000, 1000], { warn: () => {} });
    expect(out.data[0]).toBeCloseTo(Math.log2(125000 + 1), 10);
    expect(out.data[2]).toBeCloseTo(Math.log2(750000 + 1), 10);
    expect(log2Tpm(counts, null, { warn: () => {} }).data[1]).toBeCloseTo(Math.log2(31), 12);
  });

  it('warns on input that already looks logged, and detects linear counts', () => {
    const logged = expressionMatrix(['g1', 'g2'], ['a', 'b'], [2.5, 7.1, 3.3, 12.9]);
    const warnings: string[] = [];
    log2Cpm(logged, { warn: (m) => warnings.push(m) });
    expect(warnings[0]).toMatch(/already log-transformed/);
    expect(looksLogged(counts)).toBe(false);
    expect(looksLogged(logged)).toBe(true);
  });

  it('log2Cpm is monotone within a sample (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 3, maxLength: 20 }), (col) => {
        fc.pre(col.some((v) => v > 0));
        const m = expressionMatrix(
          col.map((_, i) => `g${i}`),
          ['s'],
          col,
        );
        const out = log2Cpm(m, { warn: () => {} }).data;
        for (let i = 0; i < col.length; i++) {
          for (let j = 0; j < col.length; j++) if (col[i] < col[j]) expect(out[i]).toBeLessThan(out[j]);
        }
      }),
    );
  });

  it('rejects negative counts', () => {
    expect(() => log2Cpm(expressionMatrix(['g'], ['a'], [-1]))).toThrow(/non-negative/);
  });
});
