import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTable } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  cbioportalStatus,
  detectOrientation,
  parseExpressionMatrix,
  readCbioportalClinical,
  readExpressionMatrix,
  readExpressionTable,
  readGdcStarCounts,
  readXenaMatrix,
} from '../../src/expression/index.js';

const tcgaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'tcga');
const starFiles = ['0001/0a1b', '0002/0c2d', '0003/0e3f'].map((p) => {
  const [id, name] = p.split('/');
  return join(tcgaDir, 'star', `a1b2c3d4-${id}`, `${name}.rna_seq.augmented_star_gene_counts.tsv`);
});

describe('parseExpressionMatrix', () => {
  const genesInRows = 'gene,S1,S2\nTP53,1,2\nMYC,3,4\nEGFR,5,NA\n';
  it('reads genes in rows into column-major values (NA -> NaN)', () => {
    const m = parseExpressionMatrix(genesInRows);
    expect(m.genes).toEqual(['TP53', 'MYC', 'EGFR']);
    expect(m.samples).toEqual(['S1', 'S2']);
    expect(Array.from(m.data)).toEqual([1, 3, 5, 2, 4, Number.NaN]);
  });

  it('reads the transposed table (samples in rows) to the same matrix, detected or forced', () => {
    const transposed = 'sample,TP53,MYC,EGFR\nTCGA-DD-A1ED-01,1,3,5\nTCGA-2Y-A9H1-01,2,4,\n';
    const m = parseExpressionMatrix(transposed);
    expect(m.genes).toEqual(['TP53', 'MYC', 'EGFR']);
    expect(Array.from(m.data)).toEqual([1, 3, 5, 2, 4, Number.NaN]);
    expect(
      parseExpressionMatrix('id,A,B,C\nx,1,3,5\ny,2,4,6\n', { orientation: 'samples-in-rows' }).genes,
    ).toEqual(['A', 'B', 'C']);
  });

  it('detects orientation by Ensembl ids, TCGA barcodes, then shape', () => {
    expect(detectOrientation(['ENSG00000141510.17', 'ENSG00000136997'], ['a', 'b', 'c'])).toBe(
      'genes-in-rows',
    );
    expect(detectOrientation(['TCGA-DD-A1ED-01'], ['TP53', 'MYC'])).toBe('samples-in-rows');
    expect(detectOrientation(['a', 'b'], ['x', 'y', 'z'])).toBe('samples-in-rows');
  });

  it('makes repeated sample names unique as R does, and names the line of a bad value', () => {
    expect(parseExpressionMatrix('g,S,S\nA,1,2\nB,3,4\n').samples).toEqual(['S', 'S.1']);
    expect(() => parseExpressionMatrix('g,S1,S2\nA,1,x\nB,1,2\n')).toThrow(/line 2, column S2/);
    expect(() => parseExpressionMatrix('g,S1,S2\nA,1\n')).toThrow(/2 fields but the header has 3/);
  });

  it('reads gzipped TSV files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'expr-'));
    try {
      const path = join(dir, 'm.tsv.gz');
      writeFileSync(
        path,
        gzipSync(new TextEncoder().encode('gene\tS1\tS2\nTP53\t1\t2\nMYC\t3\t4\nEGFR\t5\t6\n')),
      );
      expect(Array.from(readExpressionMatrix(path).data)).toEqual([1, 3, 5, 2, 4, 6]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('readExpressionTable (Arrow, Parquet through core readTable)', () => {
  it('round-trips a genes-in-rows table through Parquet and Arrow', () => {
    const dir = mkdtempSync(join(tmpdir(), 'expr-'));
    try {
      const table = {
        gene: ['TP53', 'MYC', 'EGFR'],
        S1: new Float64Array([1, 3, 5]),
        S2: new Float64Array([2, 4, 6]),
      };
      for (const file of ['m.parquet', 'm.arrow']) {
        writeTable(table, join(dir, file));
        const m = readExpressionTable(join(dir, file), 'genes-in-rows');
        expect(m.genes).toEqual(['TP53', 'MYC', 'EGFR']);
        expect(m.samples).toEqual(['S1', 'S2']);
        expect(Array.from(m.data)).toEqual([1, 3, 5, 2, 4, 6]);
      }
      writeTable({ sample: ['a', 'b'], TP53: new Float64Array([1, 2]) }, join(dir, 't.parquet'));
      const t = readExpressionTable(join(dir, 't.parquet'), 'samples-in-rows');
      expect([t.genes, t.samples, Array.from(t.data)]).toEqual([['TP53'], ['a', 'b'], [1, 2]]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('readGdcStarCounts', () => {
  it('joins per-sample STAR files into one matrix, drops N_* rows, strips versions, names samples by the sheet', () => {
    const m = readGdcStarCounts(starFiles, { sampleSheet: join(tcgaDir, 'gdc_sample_sheet.tsv') });
    expect(m.genes).toEqual([
      'ENSG00000000003',
      'ENSG00000000005',
      'ENSG00000000419',
      'ENSG00000002586_PAR_Y',
    ]);
    expect(m.samples).toEqual(['TCGA-DD-A1ED-01A', 'TCGA-DD-A1ED-11A', 'TCGA-2Y-A9H1-01A']);
    expect(Array.from(m.data.subarray(0, 4))).toEqual([2140, 0, 1900, 5]);
    expect(m.data[4 * 2 + 2]).toBe(800);
  });

  it('reads tpm_unstranded by symbol, and names samples by file without a sheet', () => {
    const m = readGdcStarCounts(starFiles, { column: 'tpm_unstranded', geneId: 'gene_name' });
    expect(m.genes).toEqual(['TSPAN6', 'TNMD', 'DPM1', 'CD99']);
    expect(m.samples[0]).toBe('0a1b');
    expect(m.data[2]).toBeCloseTo(88.2, 12);
  });

  it('rejects an unknown column and a file missing from the sample sheet', () => {
    expect(() => readGdcStarCounts(starFiles, { column: 'tpm' as never })).toThrow(/column must be one of/);
    const dir = mkdtempSync(join(tmpdir(), 'sheet-'));
    try {
      const sheet = join(dir, 'sheet.tsv');
      writeFileSync(
        sheet,
        'File ID\tFile Name\tSample ID\nx\t0a1b.rna_seq.augmented_star_gene_counts.tsv\tTCGA-DD-A1ED-01A\n',
      );
      expect(() => readGdcStarCounts(starFiles, { sampleSheet: sheet })).toThrow(
        /0c2d.*is not in the sample sheet/,
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('readXenaMatrix', () => {
  it('reads genes in rows and strips Ensembl versions', () => {
    const m = readXenaMatrix(join(tcgaDir, 'xena_small.tsv'));
    expect(m.genes).toEqual(['ENSG00000000003', 'ENSG00000000005', 'ENSG00000000419']);
    expect(m.samples).toEqual(['TCGA-DD-A1ED-01A', 'TCGA-2Y-A9H1-01A']);
    expect(Array.from(m.data)).toEqual([5, 0, 7.25, 6.5, 1.2, 8]);
  });
});

describe('readCbioportalClinical (data_clinical_patient.txt layout)', () => {
  it('skips the four # metadata lines and types columns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbio-'));
    try {
      const path = join(dir, 'data_clinical_patient.txt');
      writeFileSync(
        path,
        [
          '#Patient Identifier\tOverall Survival (Months)\tOverall Survival Status',
          '#Identifier\tOS months\tOS status',
          '#STRING\tNUMBER\tSTRING',
          '#1\t1\t1',
          'PATIENT_ID\tOS_MONTHS\tOS_STATUS',
          'TCGA-DD-A1ED\t12.5\t1:DECEASED',
          'TCGA-2Y-A9H1\t[Not Available]\t0:LIVING',
        ].join('\n'),
      );
      const t = readCbioportalClinical(path);
      expect(Object.keys(t)).toEqual(['PATIENT_ID', 'OS_MONTHS', 'OS_STATUS']);
      expect(Array.from(t.OS_MONTHS as Float64Array)).toEqual([12.5, Number.NaN]);
      expect((t.OS_STATUS as string[]).map(cbioportalStatus)).toEqual([1, 0]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

const clinicalPath = sharedDataPath('tcga-lihc/clinical_pancan_atlas_2018.tsv');
describe.skipIf(clinicalPath === null)(
  `readCbioportalClinical on the TCGA-LIHC PanCancer Atlas table ${clinicalPath === null ? sharedDataSkipMessage('tcga-lihc/clinical_pancan_atlas_2018.tsv') : ''}`,
  () => {
    it('types columns (Buffa score numeric, statuses text) and decodes cBioPortal status codes', () => {
      const t = readCbioportalClinical(clinicalPath as string);
      const buffa = t['Buffa Hypoxia Score'] as Float64Array;
      expect(buffa).toBeInstanceOf(Float64Array);
      expect(buffa.length).toBe(372);
      // the median-sign score over 51 genes is always odd
      for (const v of buffa) if (!Number.isNaN(v)) expect(Math.abs(v) % 2).toBe(1);
      const status = t['Overall Survival Status'] as (string | null)[];
      expect(new Set(status.map(cbioportalStatus))).toEqual(new Set([0, 1]));
      expect((t['Sample ID'] as string[])[0]).toBe('TCGA-2V-A95S-01');
    });
  },
);
