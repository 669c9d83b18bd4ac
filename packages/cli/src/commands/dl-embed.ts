import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { type ColumnTable, createProgressBar, stringColumn, TaceError, writeTable } from '@tace/core';
import {
  assertModelContract,
  type CohortImageRow,
  embedCohort,
  type FlipAxis,
  loadModel,
  type ManifestRow,
  readImage,
  readManifest,
} from '@tace/imaging';
import { shippedModelPath } from '../demo/imaging-stage.js';
import { parseCommandArguments, parseShard, parseThreads } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { outputSettings, writeOutputSettings } from './fingerprint.js';
import { prepareOutputs } from './outputs.js';
import { shardManifest, shardPartPath } from './radiomics-extract.js';
import { parsePairs } from './scores-clinical.js';

/** Test-time augmentation of `--tta`: the unflipped view plus left-right, antero-posterior and both flips. */
export const TTA_FLIPS: readonly (readonly FlipAxis[])[] = [['x'], ['y'], ['x', 'y']];

/**
 * One embedding row per patient (first-appearance order in the manifest): the manifest's phases renamed by
 * `phaseMap` (e.g. portal -> portal-venous) and the patient's mask (the first row's). A patient lacking a
 * phase the model needs fails with a message naming it (the error column), not the run.
 */
export function embeddingRows(
  rows: readonly ManifestRow[],
  modelPhases: readonly string[],
  phaseMap: Readonly<Record<string, string>>,
): CohortImageRow[] {
  const patients = new Map<string, { phases: Record<string, string>; mask: string }>();
  for (const row of rows) {
    const entry = patients.get(row.patientId) ?? { phases: {}, mask: row.mask };
    entry.phases[phaseMap[row.phase] ?? row.phase] = row.image;
    patients.set(row.patientId, entry);
  }
  return [...patients].map(([id, entry]) => ({
    id,
    load: () => {
      const missing = modelPhases.filter((p) => entry.phases[p] === undefined);
      if (missing.length > 0) {
        throw new TaceError(
          'MISSING_VALUE',
          `no ${missing.join(', ')} image (manifest phases: ${Object.keys(entry.phases).join(', ')})`,
          {
            param: '--phase-map',
            remedy: 'map the manifest phase names to the model phases with --phase-map',
          },
        );
      }
      return {
        phases: Object.fromEntries(modelPhases.map((p) => [p, readImage(entry.phases[p])])),
        mask: readImage(entry.mask),
      };
    },
  }));
}

/**
 * The embedding table with `id` renamed `patient_id` (first column) and the error column as text ('' when
 * fine), as the radiomics tables (so `tace merge` reads the parts' error column as text).
 */
export function withPatientId(table: ColumnTable): ColumnTable {
  const { id, error, ...rest } = table;
  return {
    patient_id: id,
    ...rest,
    error: Array.from(error as ArrayLike<unknown>, (e) => (e === null || e === undefined ? '' : String(e))),
  };
}

export const dlEmbedCommand: Command = {
  path: ['dl', 'embed'],
  summary: 'Deep-learning embeddings per patient with an ONNX CNN (the shipped model by default; shardable)',
  help: `Usage: tace dl embed --manifest <csv> --out <path> [options]

Crops each patient's tumour (mask centroid) from every phase the model takes, runs the ONNX model in
batches and writes one row per patient: patient_id, dl_0..dl_<k-1> (the embedding, averaged over samples
and TTA views), dl_risk (the model's risk output), n_samples, error ('' when fine). A patient that fails
(unreadable image, missing phase) gets its message in the error column; the run continues (exit code 1).

The default model is @tace/imaging's tace-cnn-v2 (trained with a Cox loss on synthetic tumours; phases
arterial + portal-venous, 32^3 crops at 3 mm, 16 features); the random-feature tace-cnn-v1 ships beside it
(models/tace-cnn-v1.onnx). Another model needs its .preprocessing.json beside the .onnx. The model is checked
against the model contract first (checkModelContract: input 'image' float32 with a dynamic batch, outputs
'embedding' and 'risk', opset 13-17, no BatchNormalization node, the manifest, and the golden pair
<model>.golden-{input,embedding,risk}.npy reproduced within 1e-5); every violation is listed and the run
stops (exit 2). training/train.py exports a model that meets it.

Options:
  --manifest <csv>      cohort manifest: patient_id, phase, image, mask (paths relative to it)   (required)
  --out <path>          output table (.csv/.tsv/.arrow/.parquet); with --shard, a directory that
                        receives dl-part-<i>-of-<n>.arrow                                        (required)
  --model <onnx>        ONNX model (default: the shipped tace-cnn-v2)
  --phase-map <pairs>   manifest phase=model phase pairs (default: portal=portal-venous)
  --batch-size <n>      samples per inference run (default: 8, or the model's fixed batch)
  --threads <n>         onnxruntime intra-op threads (default: available cores)
  --tta                 test-time augmentation: also the x, y and x+y flipped views, averaged
  --shard <i/n>         process only shard i of n (patients partitioned by a stable hash of the id,
                        as radiomics extract); defaults to SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT

Each output gets a settings record beside it (<out>.settings.json: fingerprint of the model file's
SHA-256, --tta, --phase-map and the toolkit version); tace merge refuses parts whose fingerprints differ.

Merge shard outputs with: tace merge --keys patient_id --manifest <csv> --out <table> <directory>

Example:
  tace dl embed --manifest cohort/manifest.csv --out deep.csv --threads 2 --tta`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      manifest: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string' },
      'phase-map': { type: 'string' },
      'batch-size': { type: 'string' },
      threads: { type: 'string' },
      tta: { type: 'boolean' },
      shard: { type: 'string' },
    });
    if (values.manifest === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--manifest and --out are required', {
        param: '--manifest',
        remedy: 'see tace dl embed --help',
      });
    }
    let batchSize: number | undefined;
    if (values['batch-size'] !== undefined) {
      batchSize = Number(values['batch-size']);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new TaceError(
          'INVALID_ARGUMENT',
          `--batch-size must be a positive integer, but was '${values['batch-size']}'`,
          {
            param: '--batch-size',
          },
        );
      }
    }
    const threads = parseThreads(values.threads, availableParallelism());
    const phaseMap = parsePairs(values['phase-map'] ?? 'portal=portal-venous', '--phase-map');
    const shard = parseShard(values.shard);
    prepareOutputs([{ option: '--out', path: values.out, kind: shard === null ? 'file' : 'directory' }]);
    const modelPath = values.model ?? shippedModelPath();
    const rows = shardManifest(readManifest(values.manifest), shard);
    await assertModelContract(modelPath);
    const model = await loadModel(modelPath, { intraOpThreads: threads });
    try {
      const patients = embeddingRows(rows, model.manifest.phases, phaseMap);
      const outPath = shard === null ? values.out : shardPartPath(values.out, 'dl', shard);
      const settings = outputSettings('dl embed', {
        modelSha256: createHash('sha256').update(readFileSync(modelPath)).digest('hex'),
        tta: values.tta === true,
        phaseMap,
      });
      const bar = createProgressBar();
      const table = await embedCohort(patients, model, {
        ...(batchSize === undefined ? {} : { batchSize }),
        flips: values.tta ? TTA_FLIPS : [],
        onProgress: bar.update,
      });
      bar.finish();
      writeTable(withPatientId(table), outPath);
      writeOutputSettings(outPath, settings);
      const errors = stringColumn(table, 'error');
      const failed = errors.filter((e) => e !== null && e !== '').length;
      console.error(
        `${outPath}: ${patients.length} patients, ${model.embeddingSize} features, ${failed} failed${failed > 0 ? ' (see the error column)' : ''}`,
      );
      return failed > 0 ? EXIT.partial : EXIT.ok;
    } finally {
      await model.session.release();
    }
  },
};
