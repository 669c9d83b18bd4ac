import { basename, dirname } from 'node:path';
import { assertOneOf, TaceError } from '@tace/core';
import { parseRows } from './delimited.js';
import { stripEnsemblVersion } from './genes.js';
import { namedExpression } from './matrix.js';
import { makeUnique } from './read-matrix.js';
import { readText } from './read-text.js';
import type { ExpressionMatrix } from './types.js';

/** Value columns of a GDC STAR "augmented gene counts" file. */
export type GdcStarColumn =
  | 'unstranded'
  | 'stranded_first'
  | 'stranded_second'
  | 'tpm_unstranded'
  | 'fpkm_unstranded'
  | 'fpkm_uq_unstranded';

/** Options of {@link readGdcStarCounts}. */
export interface GdcStarOptions {
  /**
   * Which quantity to read.
   * @default 'unstranded'
   */
  column?: GdcStarColumn;
  /**
   * GDC sample sheet (`gdc_sample_sheet.*.tsv` from the GDC cart): maps each file (by `File Name`, or the
   * `File ID` folder it was downloaded into) to its `Sample ID`, used as the sample name. Without it the
   * file name (without extension) is used.
   * @default null
   */
  sampleSheet?: string | null;
  /**
   * Row identifiers: `'gene_id'` (Ensembl, version stripped unless `keepVersion`) or `'gene_name'` (symbols;
   * may repeat: resolve with {@link collapseDuplicateGenes}).
   * @default 'gene_id'
   */
  geneId?: 'gene_id' | 'gene_name';
  /** Keep the Ensembl version suffix (`ENSG00000000003.15`). @default false */
  keepVersion?: boolean;
}

/**
 * Reads GDC STAR-counts files (one per sample, `*.rna_seq.augmented_star_gene_counts.tsv`) into one genes x
 * samples matrix. Comment lines (`# gene-model: ...`) and the STAR summary rows `N_unmapped`,
 * `N_multimapping`, `N_noFeature`, `N_ambiguous` are removed. All files must list the same genes in the
 * same order (they do for one GDC data release).
 * @throws {TaceError} `IO_ERROR`; `PARSE_ERROR` for a file without the column or with other genes;
 *   `INVALID_ARGUMENT` when a file is missing from the sample sheet.
 * @example
 * ```ts
 * const counts = readGdcStarCounts(files, { sampleSheet: 'gdc_sample_sheet.tsv', column: 'unstranded' });
 * const tpm = readGdcStarCounts(files, { sampleSheet: 'gdc_sample_sheet.tsv', column: 'tpm_unstranded' });
 * ```
 */
export function readGdcStarCounts(files: readonly string[], options: GdcStarOptions = {}): ExpressionMatrix {
  const column = options.column ?? 'unstranded';
  assertOneOf(column, 'column', [
    'unstranded',
    'stranded_first',
    'stranded_second',
    'tpm_unstranded',
    'fpkm_unstranded',
    'fpkm_uq_unstranded',
  ]);
  const geneId = options.geneId ?? 'gene_id';
  assertOneOf(geneId, 'geneId', ['gene_id', 'gene_name']);
  if (files.length === 0)
    throw new TaceError('EMPTY_INPUT', 'no STAR-counts files given', { param: 'files' });
  const sheet = options.sampleSheet ? readSampleSheet(options.sampleSheet) : null;
  let genes: string[] | null = null;
  let values = new Float64Array(0);
  const samples: string[] = [];
  files.forEach((file, s) => {
    const rows = parseRows(readText(file), '\t', file).filter((r) => !r[0].startsWith('#'));
    const header = rows[0] ?? [];
    const idCol = header.indexOf(geneId);
    const valueCol = header.indexOf(column);
    if (idCol < 0 || valueCol < 0) {
      throw new TaceError('PARSE_ERROR', `${file} has no ${idCol < 0 ? geneId : column} column`, {
        param: file,
        remedy: 'pass GDC STAR augmented gene counts files (gene_id, gene_name, gene_type, unstranded, ...)',
      });
    }
    const geneRows = rows.slice(1).filter((r) => !/^N_/.test(r[0]));
    const ids = geneRows.map((r) =>
      geneId === 'gene_id' && !options.keepVersion ? stripEnsemblVersion(r[idCol]) : r[idCol],
    );
    if (genes === null) {
      genes = ids;
      values = new Float64Array(genes.length * files.length);
    } else if (ids.length !== genes.length || ids.some((id, i) => id !== (genes as string[])[i])) {
      throw new TaceError('PARSE_ERROR', `${file} lists other genes than ${files[0]}`, {
        param: file,
        remedy: 'use files from one GDC data release (same gene model)',
      });
    }
    const base = s * genes.length;
    geneRows.forEach((r, g) => {
      values[base + g] = Number(r[valueCol]);
    });
    samples.push(sampleName(file, sheet));
  });
  return namedExpression(genes ?? [], makeUnique(samples), values);
}

function sampleName(file: string, sheet: Map<string, string> | null): string {
  const name = basename(file);
  if (sheet === null)
    return name.replace(/(\.rna_seq)?\.augmented_star_gene_counts\.tsv(\.gz)?$|\.tsv(\.gz)?$/, '');
  const hit = sheet.get(name) ?? sheet.get(basename(dirname(file)));
  if (hit === undefined) {
    throw new TaceError('INVALID_ARGUMENT', `${name} is not in the sample sheet`, {
      param: 'sampleSheet',
      remedy: 'use the sample sheet downloaded with these files',
    });
  }
  return hit;
}

/** Reads a GDC sample sheet: File Name and File ID -> Sample ID (first sample when several are listed). */
export function readSampleSheet(path: string): Map<string, string> {
  const rows = parseRows(readText(path), '\t', path);
  const header = rows[0] ?? [];
  const fileName = header.indexOf('File Name');
  const fileId = header.indexOf('File ID');
  const sampleId = header.indexOf('Sample ID');
  if (fileName < 0 || sampleId < 0) {
    throw new TaceError('PARSE_ERROR', `${path} has no "File Name" / "Sample ID" columns`, {
      param: path,
      remedy: 'pass the gdc_sample_sheet TSV from the GDC cart',
    });
  }
  const map = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const sample = row[sampleId].split(',')[0].trim();
    map.set(row[fileName], sample);
    if (fileId >= 0) map.set(row[fileId], sample);
  }
  return map;
}
