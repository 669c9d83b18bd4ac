import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTable, TaceError, writeFileAtomic, writeTable } from '@tace/core';
import { compareStudyModels } from '@tace/survival';
import { parseCommandArguments, parseSeed } from './arguments.js';
import { type Command, EXIT } from './command.js';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  coxModelToJson,
  type ModelBundle,
  nomogramToJson,
  signatureToJson,
  trainingDataJson,
} from './model-bundle.js';
import { prepareOutputs } from './outputs.js';
import { parsePairs } from './scores-clinical.js';
import { checkOutcome, columnsFromSpec, parseNumberList, studyCohorts } from './study-cohorts.js';

/** Splits a comma list (empty when absent). */
export function listOption(value: string | undefined): string[] {
  return value === undefined
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

export const modelFitCommand: Command = {
  path: ['model', 'fit'],
  summary: 'Fit the study models (rad-score, DL score, fusions, CRM, nomogram) and write a model bundle',
  help: `Usage: tace model fit --data <table> --time <col> --event <col> --radiomics <spec> --out <dir> [options]

Runs the paper's comparison on the training cohort (compareStudyModels): a radiomic signature and a deep
signature (z-score, univariate Cox screening, correlation filter, LASSO-Cox with 10-fold CV), early fusion
(one signature on both feature sets) and late fusion (Cox on rad-score + DL score), the clinical-radiologic
model (CRM: the better fusion + clinical covariates, backward selection) and its nomogram, plus one Cox
model per clinical score. One row per patient; the cohort column says which patients train the models.

Writes into --out:
  signatures.json        each signature: formula, features, coefficients, centre/scale, lambda
  crm-coefficients.csv   the CRM's Cox coefficients (term, coef, HR, se, z, p, CI)
  nomogram.json          the CRM nomogram (axes with values and points, survival at --nomogram-times)
  model-bundle.json      everything tace model validate needs: signatures, model specifications with
                         coefficients and means, and the training rows of the columns the models use
                         (Cox models are re-fitted from them on loading, which restores the baseline
                         hazard exactly; the stored coefficients are checked against the re-fit)

Options:
  --data <table>          one row per patient: outcome, cohort, features, clinical (.csv/.tsv/.arrow/.parquet)
                                                                                  (required)
  --time <col>            follow-up time column (e.g. months)                     (required)
  --event <col>           event column (1 = death, 0 = censored)                  (required)
  --cohort-column <col>   column naming each patient's cohort (default: cohort)
  --training <value>      cohort value of the training cohort (default: training)
  --internal <values>     cohort values of internal validation (default: internal); others are external
  --radiomics <spec>      radiomic feature columns: a comma list or a prefix     (required)
                          (e.g. arterial_original_ ; a single value that is not a column is a prefix)
  --deep <spec>           deep feature columns, list or prefix (default: dl_)
  --clinical <cols>       clinical covariates offered to the CRM (default: none)
  --categorical <cols>    covariates to treat as categorical (default: none)
  --scores <pairs>        clinical score columns to compare, column=Name,... (e.g. bclc_score=BCLC)
  --selection <aic|p>     CRM backward selection criterion (default: aic, as R step)
  --nomogram-times <t,..> nomogram survival axes, in --time units (default: 12,24,36)
  --folds <k>             cross-validation folds of the LASSO (default: 10)
  --seed <int>            seed of the cross-validation folds (default: 2026)
  --out <dir>             output folder                                          (required)

Example:
  tace model fit --data study.csv --time os_months --event death --radiomics arterial_original_,portal_original_ \\
    --deep dl_ --clinical albi_score,log10_afp,tumour_number --scores bclc_score=BCLC --out models/`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      data: { type: 'string' },
      time: { type: 'string' },
      event: { type: 'string' },
      'cohort-column': { type: 'string' },
      training: { type: 'string' },
      internal: { type: 'string' },
      radiomics: { type: 'string' },
      deep: { type: 'string' },
      clinical: { type: 'string' },
      categorical: { type: 'string' },
      scores: { type: 'string' },
      selection: { type: 'string' },
      'nomogram-times': { type: 'string' },
      folds: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    });
    for (const required of ['data', 'time', 'event', 'radiomics', 'out'] as const) {
      if (values[required] === undefined) {
        throw new TaceError('INVALID_ARGUMENT', `--${required} is required`, {
          param: `--${required}`,
          remedy: 'see tace model fit --help',
        });
      }
    }
    prepareOutputs([{ option: '--out', path: values.out!, kind: 'directory' }]);
    const selection = values.selection ?? 'aic';
    if (selection !== 'aic' && selection !== 'p') {
      throw new TaceError('INVALID_ARGUMENT', `--selection must be aic or p, but was '${selection}'`, {
        param: '--selection',
      });
    }
    const folds = Number(values.folds ?? 10);
    if (!Number.isInteger(folds) || folds < 2) {
      throw new TaceError('INVALID_ARGUMENT', `--folds must be an integer >= 2, but was '${values.folds}'`, {
        param: '--folds',
      });
    }
    const seed = parseSeed(values.seed);
    const nomogramTimes = parseNumberList(values['nomogram-times'], [12, 24, 36], '--nomogram-times');
    const data = readTable(values.data!);
    const time = values.time!;
    const event = values.event!;
    checkOutcome(data, time, event);
    const radiomicFeatures = columnsFromSpec(data, values.radiomics!, '--radiomics');
    const deepFeatures = columnsFromSpec(data, values.deep ?? 'dl_', '--deep');
    const clinicalCovariates = listOption(values.clinical);
    const categorical = listOption(values.categorical);
    if (clinicalCovariates.length > 0) columnsFromSpec(data, clinicalCovariates.join(','), '--clinical');
    const scorePairs = parsePairs(values.scores, '--scores');
    if (Object.keys(scorePairs).length > 0)
      columnsFromSpec(data, Object.keys(scorePairs).join(','), '--scores');
    const roles = {
      column: values['cohort-column'] ?? 'cohort',
      training: values.training ?? 'training',
      internal: values.internal === undefined ? ['internal'] : listOption(values.internal),
    };
    const cohorts = studyCohorts(data, roles);
    console.error(
      `cohorts: ${cohorts.map((c) => `${c.name} (${c.role}, ${c.table[time].length})`).join(', ')}; ` +
        `${radiomicFeatures.length} radiomic, ${deepFeatures.length} deep features`,
    );
    const study = await compareStudyModels(cohorts, {
      time,
      event,
      radiomicFeatures,
      deepFeatures,
      clinicalCovariates,
      categorical,
      clinicalScores: Object.entries(scorePairs).map(([column, name]) => ({ column, name })),
      selection,
      nomogramTimes,
      signature: { nFolds: folds },
      // The bundle is validated by tace model validate; the in-fit validation is kept minimal.
      validation: { bootstrapReplicates: 10 },
      random: seed,
    });
    const outDir = values.out!;
    mkdirSync(outDir, { recursive: true });
    const signatures = [
      signatureToJson(study.signatures.radiomic.signature, 'radScore'),
      signatureToJson(study.signatures.deep.signature, 'dlScore'),
      signatureToJson(study.signatures.earlyFusion.signature, 'earlyFusionScore'),
    ];
    const training = study.cohorts.find((c) => c.role === 'training')!.table;
    const models = study.models.map((m) => coxModelToJson(m.name, m.fit));
    const lateFusion = coxModelToJson('Late fusion', study.lateFusion);
    const bundle: ModelBundle = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      time,
      event,
      cohortColumn: roles.column,
      trainingCohort: roles.training,
      internalCohorts: roles.internal,
      seed,
      chosenFusion: study.chosenFusion,
      signatures,
      lateFusion,
      models,
      trainingData: trainingDataJson(training, [
        time,
        event,
        ...lateFusion.covariates,
        ...models.flatMap((m) => m.covariates),
      ]),
    };
    const steps = Object.fromEntries(
      Object.entries(study.signatures).map(([key, s]) => [key, { ...s.steps, n: s.n, omitted: s.omitted }]),
    );
    writeFileAtomic(join(outDir, 'signatures.json'), `${JSON.stringify({ signatures, steps }, null, 2)}\n`);
    writeTable(study.crm.model!.toTable(), join(outDir, 'crm-coefficients.csv'));
    writeFileAtomic(
      join(outDir, 'nomogram.json'),
      `${JSON.stringify(nomogramToJson(study.nomogram), null, 2)}\n`,
    );
    writeFileAtomic(join(outDir, 'model-bundle.json'), `${JSON.stringify(bundle)}\n`);
    for (const s of signatures) console.error(`${s.name}: ${s.features.length} features`);
    console.error(
      `CRM (${study.chosenFusion}): ${study.crm.model!.names.join(', ')}\n${outDir}: signatures.json, crm-coefficients.csv, nomogram.json, model-bundle.json`,
    );
    return EXIT.ok;
  },
};
