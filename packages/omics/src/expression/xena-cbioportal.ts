import { type ColumnTable, TaceError } from '@tace/core';
import { parseRows } from './delimited.js';
import { stripEnsemblVersion } from './genes.js';
import { parseExpressionMatrix } from './read-matrix.js';
import { readText } from './read-text.js';
import type { ExpressionMatrix } from './types.js';

/**
 * Reads a UCSC Xena genomic matrix (TSV, optionally gzipped; first column `sample`, `Ensembl_ID`, `gene` or
 * `xena_sample`, genes in rows, one column per sample; values are usually log2(x + 1) already). Ensembl
 * versions are stripped unless `keepVersion`.
 * @throws {TaceError} `IO_ERROR`, `PARSE_ERROR`.
 * @example
 * ```ts
 * const expr = readXenaMatrix('TCGA-LIHC.htseq_fpkm.tsv.gz');
 * ```
 */
export function readXenaMatrix(path: string, options: { keepVersion?: boolean } = {}): ExpressionMatrix {
  const matrix = parseExpressionMatrix(readText(path), {
    delimiter: '\t',
    orientation: 'genes-in-rows',
    source: path,
  });
  if (!options.keepVersion) matrix.genes = matrix.genes.map(stripEnsemblVersion);
  return matrix;
}

/**
 * Reads a cBioPortal clinical table (`data_clinical_patient.txt` / `data_clinical_sample.txt`, or a
 * study-view export such as `lihc_tcga_pan_can_atlas_2018_clinical_data.tsv`): tab-separated, leading
 * `#` metadata lines (display names, descriptions, types, priorities) skipped, one header row. A column is
 * numeric (Float64Array, `NA`/blank = NaN) when every non-missing value is a number; otherwise text
 * (`string | null`, `NA`/blank = null). cBioPortal status values such as `1:DECEASED` stay text: use
 * {@link cbioportalStatus}.
 * @throws {TaceError} `IO_ERROR`, `PARSE_ERROR` for ragged rows.
 * @example
 * ```ts
 * const clinical = readCbioportalClinical('clinical_pancan_atlas_2018.tsv');
 * clinical['Buffa Hypoxia Score']; // Float64Array
 * ```
 */
export function readCbioportalClinical(path: string): ColumnTable {
  const rows = parseRows(readText(path), '\t', path).filter((r) => !r[0].startsWith('#'));
  const header = rows[0] ?? [];
  const data = rows.slice(1);
  const table: ColumnTable = {};
  header.forEach((name, c) => {
    const raw = data.map((r, i) => {
      if (r.length !== header.length) {
        throw new TaceError(
          'PARSE_ERROR',
          `${path} line ${i + 2}: ${r.length} fields for ${header.length} columns`,
          {
            param: path,
          },
        );
      }
      const v = r[c].trim();
      return v === '' || v === 'NA' || v === '[Not Available]' || v === '[Not Applicable]' ? null : v;
    });
    const numeric = raw.every((v) => v === null || (v !== '' && !Number.isNaN(Number(v))));
    table[name] = numeric ? Float64Array.from(raw, (v) => (v === null ? Number.NaN : Number(v))) : raw;
  });
  return table;
}

/**
 * The numeric code of a cBioPortal status value (`'1:DECEASED'` -> 1, `'0:LIVING'` -> 0); NaN for missing
 * or unparseable values.
 * @example cbioportalStatus('1:Recurred/Progressed') // 1
 */
export function cbioportalStatus(value: string | null | undefined): number {
  if (value === null || value === undefined) return Number.NaN;
  const m = /^\s*(\d+)\s*:/.exec(value);
  return m === null ? Number.NaN : Number(m[1]);
}
