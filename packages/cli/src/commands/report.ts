import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ColumnTable,
  numericColumn,
  readTable,
  stringColumn,
  TaceError,
  writeFileAtomic,
} from '@tace/core';
import { validateModels } from '@tace/survival';
import {
  calibrationFigure,
  concordanceFigure,
  formatNumber as fmt,
  forestFigure,
  nomogramFigure,
  type ReportFigure,
  type ReportSection,
  type ReportTable,
  renderHtmlReport,
  riskGroupFigures,
} from '../report/index.js';
import { parseCommandArguments } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { loadBundleModels, readModelBundle, type SignatureJson } from './model-bundle.js';
import { prepareOutputs } from './outputs.js';
import { studyCohorts } from './study-cohorts.js';

/** Settings `tace model validate` records beside its table. */
interface ValidationSettings {
  times: number[];
  cutpoint: 'maxstat' | 'median' | 'tertiles';
  subgroups: string[];
  replicates: number;
  seed: number;
}

/** p-values with two significant digits (1.2e-5), other metrics with three decimals. */
const fmtMetric = (metric: string, x: number) =>
  /_p(\[|$)/.test(metric) && Number.isFinite(x)
    ? x < 0.001
      ? x.toExponential(1)
      : x.toPrecision(2)
    : fmt(x);

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new TaceError('IO_ERROR', `cannot read ${what} ${path}: ${(error as Error).message}`, {
      param: path,
      remedy: 'pass the --out folders of tace model fit (--bundle) and tace model validate (--validation)',
      cause: error,
    });
  }
}

/** The validation table's rows as objects. */
function validationRows(table: ColumnTable) {
  const model = stringColumn(table, 'model');
  const cohort = stringColumn(table, 'cohort');
  const metric = stringColumn(table, 'metric');
  const estimate = numericColumn(table, 'estimate');
  const lower = numericColumn(table, 'lower');
  const upper = numericColumn(table, 'upper');
  const n = numericColumn(table, 'n');
  // tables written before the stdErr column existed have none
  const stdErr = table.stdErr === undefined ? null : numericColumn(table, 'stdErr');
  return model.map((m, i) => ({
    model: m ?? '',
    cohort: cohort[i] ?? '',
    metric: metric[i] ?? '',
    estimate: estimate[i],
    lower: lower[i],
    upper: upper[i],
    n: n[i],
    stdErr: stdErr === null ? Number.NaN : stdErr[i],
  }));
}

/** A comparison table of tace omics score / sc score as a report table (numbers to 3 significant digits). */
function tableOf(path: string, index: number): ReportTable {
  const table = readTable(path);
  const columns = Object.keys(table);
  const cells = columns.map((c) => {
    const values = table[c];
    return ArrayBuffer.isView(values)
      ? Array.from(values as Float64Array, (v) => (Number.isFinite(v) ? Number(v.toPrecision(3)) : 'NA'))
      : stringColumn(table, c).map((v) => v ?? '');
  });
  const rows = cells[0]?.map((_, r) => cells.map((column) => column[r])) ?? [];
  return { id: `omics-${index + 1}`, title: path.split('/').pop() ?? path, columns, rows };
}

export const reportCommand: Command = {
  path: ['report'],
  summary: 'Self-contained HTML report of a fitted and validated study (figures inline)',
  help: `Usage: tace report --bundle <dir> --validation <dir> --data <table> --out <report.html> [options]

Writes one self-contained HTML file (figures inlined as SVG, no scripts, opens offline) from the outputs of
tace model fit (--bundle) and tace model validate (--validation) and the data they ran on:
  - Models: each signature's formula and size; the CRM's hazard ratios (forest plot); its nomogram
  - Validation: Harrell's C by model and cohort with the bootstrap CIs of validation.csv; the metrics table;
    Kaplan-Meier curves by CRM risk group in every cohort (cut-points of cutpoints.json, log-rank p, HR);
    calibration of the CRM
  - Biology (with --omics): the comparison tables of tace omics score / tace sc score
The risk groups and calibration are recomputed from the bundle and the data with the settings recorded in
validation-settings.json, so they match the validation table.

Options:
  --bundle <dir>        folder of tace model fit                                    (required)
  --validation <dir>    folder of tace model validate (validation.csv, validation-settings.json) (required)
  --data <table>        the table validated (outcome, cohort, features, covariates) (required)
  --out <path>          the HTML file to write                                      (required)
  --omics <paths>       comma-separated comparison tables to include (default: none)
  --title <text>        report title (default: TACE prognostic study)

Example:
  tace report --bundle models --validation validation --data study.csv --omics scores-comparison.csv --out report.html`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      bundle: { type: 'string' },
      validation: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      omics: { type: 'string' },
      title: { type: 'string' },
    });
    for (const required of ['bundle', 'validation', 'data', 'out'] as const) {
      if (values[required] === undefined) {
        throw new TaceError('INVALID_ARGUMENT', `--${required} is required`, {
          param: `--${required}`,
          remedy: 'see tace report --help',
        });
      }
    }
    prepareOutputs([{ option: '--out', path: values.out!, kind: 'file' }]);
    const bundle = readModelBundle(values.bundle!);
    const settings = readJson<ValidationSettings>(
      join(values.validation!, 'validation-settings.json'),
      'the validation settings',
    );
    const rows = validationRows(readTable(join(values.validation!, 'validation.csv')));
    const { models, table } = loadBundleModels(bundle, readTable(values.data!));
    const cohorts = studyCohorts(table, {
      column: bundle.cohortColumn,
      training: bundle.trainingCohort,
      internal: bundle.internalCohorts,
    });
    // Risk groups, KM and calibration as in the validation (its CIs come from validation.csv).
    const validation = validateModels(cohorts, models, {
      time: bundle.time,
      event: bundle.event,
      times: settings.times,
      cutpoint: settings.cutpoint,
      subgroups: settings.subgroups,
      reference: models[0].name,
      bootstrapReplicates: 0,
      random: settings.seed,
    });
    const crmName = models[0].name;
    const crm = models[0].fit;
    const landmark = settings.times[1] ?? settings.times[0];
    const signatures = readJson<{ signatures: SignatureJson[] }>(
      join(values.bundle!, 'signatures.json'),
      'the signatures',
    );
    const modelsSection: ReportSection = {
      id: 'models',
      title: 'Models',
      text: [
        `Signatures and models fitted on the training cohort '${bundle.trainingCohort}'; the CRM builds on ${bundle.chosenFusion.toLowerCase()}.`,
      ],
      tables: [
        {
          id: 'signatures',
          title: 'Signatures',
          columns: ['signature', 'features', 'formula'],
          rows: signatures.signatures.map((s) => [s.name, s.features.length, s.formula]),
        },
      ],
      figures: [],
    };
    const nomogramTimes = settings.times.slice(0, 3);
    modelsSection.figures!.push(
      forestFigure(crm, crmName, 'Multivariable Cox model on the training cohort after backward selection.'),
      nomogramFigure(crm, crmName, nomogramTimes, 'time units'),
    );
    const figures: ReportFigure[] = [
      concordanceFigure(
        rows,
        `Points: C-index; whiskers: 95% percentile bootstrap CI (${settings.replicates} replicates, seed ${settings.seed}).`,
      ),
      ...riskGroupFigures(
        validation,
        rows,
        crmName,
        `Cut-point fitted on the training cohort (${settings.cutpoint}) and applied unchanged.`,
        'time units',
      ),
      calibrationFigure(validation, crmName, landmark, 'time units'),
    ];
    const sections: ReportSection[] = [
      modelsSection,
      {
        id: 'validation',
        title: 'Multicentre validation',
        text: [
          `Cohorts: ${cohorts.map((c) => `${c.name} (${c.role}, n = ${numericColumn(c.table, bundle.time).length})`).join(', ')}.`,
        ],
        figures,
      },
      {
        id: 'metrics',
        title: 'Validation metrics',
        tables: [
          {
            id: 'metrics-table',
            title: 'Validation metrics',
            caption: 'estimate (95% CI where computed); n = patients used.',
            columns: ['model', 'cohort', 'metric', 'estimate', '95% CI', 'n'],
            rows: rows.map((r) => [
              r.model,
              r.cohort,
              r.metric,
              fmtMetric(r.metric, r.estimate),
              Number.isFinite(r.lower) ? `${fmt(r.lower)}-${fmt(r.upper)}` : '',
              r.n,
            ]),
          },
        ],
      },
    ];
    const omics =
      values.omics === undefined
        ? []
        : values.omics
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
    if (omics.length > 0) {
      sections.push({
        id: 'biology',
        title: 'Biology of the risk groups',
        tables: omics.map((path, i) => tableOf(path, i)),
      });
    }
    const html = renderHtmlReport({
      title: values.title ?? 'TACE prognostic study',
      provenance: [
        `bundle: ${values.bundle}; validation: ${values.validation}; data: ${values.data}`,
        `bootstrap: ${settings.replicates} replicates, seed ${settings.seed}; td-AUC times ${settings.times.join(', ')}`,
      ],
      sections,
    });
    writeFileAtomic(values.out!, html);
    console.error(
      `${values.out}: ${figures.length + modelsSection.figures!.length} figures, ${sections.length} sections`,
    );
    return EXIT.ok;
  },
};
