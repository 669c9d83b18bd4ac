import { existsSync } from 'node:fs';
import {
  type ColumnTable,
  type ProgressCallback,
  parallelMap,
  readTable,
  reportProgress,
  TaceError,
  writeTable,
} from '@tace/core';
import type { ExtractionParameters } from '../extract/parameters.js';
import { extractPatient, type PatientResult } from './cohort-task.js';
import { type ManifestRow, readManifest } from './manifest.js';

/** Options of {@link extractCohort}. */
export interface ExtractCohortOptions {
  /** Worker threads; 1 runs in the calling thread. @default min(rows, available cores) */
  threads?: number;
  /** Progress after each patient (`label: 'radiomics features'`). @default undefined */
  onProgress?: ProgressCallback;
  /** Output table (`.csv`, `.tsv`, `.arrow`, `.parquet`), rewritten after every batch. @default undefined (not written) */
  outPath?: string;
  /** Skip the rows already present without error in `outPath` (patient id + phase). @default false */
  resume?: boolean;
  /** Patients per batch between two writes of `outPath`. @default 4 * threads */
  batchSize?: number;
}

/** Result of {@link extractCohort}. */
export interface CohortResult {
  /** One row per manifest row: `patient_id`, `phase`, `error` ('' when fine), then one `Float64Array` per feature (NaN when failed). */
  table: ColumnTable;
  /** Rows that failed (their message is in the `error` column). */
  failed: number;
  /** Rows skipped because `resume` found them done. */
  skipped: number;
}

const KEY_COLUMNS = ['patient_id', 'phase', 'error'];

/**
 * Extracts features for a whole cohort: reads the manifest (or takes its rows), runs {@link extractFeatures}
 * per row in worker threads (core `parallelMap`), and assembles one table with a per-patient `error` column
 * instead of aborting on a bad patient. With `outPath` the table is written after each batch, so an
 * interrupted run can `resume`, skipping patients already done.
 *
 * @throws {TaceError} for an unreadable manifest or output; patient errors never throw.
 * @example
 * const { table, failed } = await extractCohort('manifest.csv', readParameterFile('params.yaml'), {
 *   threads: 2, outPath: 'features.parquet', resume: true,
 * });
 */
export async function extractCohort(
  manifest: string | readonly ManifestRow[],
  parameters: ExtractionParameters = {},
  options: ExtractCohortOptions = {},
): Promise<CohortResult> {
  const rows = typeof manifest === 'string' ? readManifest(manifest) : [...manifest];
  const results = new Map<string, PatientResult>();
  const key = (id: string, phase: string) => `${id}\u0000${phase}`;
  let skipped = 0;
  if (options.resume === true) {
    if (options.outPath === undefined) {
      throw new TaceError('INVALID_ARGUMENT', 'resume needs outPath', { param: 'resume' });
    }
    if (existsSync(options.outPath)) {
      for (const [k, result] of readDone(options.outPath)) {
        if (rows.some((r) => key(r.patientId, r.phase) === k)) {
          results.set(k, result);
          skipped++;
        }
      }
    }
  }
  const todo = rows.filter((r) => !results.has(key(r.patientId, r.phase)));
  const threads = Math.max(1, Math.min(options.threads ?? 2, Math.max(1, todo.length)));
  const batchSize = options.batchSize ?? 4 * threads;
  const total = rows.length;
  let done = skipped;
  reportProgress(options.onProgress, { done, total, label: 'radiomics features' });
  const moduleUrl = new URL(
    import.meta.url.endsWith('.ts') ? './cohort-task.ts' : './cohort-task.js',
    import.meta.url,
  );
  for (let start = 0; start < todo.length; start += batchSize) {
    const batch = todo.slice(start, start + batchSize);
    let batchResults: PatientResult[];
    if (threads === 1) {
      batchResults = batch.map((row, i) => {
        const result = extractPatient(row, start + i, parameters);
        reportProgress(options.onProgress, { done: ++done, total, label: 'radiomics features' });
        return result;
      });
    } else {
      const before = done;
      batchResults = await parallelMap<ManifestRow, PatientResult>(batch, {
        module: moduleUrl,
        exportName: 'extractPatient',
        threads,
        context: parameters,
        label: 'radiomics features',
        onProgress: (event) =>
          reportProgress(options.onProgress, { ...event, done: before + event.done, total }),
      });
      done += batch.length;
    }
    batch.forEach((row, i) => {
      results.set(key(row.patientId, row.phase), batchResults[i]!);
    });
    if (options.outPath !== undefined) writeTable(assemble(rows, results, key), options.outPath);
  }
  const table = assemble(rows, results, key);
  if (options.outPath !== undefined && todo.length === 0) writeTable(table, options.outPath);
  let failed = 0;
  for (const row of rows) if (results.get(key(row.patientId, row.phase))?.error) failed++;
  return { table, failed, skipped };
}

/** Builds the output table in manifest order (rows not yet processed are left out). */
function assemble(
  rows: readonly ManifestRow[],
  results: Map<string, PatientResult>,
  key: (id: string, phase: string) => string,
): ColumnTable {
  const present = rows.filter((r) => results.has(key(r.patientId, r.phase)));
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of present) {
    for (const name of Object.keys(results.get(key(row.patientId, row.phase))!.features)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const table: ColumnTable = {
    patient_id: present.map((r) => r.patientId),
    phase: present.map((r) => r.phase),
    error: present.map((r) => results.get(key(r.patientId, r.phase))!.error),
  };
  for (const name of names) {
    table[name] = Float64Array.from(
      present,
      (r) => results.get(key(r.patientId, r.phase))!.features[name] ?? Number.NaN,
    );
  }
  return table;
}

/** Rows of a previous output that finished without error, as results. */
function readDone(path: string): Map<string, PatientResult> {
  const table = readTable(path, { columnTypes: { patient_id: 'string', phase: 'string', error: 'string' } });
  const ids = table.patient_id;
  if (ids === undefined) {
    throw new TaceError('COLUMN_NOT_FOUND', `${path}: cannot resume, the table has no patient_id column`, {
      param: 'outPath',
    });
  }
  const out = new Map<string, PatientResult>();
  const featureNames = Object.keys(table).filter((n) => !KEY_COLUMNS.includes(n));
  for (let r = 0; r < ids.length; r++) {
    const error = table.error?.[r];
    if (error !== null && error !== undefined && error !== '') continue;
    const features: Record<string, number> = {};
    for (const name of featureNames) features[name] = Number(table[name]![r]);
    const phase = table.phase?.[r];
    out.set(`${String(ids[r])}\u0000${phase === null || phase === undefined ? '' : String(phase)}`, {
      features,
      error: '',
      milliseconds: 0,
    });
  }
  return out;
}
