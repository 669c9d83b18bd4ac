import { join } from 'node:path';
import { type ColumnTable, getColumn, numericColumn, type ProgressCallback, stringColumn } from '@tace/core';
import {
  type ExtractionParameters,
  embedCohort,
  extractCohort,
  loadModel,
  readImage,
  readManifest,
  releaseModel,
} from '@tace/imaging';

/**
 * The default deep-learning model (ONNX + preprocessing manifest) of `@tace/imaging`: `tace-cnn-v2`, the
 * `tace-cnn` network trained with a Cox loss (training/train.py) on synthetic tumours of the training centre.
 */
export function shippedModelPath(): string {
  return new URL('../models/tace-cnn-v2.onnx', import.meta.resolve('@tace/imaging')).pathname;
}

/**
 * The random-feature comparator shipped beside it: `tace-cnn-v1` (seeded random convolutions, only its Cox
 * head fitted). The demo reports both, so the gain of training is measured in every run.
 */
export function randomFeatureModelPath(): string {
  return new URL('../models/tace-cnn-v1.onnx', import.meta.resolve('@tace/imaging')).pathname;
}

/** Radiomics settings of the demo: PyRadiomics defaults plus resampling to a common grid and bin width 25 HU. */
export const DEMO_RADIOMICS: ExtractionParameters = {
  setting: { binWidth: 25, resampledPixelSpacing: [3, 3, 5], interpolator: 'sitkBSpline', label: 1 },
  imageType: { Original: {} },
  featureClass: { firstorder: [], shape: [], glcm: [], glrlm: [], glszm: [], gldm: [], ngtdm: [] },
};

/**
 * One row per patient from a long features table (patient_id, phase, error, features...): each feature
 * becomes `<phase>_<feature>` (shape features once, from the first phase, as the mask is shared).
 * Patients with an extraction error in any phase get NaN features and their errors joined.
 */
export function widenByPhase(long: ColumnTable, phases: readonly string[]): ColumnTable {
  const ids = stringColumn(long, 'patient_id');
  const phaseOf = stringColumn(long, 'phase');
  const errors = stringColumn(long, 'error');
  const features = Object.keys(long).filter((c) => c !== 'patient_id' && c !== 'phase' && c !== 'error');
  const patients = [...new Set(ids.filter((id): id is string => id !== null))];
  const index = new Map(patients.map((id, i) => [id, i]));
  const out: ColumnTable = { patient_id: patients };
  const error = new Array<string>(patients.length).fill('');
  const columns = new Map<string, Float64Array>();
  for (const phase of phases) {
    for (const feature of features) {
      if (feature.includes('_shape_') && phase !== phases[0]) continue;
      const name = feature.includes('_shape_') ? feature : `${phase}_${feature}`;
      const column = new Float64Array(patients.length).fill(Number.NaN);
      columns.set(name, column);
      out[name] = column;
    }
  }
  const values = new Map(features.map((f) => [f, numericColumn(long, f)]));
  for (let r = 0; r < ids.length; r++) {
    const p = index.get(ids[r]!)!;
    const phase = phaseOf[r]!;
    if (errors[r]) error[p] = error[p] ? `${error[p]}; ${phase}: ${errors[r]}` : `${phase}: ${errors[r]}`;
    for (const feature of features) {
      const name = feature.includes('_shape_') ? feature : `${phase}_${feature}`;
      const column = columns.get(name);
      if (column !== undefined && (phase === phases[0] || !feature.includes('_shape_')))
        column[p] = values.get(feature)![r];
    }
  }
  out.error = error;
  return out;
}

/** Result of {@link runImagingStage}. */
export interface ImagingStage {
  /** One row per patient: patient_id, `<phase>_original_<class>_<feature>`, error. */
  radiomics: ColumnTable;
  /** One row per patient with the default (trained) model: id, dl_0..dl_15, dl_risk, n_samples, error. */
  deep: ColumnTable;
  /** The same with the random-feature comparator `tace-cnn-v1`. */
  deepRandomFeature: ColumnTable;
}

/**
 * Radiomics (both phases, every original-image feature class) over the cohort manifest in worker threads,
 * and deep embeddings with the shipped trained CNN and with the random-feature comparator (arterial +
 * portal-venous as channels).
 */
export async function runImagingStage(
  cohortDir: string,
  options: { threads: number; onProgress?: ProgressCallback; tablesDir: string },
): Promise<ImagingStage> {
  const manifestPath = join(cohortDir, 'manifest.csv');
  const rows = readManifest(manifestPath);
  const extraction = await extractCohort(rows, DEMO_RADIOMICS, {
    threads: options.threads,
    onProgress: options.onProgress,
    outPath: join(options.tablesDir, 'radiomics-long.arrow'),
  });
  const radiomics = widenByPhase(extraction.table, ['arterial', 'portal']);
  const byPatient = new Map<string, { arterial: string; portal: string; mask: string }>();
  for (const row of rows) {
    const entry = byPatient.get(row.patientId) ?? { arterial: '', portal: '', mask: row.mask };
    entry[row.phase as 'arterial' | 'portal'] = row.image;
    byPatient.set(row.patientId, entry);
  }
  const embed = async (path: string) => {
    const model = await loadModel(path, { intraOpThreads: options.threads });
    try {
      return await embedCohort(
        [...byPatient].map(([id, paths]) => ({
          id,
          load: () => ({
            phases: { arterial: readImage(paths.arterial), 'portal-venous': readImage(paths.portal) },
            mask: readImage(paths.mask),
          }),
        })),
        model,
        { batchSize: 8, onProgress: options.onProgress },
      );
    } finally {
      await releaseModel(model);
    }
  };
  const deep = await embed(shippedModelPath());
  const deepRandomFeature = await embed(randomFeatureModelPath());
  return { radiomics, deep, deepRandomFeature };
}

/** The names of a table's feature columns with a prefix (e.g. `dl_` or `arterial_original_`). */
export function featureColumns(table: ColumnTable, test: (name: string) => boolean): string[] {
  return Object.keys(table).filter((name) => test(name) && ArrayBuffer.isView(getColumn(table, name)));
}
