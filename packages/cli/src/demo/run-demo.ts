import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, numericColumn, type ProgressCallback, stringColumn } from '@tace/core';
import { compareStudyModels } from '@tace/survival';
import { syntheticClinicalCohort, syntheticClinicalTable, writeSyntheticCohort } from '@tace/synthetic';
import { runBiologyStage } from './biology-stage.js';
import { addClinicalScores, DEMO_CLINICAL_SCORES, joinByPatient, splitBy } from './clinical-stage.js';
import { compareDeepArms } from './deep-arm.js';
import { runImagingStage } from './imaging-stage.js';
import { writeReport } from './report-stage.js';

/** Options for {@link runDemo}. */
export interface DemoOptions {
  /** Output folder. @default 'out/demo' */
  out?: string;
  /** Seed of the synthetic cohort, cross-validation and bootstrap. @default 2026 */
  seed?: number;
  /** Worker threads for radiomics and CV. @default 2 */
  threads?: number;
  /** Patients per center. @default [200, 80, 80] */
  patientsPerCenter?: [number, number, number];
  /** Bootstrap replicates for the C-index CIs. @default 200 */
  bootstrapReplicates?: number;
  /** Progress of long steps (the CLI draws bars). */
  onProgress?: ProgressCallback;
  /** A line per stage (the CLI prints them). */
  log?: (line: string) => void;
}

/** Display names of the cohorts of the synthetic study, from each row's `cohort` and `center` columns. */
function studyCohortColumn(table: ColumnTable): string[] {
  const center = numericColumn(table, 'center');
  return stringColumn(table, 'cohort').map((cohort, i) => {
    if (cohort === 'training') return 'Training';
    if (cohort === 'internal') return 'Internal validation';
    return `External (centre ${center[i]})`;
  });
}

/**
 * The whole paper on the embedded synthetic cohort: writes CT + masks (NIfTI), extracts radiomics for both
 * phases in worker threads, embeds the tumours with the shipped CNN, computes the TACE clinical scores,
 * builds rad-score, DL score, early and late fusion and the CRM on the training cohort, validates every
 * model against the clinical scores in the internal and two external cohorts, links the CRM risk groups to
 * synthetic bulk and single-cell biology, and writes figures, tables and `report.html`.
 * @returns the report path.
 */
export async function runDemo(options: DemoOptions = {}): Promise<string> {
  const out = options.out ?? join('out', 'demo');
  const seed = options.seed ?? 2026;
  const threads = options.threads ?? 2;
  const log = options.log ?? (() => {});
  mkdirSync(join(out, 'tables'), { recursive: true });
  const patients = syntheticClinicalCohort({
    seed,
    patientsPerCenter: options.patientsPerCenter ?? [200, 80, 80],
  });
  const clinical = syntheticClinicalTable(patients);
  log(`synthetic cohort: ${patients.length} patients in 3 centres (seed ${seed})`);
  writeSyntheticCohort(join(out, 'cohort'), patients);
  log('CT volumes and masks written (NIfTI)');
  const imaging = await runImagingStage(join(out, 'cohort'), {
    threads,
    onProgress: options.onProgress,
    tablesDir: join(out, 'tables'),
  });
  const failed = stringColumn(imaging.radiomics, 'error').filter((e) => e !== '' && e !== null).length;
  log(
    `radiomics: ${Object.keys(imaging.radiomics).length - 2} features per patient; deep: ${Object.keys(imaging.deep).filter((k) => k.startsWith('dl_')).length} outputs`,
  );
  const scored = addClinicalScores(clinical);
  const joined = joinByPatient({ ...scored.table, study_cohort: studyCohortColumn(clinical) }, 'patient_id', [
    { table: imaging.radiomics, key: 'patient_id', prefix: 'radiomics_' },
    { table: imaging.deep, key: 'id', prefix: 'dl_' },
    {
      table: { id: imaging.deepRandomFeature.id, random_dl_risk: imaging.deepRandomFeature.dl_risk },
      key: 'id',
      prefix: 'random_dl_',
    },
  ]);
  const byCohort = splitBy(joined, 'study_cohort');
  const validationTimes = [12, 24, 36];
  const order = ['Training', 'Internal validation', 'External (centre 2)', 'External (centre 3)'];
  const roles: Record<string, 'training' | 'internal' | 'external'> = {
    Training: 'training',
    'Internal validation': 'internal',
    'External (centre 2)': 'external',
    'External (centre 3)': 'external',
  };
  const radiomicFeatures = Object.keys(imaging.radiomics).filter((k) => k !== 'patient_id' && k !== 'error');
  const deepFeatures = Object.keys(imaging.deep).filter((k) => /^dl_\d+$/.test(k));
  log('models: signatures, fusion, CRM, validation');
  const study = await compareStudyModels(
    order
      .filter((name) => byCohort.has(name))
      .map((name) => ({ name, role: roles[name], table: byCohort.get(name)! })),
    {
      time: 'os_months',
      event: 'death',
      radiomicFeatures,
      deepFeatures,
      clinicalCovariates: [
        'albi_score',
        'log10_afp',
        'number',
        'diameter',
        'ecog',
        'vascularInvasion',
        'extrahepaticSpread',
      ],
      clinicalScores: Object.entries(DEMO_CLINICAL_SCORES).map(([name, key]) => ({
        name,
        column: `${key}_score`,
      })),
      random: seed,
      harmonize: { batch: 'center' },
      validation: {
        times: validationTimes,
        calibrationTime: 24,
        bootstrapReplicates: options.bootstrapReplicates ?? 200,
        subgroups: ['bclc_grade'],
      },
    },
  );
  log(`CRM: ${study.crm.selected.join(' + ')}`);
  const training = study.validation.riskGroups.find((g) => g.model === 'CRM' && g.cohort === 'Training')!;
  const trainingTable = study.cohorts.find((c) => c.name === 'Training')!.table;
  const trainingIds = stringColumn(trainingTable, 'patient_id');
  const riskGroup: Record<string, string> = {};
  training.groups.forEach((g, i) => {
    if (g !== null && trainingIds[i] !== null) riskGroup[trainingIds[i]!] = g;
  });
  const biology = runBiologyStage(
    patients.filter((p) => riskGroup[p.id] !== undefined),
    riskGroup,
    seed,
  );
  log(
    `biology: microenvironment, pathways and states (bulk), ${biology.cells.coverage.length - 1} cell types (single cell) by CRM risk group`,
  );
  const annotation = biology.cellAnnotation!;
  log(
    `cell annotation: ${annotation.clusters.length} clusters, ${(100 * annotation.agreement).toFixed(1)}% of cells labelled as simulated (ARI ${annotation.adjustedRandIndex.toFixed(3)})`,
  );
  log('figures and report');
  const summary = study.cohorts.map((c) => summarizeCohort(c.name, c.role, c.table));
  const deepArms = compareDeepArms(study.cohorts, {
    time: 'os_months',
    event: 'death',
    replicates: options.bootstrapReplicates ?? 200,
    random: seed,
  });
  return writeReport(out, {
    study,
    deepArms,
    biology,
    cohortSummary: summary,
    landmark: 24,
    validationTimes,
    failedExtractions: failed,
    provenance: [
      `Synthetic data (seed ${seed}); ${patients.length} patients; outcome: overall survival in months.`,
      `Generated by @tace/cli ${process.env.npm_package_version ?? '0.1.0'} on Node ${process.version}.`,
    ],
  });
}

function summarizeCohort(name: string, role: string, table: ColumnTable) {
  const time = numericColumn(table, 'os_months');
  const death = numericColumn(table, 'death');
  const censored = Array.from(time)
    .filter((_, i) => death[i] === 0)
    .sort((a, b) => a - b);
  return {
    cohort: name,
    role,
    patients: time.length,
    events: death.reduce((s, d) => s + d, 0),
    medianFollowUp: censored.length > 0 ? censored[Math.floor(censored.length / 2)] : Number.NaN,
  };
}
