import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, writeFileAtomic, writeTable } from '@tace/core';
import {
  decisionCurvePlot,
  heatmap,
  renderPng,
  type SvgElement,
  svgToString,
  timeDependentRocPlot,
  violinPlot,
} from '@tace/figures';
import type { StudyComparison } from '@tace/survival';
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
import type { BiologyStage } from './biology-stage.js';

/** What the report stage needs from the earlier stages. */
export interface ReportInputs {
  study: StudyComparison;
  biology: BiologyStage;
  /** Per cohort name: patients, events, centre. */
  cohortSummary: { cohort: string; role: string; patients: number; events: number; medianFollowUp: number }[];
  provenance: string[];
  /** Time of the calibration / decision / ROC figures (months). */
  landmark: number;
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
  const comparison = biology.bulkComparison;
  add(
    'biology-bulk',
    'Tumour programmes by imaging risk group (bulk expression)',
    'ssGSEA scores (GSVA algorithm) of the programmes; Wilcoxon rank-sum, Benjamini-Hochberg.',
    violinPlot(
      comparison.sets.map((set, s) => {
        const values = (group: string) =>
          biology.bulkScores.samples
            .map((sample, j) => ({ sample, j }))
            .filter(({ sample }) => biology.bulkGroups[sample] === group)
            .map(({ j }) => biology.bulkScores.data[s + biology.bulkScores.sets.length * j]);
        return {
          title: set,
          groups: [
            { label: 'low', values: values('low') },
            { label: 'high', values: values('high') },
          ],
          pValue: comparison.adjustedPValue[s],
        };
      }),
      { yLabel: 'ssGSEA score' },
    ),
  );
  const ordered = biology.bulkScores.samples;
  add(
    'biology-heatmap',
    'Programme scores per patient',
    'Row-standardised ssGSEA scores; patients grouped by imaging risk group.',
    heatmap(biology.bulkScores, { columnGroups: ordered.map((sample) => biology.bulkGroups[sample]) }),
  );
  for (const [id, title, result] of [
    ['sc-hypoxia', 'Hypoxia score per cell type (single-cell)', biology.hypoxiaByCellType],
    ['sc-cytotoxicity', 'Cytotoxicity of CD8 T and NK cells (single-cell)', biology.cytotoxicityInEffectors],
  ] as const) {
    const pb = result.pseudobulk;
    const types = [...new Set(pb.cellType)];
    add(
      id,
      title,
      'Per-patient mean of scanpy-style per-cell scores (patients, not cells, are the unit); Wilcoxon, BH.',
      violinPlot(
        types.map((type) => ({
          title: type,
          groups: ['low', 'high'].map((g) => ({
            label: g,
            values: pb.score.filter((_, i) => pb.cellType[i] === type && pb.riskGroup[i] === g),
          })),
          pValue: result.tests.adjustedPValue[result.tests.cellType.indexOf(type)],
        })),
        { yLabel: 'score' },
      ),
    );
  }

  // Tables.
  writeTable(validation.toTable(), join(tablesDir, 'validation.csv'));
  writeTable(validation.toTable(), join(tablesDir, 'validation.arrow'));
  writeTable(crm.toTable(), join(tablesDir, 'crm-coefficients.csv'));
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
  const metricTable = (name: string, title: string, withCi: boolean) => ({
    id: `table-${name.replace(/[^a-z0-9]+/gi, '-')}`,
    title,
    columns: ['Model', ...cohorts],
    rows: study.models.map((m) => [
      m.name,
      ...cohorts.map((c) => {
        const r = metric(name).find((x) => x.model === m.name && x.cohort === c);
        return r === undefined
          ? ''
          : withCi
            ? `${fmt(r.estimate)} (${fmt(r.lower)}-${fmt(r.upper)})`
            : fmt(r.estimate);
      }),
    ]),
  });
  const comparisons = metric('compare_c_p');
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
        metricTable(`td_auc@${landmark}`, `Time-dependent AUC at ${landmark} months`, false),
        metricTable('ibs', 'Integrated Brier score', false),
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
    {
      id: 'risk-groups',
      title: 'Risk groups',
      text: [
        'Risk groups by the CRM; cut-point fitted on training, applied unchanged to the validation cohorts.',
      ],
      figures: Object.values(figures).filter((f) => f.id.startsWith('km-crm-')),
    },
    {
      id: 'biology',
      title: 'Biology of the imaging risk groups',
      tables: [
        {
          id: 'table-biology',
          title: 'Bulk expression: high vs low risk',
          columns: ['Programme', 'Median difference', "Cliff's delta", 'p (BH)'],
          rows: comparison.sets.map((set, s) => [
            set,
            fmt(comparison.medianDifference[s]),
            fmt(comparison.cliffsDelta[s]),
            fmt(comparison.adjustedPValue[s], 4),
          ]),
        },
      ],
      figures: [
        figures['biology-bulk'],
        figures['biology-heatmap'],
        figures['sc-hypoxia'],
        figures['sc-cytotoxicity'],
      ],
    },
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
