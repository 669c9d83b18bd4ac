import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, writeFileAtomic, writeTable } from '@tace/core';
import {
  decisionCurvePlot,
  renderPng,
  type SvgElement,
  svgToString,
  timeDependentRocPlot,
} from '@tace/figures';
import type { StudyComparison, ValidationRow } from '@tace/survival';
import { timeDependentRoc } from '@tace/survival/kernels';
import {
  calibrationFigure,
  concordanceFigure,
  formatNumber as fmt,
  forestFigure,
  nomogramFigure,
  type ReportFigure,
  type ReportSection,
  renderHtmlReport,
  riskGroupFigures,
  type StudyReport,
  slug,
} from '../report/index.js';
import { biologySections, singleCellTestsTable } from './biology-report.js';
import type { BiologyStage } from './biology-stage.js';
import { type DeepArmRow, deepArmSection } from './deep-arm.js';

/** What the report stage needs from the earlier stages. */
export interface ReportInputs {
  study: StudyComparison;
  /** The deep-learning arm: trained vs random-feature network, DL score and rad-score per cohort. */
  deepArms: readonly DeepArmRow[];
  biology: BiologyStage;
  /** Per cohort name: patients, events, centre. */
  cohortSummary: { cohort: string; role: string; patients: number; events: number; medianFollowUp: number }[];
  provenance: string[];
  /** Time of the calibration / decision / ROC figures (months). */
  landmark: number;
  /** td-AUC times of the validation; the RMST tau is the last. @default [landmark] */
  validationTimes?: number[];
  failedExtractions: number;
}

function figureFile(dir: string, id: string, tree: SvgElement): void {
  const text = svgToString(tree);
  writeFileAtomic(join(dir, `${id}.svg`), text);
  writeFileAtomic(join(dir, `${id}.png`), renderPng(text));
}

/**
 * Draws every figure of the demo (SVG + PNG into `figures/`), writes the tidy tables (`tables/*.csv` and
 * `.arrow`) and one self-contained `report.html`. Returns the report path.
 */
export function writeReport(outDir: string, inputs: ReportInputs): string {
  const { study, biology, landmark } = inputs;
  const figuresDir = join(outDir, 'figures');
  const tablesDir = join(outDir, 'tables');
  mkdirSync(figuresDir, { recursive: true });
  mkdirSync(tablesDir, { recursive: true });
  const validation = study.validation;
  const rows = validation.rows;
  const figures: Record<string, ReportFigure> = {};
  const add = (id: string, title: string, caption: string, tree: SvgElement) => {
    figures[id] = { id, title, caption, svg: tree };
    figureFile(figuresDir, id, tree);
  };

  const crm = study.crm.model!;
  const shared = [
    ...riskGroupFigures(
      validation,
      rows,
      'CRM',
      'Cut-point fitted on the training cohort (maximally selected log-rank) and applied unchanged. Shaded: 95% CI (log).',
    ),
    concordanceFigure(rows, 'Points: C-index; whiskers: 95% percentile bootstrap CI (seeded).'),
    forestFigure(
      crm,
      'CRM',
      'Multivariable Cox model on the training cohort after backward selection (AIC).',
    ),
    calibrationFigure(validation, 'CRM', landmark, 'months'),
    nomogramFigure(crm, 'CRM', [12, 24, 36], 'months'),
  ];
  for (const figure of shared) add(figure.id, figure.title, figure.caption ?? '', figure.svg);
  // ROC, calibration and decision curves in the first external cohort.
  const external = study.cohorts.find((c) => c.role === 'external') ?? study.cohorts[0];
  const rocModels = ['CRM', 'Late fusion', 'BCLC', 'ALBI'].filter((m) =>
    study.models.some((x) => x.name === m),
  );
  const time = external.table.os_months as Float64Array;
  const death = external.table.death as Float64Array;
  add(
    'roc-external',
    `Time-dependent ROC at ${landmark} months: ${external.name}`,
    'Cumulative/dynamic ROC with inverse-probability-of-censoring weights.',
    timeDependentRocPlot(
      rocModels.map((model) => {
        const p = validation.predictions.find((x) => x.model === model && x.cohort === external.name)!;
        const roc = timeDependentRoc(
          Array.from(p.rows, (r) => time[r]),
          Array.from(p.rows, (r) => death[r]),
          p.linearPredictor,
          landmark,
        );
        return {
          label: model,
          falsePositiveRate: roc.falsePositiveRate,
          truePositiveRate: roc.truePositiveRate,
          auc: roc.auc,
        };
      }),
      { time: landmark },
    ),
  );
  const curves = validation.decisionCurves.filter(
    (d) => d.cohort === external.name && rocModels.includes(d.model),
  );
  add(
    'decision-external',
    `Decision curves at ${landmark} months: ${external.name}`,
    'Net benefit of treating patients whose predicted risk of death exceeds the threshold.',
    decisionCurvePlot(
      curves.map((d) => ({
        label: d.model,
        thresholds: d.result.thresholds,
        netBenefit: d.result.netBenefit,
      })),
      { label: 'Treat all', thresholds: curves[0].result.thresholds, netBenefit: curves[0].result.treatAll },
    ),
  );
  // Biology.
  const biologyReport = biologySections(biology);
  for (const f of biologyReport.figures) add(f.id, f.title, f.caption, f.svg);

  // Tables.
  writeTable(validation.toTable(), join(tablesDir, 'validation.csv'));
  writeTable(validation.toTable(), join(tablesDir, 'validation.arrow'));
  writeTable(crm.toTable(), join(tablesDir, 'crm-coefficients.csv'));
  writeTable(biology.bulk.table, join(tablesDir, 'biology-by-risk.csv'));
  writeTable(singleCellTestsTable(biology), join(tablesDir, 'single-cell-by-cell-type.csv'));
  const deepArms = inputs.deepArms;
  writeTable(
    {
      cohort: deepArms.map((r) => r.cohort),
      model: deepArms.map((r) => r.model),
      patients: Float64Array.from(deepArms, (r) => r.patients),
      events: Float64Array.from(deepArms, (r) => r.events),
      harrell_c: Float64Array.from(deepArms, (r) => r.estimate),
      lower: Float64Array.from(deepArms, (r) => r.lower),
      upper: Float64Array.from(deepArms, (r) => r.upper),
    },
    join(tablesDir, 'deep-arm.csv'),
  );
  for (const cohort of study.cohorts) {
    const scores: ColumnTable = { patient_id: cohort.table.patient_id };
    for (const name of ['radScore', 'dlScore', 'earlyFusionScore', 'lateFusionScore'])
      scores[name] = cohort.table[name];
    writeTable(scores, join(tablesDir, `scores-${slug(cohort.name)}.csv`));
  }
  writeFileAtomic(
    join(tablesDir, 'signatures.json'),
    `${JSON.stringify(
      Object.fromEntries(
        Object.entries(study.signatures).map(([key, s]) => [
          key,
          {
            formula: s.signature.formula,
            features: s.signature.features,
            coefficients: Array.from(s.signature.coefficients),
            steps: s.steps,
          },
        ]),
      ),
      null,
      2,
    )}\n`,
  );

  const metric = (name: string) => rows.filter((r) => r.metric === name);
  const cohorts = study.cohorts.map((c) => c.name);
  const metricTable = (name: string, title: string, withCi: boolean, caption?: string) => ({
    id: `table-${name.replace(/[^a-z0-9]+/gi, '-')}`,
    title,
    ...(caption === undefined ? {} : { caption }),
    columns: ['Model', ...cohorts],
    rows: study.models.map((m) => [
      m.name,
      ...cohorts.map((c) => {
        const r = metric(name).find((x) => x.model === m.name && x.cohort === c);
        if (r === undefined) return '';
        if (!Number.isFinite(r.estimate)) return 'NA';
        return withCi && Number.isFinite(r.lower)
          ? `${fmt(r.estimate)} (${fmt(r.lower)}-${fmt(r.upper)})`
          : fmt(r.estimate);
      }),
    ]),
  });
  const comparisons = metric('compare_c_p');
  const rmstTau = Math.max(...(inputs.validationTimes ?? [landmark]));
  const sections: ReportSection[] = [
    {
      id: 'cohorts',
      title: 'Cohorts',
      text: [
        'Seeded synthetic multicentre TACE cohort generated by the toolkit (not real patients): centre 1 split 7:3 into training and internal validation; centres 2 and 3 are external validation cohorts with their own scanner spacing, calibration and noise.',
        'Radiomic and deep features were harmonised across centres with ComBat (parametric empirical Bayes, as sva::ComBat) with the training centre as reference, so the training features are unchanged.',
        `Radiomics failed for ${inputs.failedExtractions} patient-phase(s) (recorded in tables/radiomics-long.arrow, error column).`,
      ],
      tables: [
        {
          id: 'table-cohorts',
          title: 'Cohorts',
          columns: ['Cohort', 'Role', 'Patients', 'Deaths', 'Median follow-up (months)'],
          rows: inputs.cohortSummary.map((c) => [
            c.cohort,
            c.role,
            c.patients,
            c.events,
            fmt(c.medianFollowUp, 1),
          ]),
        },
      ],
    },
    {
      id: 'models',
      title: 'Signatures and models',
      text: [
        ...Object.values(study.signatures).map(
          (s) =>
            `${s.signature.formula}  [${s.steps.candidates} candidates, ${s.steps.univariate} after univariate Cox, ${s.steps.nonRedundant} after redundancy, ${s.steps.selected} selected by LASSO-Cox]`,
        ),
        `Fusion kept for the CRM: ${study.chosenFusion} (higher C-index in the internal validation cohort). CRM terms after backward AIC selection: ${study.crm.selected.join(', ')}.`,
      ],
      figures: [figures['forest-crm'], figures.nomogram],
    },
    {
      id: 'validation',
      title: 'Multicentre validation',
      tables: [
        metricTable('harrell_c', "Harrell's C (95% bootstrap CI)", true),
        metricTable('uno_c', "Uno's C (95% bootstrap CI)", true),
        metricTable(
          `td_auc@${landmark}`,
          `Time-dependent AUC at ${landmark} months (95% CI)`,
          true,
          "Cumulative/dynamic IPCW AUC; Wald 95% CI from timeROC's iid standard error (as confint(timeROC(iid = TRUE)), not clipped to [0, 1]). NA: no case or no control at that time in the cohort.",
        ),
        metricTable(
          `brier@${landmark}`,
          `Brier score at ${landmark} months (95% CI)`,
          true,
          "IPCW Brier score of the predicted survival; 95% CI from the influence function with the censoring KM term, as riskRegression's Score(se.fit = TRUE).",
        ),
        metricTable(
          'ibs',
          `Integrated Brier score to ${rmstTau} months (95% CI)`,
          true,
          'Step rule over the validation times, as Score(summary = "ibs"); CI from the same influence function.',
        ),
        {
          id: 'table-compare',
          title: 'CRM vs each model: difference in C-index (compareC test)',
          columns: ['Comparison', ...cohorts],
          rows: [...new Set(comparisons.map((r) => r.model))].map((model) => [
            model,
            ...cohorts.map((c) => {
              const d = rows.find((r) => r.model === model && r.cohort === c && r.metric === 'c_difference');
              const p = comparisons.find((r) => r.model === model && r.cohort === c);
              return d && p
                ? `${fmt(d.estimate)} (p ${p.estimate < 0.001 ? '< 0.001' : fmt(p.estimate)})`
                : '';
            }),
          ]),
        },
      ],
      figures: [
        figures['c-index'],
        figures['roc-external'],
        figures['calibration-crm'],
        figures['decision-external'],
      ],
    },
    deepArmSection(deepArms),
    {
      id: 'risk-groups',
      title: 'Risk groups',
      text: [
        'Risk groups by the CRM; cut-point fitted on training, applied unchanged to the validation cohorts.',
      ],
      tables: [rmstTable(rows, 'CRM', cohorts, rmstTau)],
      figures: Object.values(figures).filter((f) => f.id.startsWith('km-crm-')),
    },
    ...biologyReport.sections,
  ];
  const report: StudyReport = {
    title: 'TACE prognosis: imaging to biology',
    subtitle:
      'Radiomics + deep learning -> fusion -> clinical-radiologic model -> multicentre validation -> risk-group biology',
    provenance: inputs.provenance,
    sections,
  };
  const path = join(outDir, 'report.html');
  writeFileAtomic(path, renderHtmlReport(report));
  writeFileAtomic(
    join(outDir, 'README.txt'),
    'report.html: the whole analysis; figures/: SVG and PNG; tables/: CSV and Arrow.\n',
  );
  return path;
}

/** RMST of the low and high risk groups of a model at tau per cohort, with difference and ratio (survRM2). */
function rmstTable(rows: readonly ValidationRow[], model: string, cohorts: readonly string[], tau: number) {
  const find = (cohort: string, metric: string) =>
    rows.find((r) => r.model === model && r.cohort === cohort && r.metric === metric);
  const ci = (r: ValidationRow | undefined, digits = 1) =>
    r === undefined || !Number.isFinite(r.estimate)
      ? 'NA'
      : `${fmt(r.estimate, digits)} (${fmt(r.lower, digits)} to ${fmt(r.upper, digits)})`;
  const p = (r: ValidationRow | undefined) =>
    r === undefined || !Number.isFinite(r.estimate) ? 'NA' : r.estimate < 0.001 ? '< 0.001' : fmt(r.estimate);
  return {
    id: 'table-rmst',
    title: `Restricted mean survival time to ${tau} months by ${model} risk group (95% CI)`,
    caption:
      "As survRM2::rmst2: area under each group's Kaplan-Meier curve to tau, Greenwood SE; difference and ratio high vs low with Wald CIs and p. NA: the cohort has one risk group only, or its follow-up does not reach tau (survRM2 rule).",
    columns: [
      'Cohort',
      'Low risk',
      'High risk',
      'Difference (high - low)',
      'p',
      'Ratio (high / low)',
      'p (ratio)',
    ],
    rows: cohorts.map((c) => [
      c,
      ci(find(c, `rmst@${tau}[low]`)),
      ci(find(c, `rmst@${tau}[high]`)),
      ci(find(c, `rmst_difference@${tau}`)),
      p(find(c, `rmst_difference_p@${tau}`)),
      ci(find(c, `rmst_ratio@${tau}`), 2),
      p(find(c, `rmst_ratio_p@${tau}`)),
    ]),
  };
}
