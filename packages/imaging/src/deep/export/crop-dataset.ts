import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { type ColumnTable, TaceError, writeTable } from '@tace/core';
import { prepareSamples } from '../crop/prepare-samples.js';
import type { CohortImageRow, EmbedProgress } from '../embed/embed-cohort.js';
import { manifestSampleShape, type PreprocessingManifest } from '../model/manifest.js';
import { npyHeader } from './npy.js';

/** One patient of a crop dataset: the images (as {@link embedCohort} takes them) plus outcome and cohort. */
export interface CropDatasetRow extends CohortImageRow {
  /** Follow-up time (e.g. months); NaN when unknown. */
  time: number;
  /** Event indicator (1 = event, 0 = censored); NaN when unknown. */
  event: number;
  /** Cohort role (e.g. `'training'`, `'internal'`, `'external'`); '' when unknown. */
  cohort: string;
}

/** Options of {@link writeCropDataset}. */
export interface CropDatasetOptions {
  /** Progress callback, one event per patient (label `'deep crops'`). @default none */
  onProgress?: (progress: EmbedProgress) => void;
}

/** What {@link writeCropDataset} wrote. */
export interface CropDatasetSummary {
  /** `<prefix>.npy`: float32 `[samples, ...manifestSampleShape(manifest)]`, C order. */
  npyPath: string;
  /** `<prefix>.csv`: one line per sample (`row` >= 0) and per failed patient (`row` = -1). */
  csvPath: string;
  /** `<prefix>.preprocessing.json`: the manifest the crops were made with. */
  manifestPath: string;
  /** Shape of the array in the `.npy` file. */
  shape: number[];
  /** Patients read (including failures). */
  patients: number;
  /** Patients that failed, with the reason (they have no rows in the array). */
  failed: { id: string; error: string }[];
}

/**
 * Writes the model inputs of a cohort, made by the same function as inference ({@link prepareSamples}, which
 * {@link embedCohort} calls), so that training (e.g. PyTorch, `training/`) and inference can never preprocess
 * differently:
 *
 * - `<prefix>.npy`: NumPy 1.0 format, little-endian float32, C order, shape `[S, C, z, y, x]` (NCDHW) or
 *   `[S, C, y, x]` (NCHW), one row per sample (1 per patient for NCDHW; the chosen slices for NCHW);
 *   `numpy.load` reads it with no other package;
 * - `<prefix>.csv`: `row` (index into the array's first axis; -1 for a failed patient), `patient_id`,
 *   `sample` (0-based within the patient), `time`, `event`, `cohort`, `error` ('' when fine);
 * - `<prefix>.preprocessing.json`: the manifest, for the exported model to carry.
 *
 * Patients are streamed (one patient's images and crops in memory at a time); the array's header is
 * rewritten with the final row count at the end. A patient whose images cannot be read or cropped gets its
 * message in the CSV and no array rows.
 *
 * @throws {TaceError} `IO_ERROR` when a file cannot be written.
 * @example
 * ```ts
 * const rows = deepCohortRows(readManifest('cohort.csv'), TACE_CNN_V1_MANIFEST)
 *   .map((r) => ({ ...r, time: os.get(r.id), event: death.get(r.id), cohort: role.get(r.id) }));
 * await writeCropDataset(rows, TACE_CNN_V1_MANIFEST, 'crops/train');
 * // python: x = numpy.load('crops/train.npy')
 * ```
 */
export async function writeCropDataset(
  rows: Iterable<CropDatasetRow> | AsyncIterable<CropDatasetRow>,
  manifest: PreprocessingManifest,
  prefix: string,
  options: CropDatasetOptions = {},
): Promise<CropDatasetSummary> {
  const sample = manifestSampleShape(manifest);
  const perSample = sample.reduce((a, b) => a * b, 1);
  const npyPath = `${prefix}.npy`;
  const csvPath = `${prefix}.csv`;
  const manifestPath = `${prefix}.preprocessing.json`;
  const headerLength = npyHeader([2 ** 40, ...sample]).length; // room for any row count
  const table = {
    row: [] as number[],
    patient_id: [] as string[],
    sample: [] as number[],
    time: [] as number[],
    event: [] as number[],
    cohort: [] as string[],
    error: [] as string[],
  };
  const failed: { id: string; error: string }[] = [];
  const total = Array.isArray(rows) ? rows.length : 0;
  let fd: number;
  try {
    fd = openSync(npyPath, 'w');
  } catch (error) {
    throw new TaceError('IO_ERROR', `cannot write ${npyPath}: ${(error as Error).message}`, {
      param: 'prefix',
      cause: error,
    });
  }
  let written = 0;
  let patients = 0;
  try {
    writeSync(fd, npyHeader([0, ...sample], headerLength));
    const bytes = Buffer.alloc(perSample * 4);
    for await (const row of rows) {
      patients++;
      const id = String(row.id);
      let error = '';
      try {
        const prepared = prepareSamples(await row.load(), manifest);
        for (let s = 0; s < prepared.samples; s++) {
          for (let i = 0; i < perSample; i++) bytes.writeFloatLE(prepared.data[s * perSample + i], i * 4);
          writeSync(fd, bytes);
          push(table, written++, id, s, row, '');
        }
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
        failed.push({ id, error });
        push(table, -1, id, -1, row, error);
      }
      try {
        options.onProgress?.({ label: 'deep crops', done: patients, total, id, error: error || null });
      } catch {
        // a broken progress display must not stop the export
      }
    }
    writeSync(fd, npyHeader([written, ...sample], headerLength), 0, headerLength, 0);
  } finally {
    closeSync(fd);
  }
  const csv: ColumnTable = {
    row: Float64Array.from(table.row),
    patient_id: table.patient_id,
    sample: Float64Array.from(table.sample),
    time: Float64Array.from(table.time),
    event: Float64Array.from(table.event),
    cohort: table.cohort,
    error: table.error,
  };
  writeTable(csv, csvPath);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { npyPath, csvPath, manifestPath, shape: [written, ...sample], patients, failed };
}

function push(
  table: {
    row: number[];
    patient_id: string[];
    sample: number[];
    time: number[];
    event: number[];
    cohort: string[];
    error: string[];
  },
  row: number,
  id: string,
  sample: number,
  source: CropDatasetRow,
  error: string,
): void {
  table.row.push(row);
  table.patient_id.push(id);
  table.sample.push(sample);
  table.time.push(source.time);
  table.event.push(source.event);
  table.cohort.push(source.cohort);
  table.error.push(error);
}
