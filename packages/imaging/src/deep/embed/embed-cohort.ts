import { assertInteger, assertOneOf, type ColumnTable, type ProgressEvent, TaceError } from '@tace/core';
import { type FlipAxis, flipSample } from '../crop/flip.js';
import { type PatientImages, type PreparedSamples, prepareSamples } from '../crop/prepare-samples.js';
import { type DeepModel, runModel } from '../model/load-model.js';
import { manifestSampleShape } from '../model/manifest.js';

/** One patient of a cohort: an id and a loader called once, when the patient's turn comes. */
export interface CohortImageRow {
  /** Patient id (the `id` column of the output). */
  id: string;
  /** Reads the patient's phases and mask (e.g. with `readImage`); may be async. */
  load: () => PatientImages | Promise<PatientImages>;
}

/**
 * Progress of {@link embedCohort}, reported once per patient when its result is final: a core
 * `ProgressEvent` (so `createProgressBar().update` accepts it) with label `'deep embeddings'`, `done`
 * patients finished (including failures) and `total` the cohort size (0 when rows are an iterable of unknown
 * length), plus the patient.
 */
export interface EmbedProgress extends ProgressEvent {
  /** The patient just finished. */
  id: string;
  /** The error message if it failed, else `null`. */
  error: string | null;
}

/** Options of {@link embedCohort}. */
export interface EmbedCohortOptions {
  /** Samples per onnxruntime run; must equal the model's batch dimension when that is fixed. @default 8 (or the fixed batch) */
  batchSize?: number;
  /** Batches in flight at once: > 1 overlaps cropping (JavaScript) with inference (native threads). @default 1 */
  concurrency?: number;
  /** Per-patient pooling over samples (slices x augmented views): element-wise mean or max. @default 'mean' */
  aggregation?: 'mean' | 'max';
  /**
   * Test-time augmentation: extra views, each a set of image axes to flip (e.g. `[['x'], ['y'], ['x', 'y']]`);
   * the unflipped view is always included and views are pooled with `aggregation`. @default [] (no TTA)
   */
  flips?: readonly (readonly FlipAxis[])[];
  /** Progress callback (the CLI draws a bar from it); errors it throws are ignored. @default none */
  onProgress?: (progress: EmbedProgress) => void;
}

interface PatientState {
  id: string;
  pending: number;
  count: number;
  embedding: Float64Array;
  risk: number;
  error: string | null;
}

/**
 * Runs a model over a cohort and returns one row per patient: `id`, `dl_0` ... `dl_{k-1}` (the embedding,
 * k = `model.embeddingSize`), `dl_risk` (NaN when the manifest names no risk output), `n_samples` (samples x
 * views pooled) and `error` (null, or why this patient failed; its values are then NaN). Patients are
 * streamed: each is loaded, cropped and queued, and only `batchSize x concurrency` samples plus one
 * patient's images are held at a time. Crop and load errors (missing phase, empty mask, unreadable file) are
 * recorded per patient; an onnxruntime failure aborts the run.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for bad options, `MODEL_ERROR` when inference fails.
 * @example
 * ```ts
 * const model = await loadModel('tace-cnn-v1.onnx');
 * const table = await embedCohort(rows, model, { batchSize: 4, flips: [['x']] });
 * table.dl_0; // Float64Array, one value per patient
 * ```
 */
export async function embedCohort(
  rows: Iterable<CohortImageRow> | AsyncIterable<CohortImageRow>,
  model: DeepModel,
  options: EmbedCohortOptions = {},
): Promise<ColumnTable> {
  const manifest = model.manifest;
  async function* prepared(): AsyncGenerator<PreparedRow> {
    for await (const row of rows) {
      yield { id: String(row.id), samples: async () => prepareSamples(await row.load(), manifest) };
    }
  }
  return embedPreparedRows(prepared(), Array.isArray(rows) ? rows.length : 0, model, options);
}

/** A patient whose samples are produced on demand (in this thread or in a worker). */
export interface PreparedRow {
  id: string;
  /** The patient's model-ready samples; throws (or rejects) when the patient cannot be prepared. */
  samples: () => PreparedSamples | Promise<PreparedSamples>;
}

/**
 * The inference loop of {@link embedCohort}, over patients whose samples are prepared elsewhere.
 * @param total - number of patients for progress events (0 when unknown).
 */
export async function embedPreparedRows(
  rows: AsyncIterable<PreparedRow>,
  total: number,
  model: DeepModel,
  options: EmbedCohortOptions,
): Promise<ColumnTable> {
  const { concurrency = 1, aggregation = 'mean', flips = [], onProgress } = options;
  const batchSize = options.batchSize ?? model.fixedBatch ?? 8;
  assertInteger(batchSize, 'batchSize', 1);
  assertInteger(concurrency, 'concurrency', 1);
  assertOneOf(aggregation, 'aggregation', ['mean', 'max'] as const);
  if (model.fixedBatch !== null && batchSize !== model.fixedBatch) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `batchSize ${batchSize} differs from the model's fixed batch ${model.fixedBatch}`,
      {
        param: 'batchSize',
        remedy: `use batchSize ${model.fixedBatch} or export the model with a dynamic batch axis`,
      },
    );
  }
  const manifest = model.manifest;
  const sampleShape = manifestSampleShape(manifest);
  const perSample = sampleShape.reduce((a, b) => a * b, 1);
  const flipShape: [number, number, number, number] =
    manifest.layout === 'NCDHW'
      ? [sampleShape[0], sampleShape[1], sampleShape[2], sampleShape[3]]
      : [manifest.phases.length, manifest.cropSize[2], sampleShape[1], sampleShape[2]];
  const views: (readonly FlipAxis[])[] = [[], ...flips];
  const k = model.embeddingSize;
  const patients: PatientState[] = [];
  let done = 0;
  const finish = (state: PatientState): void => {
    done++;
    const event: EmbedProgress = { label: 'deep embeddings', done, total, id: state.id, error: state.error };
    try {
      onProgress?.(event);
    } catch {
      // a broken progress display must not abort inference on patient data (as core's reportProgress)
    }
  };

  let buffer = new Float32Array(batchSize * perSample);
  let owners = new Int32Array(batchSize);
  let fill = 0;
  const inFlight = new Set<Promise<void>>();

  const consume = (out: Awaited<ReturnType<typeof runModel>>, who: Int32Array, n: number): void => {
    if (out.risk !== null && out.risk.length < n) {
      throw new TaceError('MODEL_ERROR', `risk output has ${out.risk.length} values for ${n} samples`, {
        param: manifest.outputs.risk,
      });
    }
    const riskStride = out.risk === null ? 0 : out.risk.length / (model.fixedBatch ?? n);
    for (let s = 0; s < n; s++) {
      const state = patients[who[s]];
      const first = state.count === 0;
      for (let c = 0; c < k; c++) {
        const v = out.embedding![s * k + c];
        state.embedding[c] = first
          ? v
          : aggregation === 'mean'
            ? state.embedding[c] + v
            : Math.max(state.embedding[c], v);
      }
      if (out.risk !== null) {
        const r = out.risk[s * riskStride];
        state.risk = first ? r : aggregation === 'mean' ? state.risk + r : Math.max(state.risk, r);
      }
      state.count++;
      if (--state.pending === 0) finish(state);
    }
  };

  const flush = async (): Promise<void> => {
    if (fill === 0) return;
    const n = fill;
    const runN = model.fixedBatch ?? n;
    const data = runN === batchSize ? buffer : buffer.subarray(0, runN * perSample);
    const who = owners;
    buffer = new Float32Array(batchSize * perSample);
    owners = new Int32Array(batchSize);
    fill = 0;
    const job = runModel(model, data, runN).then((out) => consume(out, who, n));
    inFlight.add(job);
    job.finally(() => inFlight.delete(job)).catch(() => {});
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  };

  for await (const row of rows) {
    const index = patients.length;
    const state: PatientState = {
      id: row.id,
      pending: 0,
      count: 0,
      embedding: new Float64Array(k),
      risk: Number.NaN,
      error: null,
    };
    patients.push(state);
    let prepared: PreparedSamples;
    try {
      prepared = await row.samples();
    } catch (error) {
      state.error = error instanceof Error ? error.message : String(error);
      finish(state);
      continue;
    }
    state.pending = prepared.samples * views.length;
    for (let s = 0; s < prepared.samples; s++) {
      const sample = prepared.data.subarray(s * perSample, (s + 1) * perSample);
      for (const axes of views) {
        buffer.set(axes.length === 0 ? sample : flipSample(sample, flipShape, axes), fill * perSample);
        owners[fill++] = index;
        if (fill === batchSize) await flush();
      }
    }
  }
  await flush();
  await Promise.all(inFlight);
  return toTable(patients, k, aggregation);
}

function toTable(patients: PatientState[], k: number, aggregation: 'mean' | 'max'): ColumnTable {
  const n = patients.length;
  const table: ColumnTable = { id: patients.map((p) => p.id) };
  const columns = Array.from({ length: k }, () => new Float64Array(n).fill(Number.NaN));
  const risk = new Float64Array(n).fill(Number.NaN);
  const counts = new Int32Array(n);
  patients.forEach((p, i) => {
    counts[i] = p.count;
    if (p.error !== null || p.count === 0) return;
    const scale = aggregation === 'mean' ? 1 / p.count : 1;
    for (let c = 0; c < k; c++) columns[c][i] = p.embedding[c] * scale;
    risk[i] = p.risk * scale;
  });
  columns.forEach((column, c) => {
    table[`dl_${c}`] = column;
  });
  table.dl_risk = risk;
  table.n_samples = counts;
  table.error = patients.map((p) => p.error);
  return table;
}
