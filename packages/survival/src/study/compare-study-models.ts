import {
  type ColumnTable,
  type RandomSource,
  rowCount,
  type TableLike,
  TaceError,
  toColumnTable,
} from '@tace/core';
import { type CoxModel, coxph } from '../cox/coxph.js';
import { predictCox } from '../cox/predict.js';
import { concordance } from '../metrics/concordance.js';
import { type BackwardSelectionResult, backwardSelection } from '../models/backward-selection.js';
import { type Nomogram, nomogram } from '../models/nomogram.js';
import {
  type ValidateModelsOptions,
  type ValidationResult,
  validateModels,
} from '../validation/validate-models.js';
import { type HarmonizeOptions, harmonizeCohorts } from './harmonize.js';
import {
  type BuildSignatureOptions,
  buildSignature,
  type SignaturePipelineResult,
  scoreRows,
} from './signature-pipeline.js';

/** One cohort of the study: its role and one table per patient (outcome, clinical variables, features). */
export interface StudyCohort {
  name: string;
  role: 'training' | 'internal' | 'external';
  table: TableLike;
}

/** A clinical score already computed per patient (e.g. with `scoreTable`), compared as a Cox covariate. */
export interface StudyClinicalScore {
  /** Model name in the results, e.g. `'BCLC'`. */
  name: string;
  /** Column holding the score (numeric points or ordered grade codes). */
  column: string;
}

/** Options for {@link compareStudyModels}. */
export interface CompareStudyModelsOptions {
  time: string;
  event: string;
  /** Radiomic feature columns (both phases). */
  radiomicFeatures: string[];
  /** Deep-learning feature columns (`dl_0` ...). */
  deepFeatures: string[];
  /** Clinical covariates offered to the CRM's backward selection (numeric or listed in `categorical`). */
  clinicalCovariates: string[];
  categorical?: string[];
  /** Clinical scores to compare with. @default [] */
  clinicalScores?: StudyClinicalScore[];
  /**
   * ComBat harmonisation of the radiomic and deep features across centres before the signatures (reference:
   * the training cohort's centre). @default undefined (no harmonisation)
   */
  harmonize?: HarmonizeOptions;
  /** Signature-building options (filters, LASSO, folds). */
  signature?: BuildSignatureOptions;
  /** Selection of the CRM: AIC (as R `step`) or p-value. @default 'aic' */
  selection?: 'aic' | 'p';
  /** Times of the nomogram's survival axes. @default [12, 24, 36] */
  nomogramTimes?: number[];
  /** Validation options (times, bootstrap, cut-point method ...). */
  validation?: Partial<Omit<ValidateModelsOptions, 'time' | 'event'>>;
  /** Seed for cross-validation and bootstrap. @default 1 */
  random?: RandomSource;
}

/** Result of {@link compareStudyModels}. */
export interface StudyComparison {
  signatures: {
    radiomic: SignaturePipelineResult;
    deep: SignaturePipelineResult;
    earlyFusion: SignaturePipelineResult;
  };
  /** The late-fusion Cox model on rad-score + DL score. */
  lateFusion: CoxModel;
  /** Which fusion the CRM builds on (the one with the higher internal-validation C-index). */
  chosenFusion: 'Early fusion' | 'Late fusion';
  crm: BackwardSelectionResult;
  nomogram: Nomogram;
  /** Arms left out (a signature that kept no feature) and similar notes. */
  warnings: string[];
  /** Every compared model, as Cox fits on the training cohort. */
  models: { name: string; fit: CoxModel }[];
  validation: ValidationResult;
  /** Per cohort, the tables with the added score columns (radScore, dlScore, earlyFusionScore, lateFusionScore). */
  cohorts: { name: string; role: StudyCohort['role']; table: ColumnTable }[];
}

/**
 * The paper's comparison in one call. On the training cohort: a radiomic signature (rad-score) and a deep
 * signature (DL score) by filtered LASSO-Cox (`buildSignature`), early fusion (one signature on the joined
 * features) and late fusion (a Cox model on rad-score + DL score); the better fusion (higher Harrell C in the
 * internal validation cohort, else training) plus the clinical covariates, reduced by backward selection with
 * the fusion score kept, forms the clinical-radiologic model (CRM) and its nomogram. Each clinical score
 * becomes a one-covariate Cox model. All models are validated on every cohort with `validateModels`
 * (reference: CRM): C-indices with CIs, td-AUC, IBS, calibration, decision curves, risk groups cut on training.
 * @throws {TaceError} `INVALID_ARGUMENT` without exactly one training cohort; errors of the steps it runs.
 */
export async function compareStudyModels(
  cohorts: readonly StudyCohort[],
  options: CompareStudyModelsOptions,
): Promise<StudyComparison> {
  const trainingCohorts = cohorts.filter((c) => c.role === 'training');
  if (trainingCohorts.length !== 1) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `needs exactly one training cohort, got ${trainingCohorts.length}`,
      {
        param: 'cohorts',
      },
    );
  }
  const { time, event } = options;
  const random = options.random ?? 1;
  const signatureOptions = { random, ...options.signature };
  const tables = cohorts.map((c) => ({ name: c.name, role: c.role, table: { ...toColumnTable(c.table) } }));
  const training = tables[cohorts.indexOf(trainingCohorts[0])].table;
  if (options.harmonize !== undefined) {
    harmonizeCohorts(tables, options.radiomicFeatures, options.harmonize);
    harmonizeCohorts(tables, options.deepFeatures, options.harmonize);
  }
  const radiomic = await buildSignature(
    training,
    { time, event, features: options.radiomicFeatures },
    { ...signatureOptions, name: 'Rad-score' },
  );
  const deep = await buildSignature(
    training,
    { time, event, features: options.deepFeatures },
    { ...signatureOptions, name: 'DL score' },
  );
  const earlyFusion = await buildSignature(
    training,
    { time, event, features: [...options.radiomicFeatures, ...options.deepFeatures] },
    { ...signatureOptions, name: 'Early fusion' },
  );
  for (const cohort of tables) {
    cohort.table.radScore = scoreRows(radiomic.signature, cohort.table);
    cohort.table.dlScore = scoreRows(deep.signature, cohort.table);
    cohort.table.earlyFusionScore = scoreRows(earlyFusion.signature, cohort.table);
  }
  const single = (covariate: string) =>
    coxph(training, { time, event, covariates: [covariate] }, { missing: 'omit' });
  // An arm whose LASSO keeps no feature has a constant score: it is reported and left out of the models.
  const warnings: string[] = [];
  const armScores: { column: string; model: string; result: SignaturePipelineResult }[] = [
    { column: 'radScore', model: 'Rad-score', result: radiomic },
    { column: 'dlScore', model: 'DL score', result: deep },
    { column: 'earlyFusionScore', model: 'Early fusion', result: earlyFusion },
  ];
  for (const arm of armScores) {
    if (arm.result.signature.features.length === 0) {
      warnings.push(
        `${arm.model}: the LASSO-Cox kept no feature (its score is constant); the model is left out`,
      );
    }
  }
  const usable = armScores.filter((a) => a.result.signature.features.length > 0);
  const fusionInputs = usable.filter((a) => a.column !== 'earlyFusionScore').map((a) => a.column);
  if (fusionInputs.length === 0) {
    throw new TaceError('EMPTY_INPUT', 'neither the radiomic nor the deep signature kept a feature', {
      param: 'radiomicFeatures',
      remedy: 'check the features (failed extractions?) or relax the signature filters (univariateP, lambda)',
    });
  }
  const lateFusion = coxph(training, { time, event, covariates: fusionInputs }, { missing: 'omit' });
  for (const cohort of tables) {
    const lp = new Float64Array(rowCount(cohort.table)).fill(Number.NaN);
    const prediction = predictCox(lateFusion, cohort.table, { missing: 'omit' });
    prediction.rows.forEach((row, i) => {
      lp[row] = prediction.linearPredictor[i];
    });
    cohort.table.lateFusionScore = lp;
  }
  // The better fusion: by C-index in the internal validation cohort (training if there is none).
  const chooser = tables.find((c) => c.role === 'internal') ?? tables.find((c) => c.role === 'training')!;
  const cIndex = (column: string) => {
    const x = chooser.table[column] as Float64Array;
    const rows = Array.from(x.keys()).filter((i) => Number.isFinite(x[i]));
    const t = rows.map((i) => (chooser.table[time] as ArrayLike<number>)[i]);
    const e = rows.map((i) => (chooser.table[event] as ArrayLike<number>)[i]);
    return concordance(
      t,
      e,
      rows.map((i) => x[i]),
    ).concordance;
  };
  const chosenFusion =
    cIndex('earlyFusionScore') > cIndex('lateFusionScore') ? 'Early fusion' : 'Late fusion';
  const fusionColumn = chosenFusion === 'Early fusion' ? 'earlyFusionScore' : 'lateFusionScore';
  const crm = backwardSelection(
    training,
    {
      time,
      event,
      covariates: [fusionColumn, ...options.clinicalCovariates],
      categorical: options.categorical,
    },
    { criterion: options.selection ?? 'aic', keep: [fusionColumn], missing: 'omit' },
  );
  const crmFit = crm.model!;
  const models: { name: string; fit: CoxModel }[] = [
    { name: 'CRM', fit: crmFit },
    ...usable.map((a) => ({ name: a.model, fit: single(a.column) })),
    { name: 'Late fusion', fit: lateFusion },
    ...(options.clinicalScores ?? []).map((score) => ({ name: score.name, fit: single(score.column) })),
  ];
  const validation = validateModels(
    tables.map((c) => ({ name: c.name, role: c.role, table: c.table })),
    models,
    { random, ...options.validation, time, event, reference: 'CRM' },
  );
  return {
    signatures: { radiomic, deep, earlyFusion },
    lateFusion,
    chosenFusion,
    warnings,
    crm,
    nomogram: nomogram(crmFit, { times: options.nomogramTimes ?? [12, 24, 36] }),
    models,
    validation,
    cohorts: tables,
  };
}
