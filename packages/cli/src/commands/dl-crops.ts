import { existsSync, readFileSync } from 'node:fs';
import { createProgressBar, numericColumn, readTable, stringColumn, TaceError } from '@tace/core';
import { type CropDatasetRow, parseManifest, readManifest, writeCropDataset } from '@tace/imaging';
import { shippedModelPath } from '../demo/imaging-stage.js';
import { parseCommandArguments } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { embeddingRows } from './dl-embed.js';
import { prepareOutputs } from './outputs.js';
import { parsePairs } from './scores-clinical.js';

export const dlCropsCommand: Command = {
  path: ['dl', 'crops'],
  summary:
    'Write the deep model inputs (the crops exactly as inference makes them) to .npy + CSV for training',
  help: `Usage: tace dl crops --manifest <csv> --out <prefix> [options]

Crops every patient exactly as tace dl embed does (the same function, prepareSamples, with the model's
preprocessing manifest) and writes:
  <prefix>.npy                  float32 [samples, C, z, y, x], little-endian, C order (numpy.load reads it)
  <prefix>.csv                  row (index into the .npy; -1 for a failed patient), patient_id, sample,
                                time, event, cohort, error ('' when fine)
  <prefix>.preprocessing.json   the manifest used (training/export.py copies it beside the exported model)
so that training (training/, PyTorch) and inference can never preprocess differently.

Options:
  --manifest <csv>        cohort manifest: patient_id, phase, image, mask (paths relative to it)   (required)
  --out <prefix>          output prefix                                                            (required)
  --clinical <table>      outcome and cohort per patient (csv/tsv/arrow/parquet); without it time and
                          event are NaN and cohort is empty
  --time <column>         follow-up column of --clinical (default: os_months)
  --event <column>        event column of --clinical, 1 = event (default: death)
  --cohort <column>       cohort column of --clinical (default: cohort)
  --id <column>           patient id column of --clinical (default: patient_id)
  --model <onnx>          take the preprocessing of this model's .preprocessing.json
                          (default: the shipped tace-cnn-v2; v1 and v2 crop alike)
  --preprocessing <json>  a preprocessing manifest instead of a model's
  --phase-map <pairs>     manifest phase=model phase pairs (default: portal=portal-venous)

Example:
  tace dl crops --manifest cohort/manifest.csv --clinical cohort/clinical.csv --out crops/all`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      manifest: { type: 'string' },
      out: { type: 'string' },
      clinical: { type: 'string' },
      time: { type: 'string' },
      event: { type: 'string' },
      cohort: { type: 'string' },
      id: { type: 'string' },
      model: { type: 'string' },
      preprocessing: { type: 'string' },
      'phase-map': { type: 'string' },
    });
    if (values.manifest === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--manifest and --out are required', {
        param: '--manifest',
        remedy: 'see tace dl crops --help',
      });
    }
    // the outputs are checked (and their folder made) before any image is read
    prepareOutputs([{ option: '--out', path: `${values.out}.npy`, kind: 'file' }]);
    const manifestPath =
      values.preprocessing ??
      `${(values.model ?? shippedModelPath()).replace(/\.onnx$/i, '')}.preprocessing.json`;
    if (!existsSync(manifestPath)) {
      throw new TaceError('IO_ERROR', `preprocessing manifest ${manifestPath} not found`, {
        param: values.preprocessing === undefined ? '--model' : '--preprocessing',
        remedy: 'put <model>.preprocessing.json beside the model or pass --preprocessing',
      });
    }
    const preprocessing = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')), manifestPath);
    const phaseMap = parsePairs(values['phase-map'] ?? 'portal=portal-venous', '--phase-map');
    const outcome = new Map<string, { time: number; event: number; cohort: string }>();
    if (values.clinical !== undefined) {
      const clinical = readTable(values.clinical);
      const ids = stringColumn(clinical, values.id ?? 'patient_id');
      const time = numericColumn(clinical, values.time ?? 'os_months');
      const event = numericColumn(clinical, values.event ?? 'death');
      const cohort = stringColumn(clinical, values.cohort ?? 'cohort');
      ids.forEach((id, i) => {
        if (id !== null) outcome.set(id, { time: time[i], event: event[i], cohort: cohort[i] ?? '' });
      });
    }
    const images = embeddingRows(readManifest(values.manifest), preprocessing.phases, phaseMap);
    let unmatched = 0;
    const rows: CropDatasetRow[] = images.map((row) => {
      const known = outcome.get(row.id);
      if (known === undefined) unmatched++;
      return { ...row, ...(known ?? { time: Number.NaN, event: Number.NaN, cohort: '' }) };
    });
    const bar = createProgressBar();
    const summary = await writeCropDataset(rows, preprocessing, values.out, { onProgress: bar.update });
    bar.finish();
    console.error(
      `${summary.npyPath}: ${summary.shape[0]} samples [${summary.shape.slice(1).join(', ')}] of ${summary.patients} patients, ${summary.failed.length} failed${summary.failed.length > 0 ? ' (see the error column)' : ''}${values.clinical !== undefined && unmatched > 0 ? `; ${unmatched} not in ${values.clinical} (NaN outcome)` : ''}`,
    );
    return summary.failed.length > 0 ? EXIT.partial : EXIT.ok;
  },
};
