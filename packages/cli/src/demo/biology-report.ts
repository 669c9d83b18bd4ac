import type { ColumnTable } from '@tace/core';
import {
  dotPlot,
  dotPlotData,
  embeddingScatter,
  heatmap,
  panelLayout,
  type SvgElement,
  violinPlot,
} from '@tace/figures';
import { ALL_CELLS, type FeatureComparisonRow, type FeatureScores } from '@tace/omics';
import {
  formatNumber as fmt,
  type ReportSection,
  type ReportTable,
  RISK_GROUP_THEME,
} from '../report/index.js';
import type { AnnotateStage } from './annotate-stage.js';
import { type BiologyStage, PROGRAM_SOURCES } from './biology-stage.js';

// The demo report's biology section: tables and figures of compareBiology and compareCellTypes.

/** Display names of the analyses of `compareBiology`. */
const ANALYSIS_NAMES: Readonly<Record<string, string>> = {
  estimate: 'ESTIMATE',
  mcpcounter: 'MCP-counter',
  quantiseq: 'quanTIseq',
  'immune-cells': 'Immune cell types (Charoentong 2017, ssGSEA)',
  'immune-panel': 'Immune checkpoints and cytolytic activity',
  progeny: 'PROGENy pathways',
  'gene-sets': 'Functional-state programmes (ssGSEA)',
};

/** Short prefixes of the analyses in figure labels. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  estimate: 'ESTIMATE',
  mcpcounter: 'MCP',
  quantiseq: 'quanTIseq',
  'immune-cells': 'ssGSEA',
  'immune-panel': 'Panel',
  progeny: 'PROGENy',
  'gene-sets': 'State',
};

const MICROENVIRONMENT = ['estimate', 'mcpcounter', 'quantiseq', 'immune-cells', 'immune-panel'];

/** A figure of the section, before it is written to disk. */
export interface BiologyFigure {
  id: string;
  title: string;
  caption: string;
  svg: SvgElement;
}

/** A number with fixed decimals, without a sign when it rounds to zero (no "-0.000"). */
function num(x: number, digits = 3): string {
  return fmt(Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x, digits);
}

/** A p-value for a table cell: 3 significant digits, `< 0.001` below. */
function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'NA';
  return p < 0.001 ? '< 0.001' : p.toPrecision(2);
}

/** Scores of one feature per group, from the per-sample scores of an analysis. */
function featureValues(stage: BiologyStage, analysis: string, feature: string, group: string): number[] {
  const scores: FeatureScores = stage.bulk.scores[analysis];
  const k = scores.features.indexOf(feature);
  const out: number[] = [];
  stage.bulk.sampleGroups.forEach((s, j) => {
    const v = scores.data[k + j * scores.rows];
    if (s.group === group && Number.isFinite(v)) out.push(v);
  });
  return out;
}

function analysisTable(stage: BiologyStage, analysis: string): ReportTable {
  const { target, reference } = stage.bulk;
  const rows = stage.bulk.rows.filter((r) => r.analysis === analysis);
  const method = stage.bulk.scores[analysis]?.method ?? analysis;
  return {
    id: `table-biology-${analysis}`,
    title: `${ANALYSIS_NAMES[analysis] ?? analysis}: ${target} vs ${reference} risk`,
    caption: `Method: ${method}. Two-sided Wilcoxon rank-sum; q: Benjamini-Hochberg within the analysis; Cliff's delta > 0: higher in ${target}.`,
    columns: [
      'Feature',
      `n ${target}/${reference}`,
      `Mean ${target}`,
      `Mean ${reference}`,
      `Median ${target}`,
      `Median ${reference}`,
      'Median difference',
      "Cliff's delta",
      'p',
      'q (BH)',
    ],
    rows: rows.map((r: FeatureComparisonRow) => [
      r.feature,
      `${r.nTarget}/${r.nReference}`,
      num(r.meanTarget),
      num(r.meanReference),
      num(r.medianTarget),
      num(r.medianReference),
      num(r.medianDifference),
      num(r.cliffsDelta, 2),
      formatP(r.pValue),
      formatP(r.adjustedPValue),
    ]),
  };
}

/** z-scores of values over both groups (so features of different scales share one axis). */
function standardize(groups: number[][]): number[][] {
  const all = groups.flat();
  const mean = all.reduce((s, v) => s + v, 0) / all.length;
  const sd = Math.sqrt(all.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, all.length - 1));
  return groups.map((g) => g.map((v) => (sd > 0 ? (v - mean) / sd : 0)));
}

function bulkFigures(stage: BiologyStage): BiologyFigure[] {
  const { target, reference } = stage.bulk;
  const order = [reference, target];
  const states = stage.bulk.rows.filter((r) => r.analysis === 'gene-sets');
  const figures: BiologyFigure[] = [
    {
      id: 'biology-states',
      title: 'Functional-state programmes by CRM risk group (bulk expression)',
      caption:
        'ssGSEA scores (GSVA algorithm) of the Hallmark hypoxia, MYC targets, EMT and glycolysis sets and the TIDE cytotoxic T-cell genes; n per group under each violin; BH-adjusted Wilcoxon p above each panel.',
      svg: violinPlot(
        states.map((r) => ({
          title: r.feature,
          groups: order.map((g) => ({ label: g, values: featureValues(stage, r.analysis, r.feature, g) })),
          pValue: r.adjustedPValue,
        })),
        { yLabel: 'ssGSEA score', width: 760 },
      ),
    },
  ];
  // top microenvironment and pathway features by p (ties: table order)
  const top = stage.bulk.rows
    // TumorPurity is a function of ESTIMATEScore: one of the two is enough here
    .filter((r) => r.analysis !== 'gene-sets' && r.feature !== 'TumorPurity' && Number.isFinite(r.pValue))
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.pValue - b.r.pValue || a.i - b.i)
    .slice(0, 6)
    .map(({ r }) => r);
  if (top.length > 0) {
    figures.push({
      id: 'biology-top-features',
      title: 'Microenvironment and pathway features that differ most between CRM risk groups',
      caption:
        "The 6 features with the smallest Wilcoxon p over ESTIMATE, MCP-counter, quanTIseq, the 28 immune cell types, the checkpoint/CYT panel and PROGENy; each standardised over both groups (z-score) so they share one axis; p above each panel: BH within the feature's analysis.",
      svg: violinPlot(
        top.map((r) => {
          const values = standardize(order.map((g) => featureValues(stage, r.analysis, r.feature, g)));
          return {
            title: `${r.feature} (${SHORT_NAMES[r.analysis] ?? r.analysis})`,
            groups: order.map((g, k) => ({ label: g, values: values[k] })),
            pValue: r.adjustedPValue,
          };
        }),
        { yLabel: 'z-score', width: 1260 },
      ),
    });
  }
  // heatmap: ESTIMATE, MCP-counter, PROGENy and the programmes, samples grouped by risk
  const analyses = ['estimate', 'mcpcounter', 'progeny', 'gene-sets'].filter((a) => stage.bulk.scores[a]);
  const samples = stage.bulk.sampleGroups;
  const labels: string[] = [];
  const values: number[][] = [];
  for (const a of analyses) {
    const s = stage.bulk.scores[a];
    s.features.forEach((feature, k) => {
      if (a === 'estimate' && feature === 'TumorPurity') return; // a function of ESTIMATEScore
      labels.push(`${SHORT_NAMES[a]}: ${feature}`);
      values.push(samples.map((_, j) => s.data[k + j * s.rows]));
    });
  }
  const data = new Float64Array(labels.length * samples.length);
  values.forEach((row, i) => {
    row.forEach((v, j) => {
      data[i + j * labels.length] = v;
    });
  });
  figures.push({
    id: 'biology-heatmap',
    title: 'Microenvironment, pathway and state scores per patient',
    caption:
      'Row-standardised scores (z, clipped at 2.5) of ESTIMATE, MCP-counter, PROGENy and the functional-state programmes; patients grouped by CRM risk group (bar on top); rows clustered (complete linkage).',
    svg: heatmap(
      { rows: labels.length, columns: samples.length, data },
      {
        rowLabels: labels,
        columnGroups: samples.map((s) => s.group ?? 'none'),
        width: 900,
        height: 620,
        theme: RISK_GROUP_THEME,
      },
    ),
  });
  return figures;
}

function singleCellFigures(stage: BiologyStage): BiologyFigure[] {
  const figures: BiologyFigure[] = [];
  const cmp = stage.cells;
  for (const [id, signature, title, types] of [
    ['sc-hypoxia', 'Hypoxia', 'Hypoxia score per cell type (single cell)', undefined],
    ['sc-cytotoxicity', 'Cytotoxicity', 'Cytotoxicity of CD8 T and NK cells (single cell)', ['CD8 T', 'NK']],
  ] as const) {
    const result = cmp.bySignature[signature];
    const pb = result.pseudobulk;
    const tested = result.tests.cellType.filter(
      (t) => types === undefined || (types as readonly string[]).includes(t),
    );
    figures.push({
      id,
      title,
      caption:
        'Per-patient mean of scanpy-style per-cell scores (patients, not cells, are the unit; n = patients); Wilcoxon rank-sum over patients, BH across cell types.',
      svg: violinPlot(
        tested.map((type) => ({
          title: type,
          groups: cmp.groups.map((g) => ({
            label: g,
            values: pb.score.filter((_, i) => pb.cellType[i] === type && pb.riskGroup[i] === g),
          })),
          pValue: result.tests.adjustedPValue[result.tests.cellType.indexOf(type)],
        })),
        { yLabel: 'score', width: Math.max(480, 110 * tested.length) },
      ),
    });
  }
  figures.push({
    id: 'sc-dotplot',
    title: 'Cell type x signature by CRM risk group (single cell)',
    caption:
      "As Seurat's DotPlot(split.by = risk group), all cells of the 8 patients: colour = mean per-cell score, scaled per signature across the rows; size = fraction of the cells scoring above 0 (no dot: no cell of that type and group above 0, as hypoxia in the low-risk patients). The tests above use patients, not cells.",
    svg: dotPlot(dotPlotData(stage.cellScores, stage.cellType, { group: stage.cellGroup }), {
      signatures: Object.keys(stage.cellScores),
      cellTypes: stage.cells.coverage.filter((c) => c.cellType !== ALL_CELLS).map((c) => c.cellType),
      width: 520,
      height: 560,
    }),
  });
  return figures;
}

/** Smallest two-sided p of an exact Wilcoxon rank-sum test with m and n observations: 2 / choose(m + n, m). */
function smallestExactP(m: number, n: number): number {
  let choose = 1;
  for (let k = 1; k <= m; k++) choose = (choose * (n + k)) / k;
  return Math.min(1, 2 / choose);
}

function singleCellTables(stage: BiologyStage): ReportTable[] {
  const cmp = stage.cells;
  const [ref, comp] = cmp.groups;
  const coverage: ReportTable = {
    id: 'table-sc-coverage',
    title: 'Single cell: every cell type, its cells and patients',
    caption:
      'A patient x cell type is a pseudo-bulk unit with at least 3 cells; a cell type is tested with at least 2 units per group.',
    columns: [
      'Cell type',
      'Cells',
      `Patients ${ref}/${comp}`,
      `Units ${ref}/${comp}`,
      'Tested',
      'Reason left out',
    ],
    rows: cmp.coverage.map((c) => [
      c.cellType,
      c.nCells,
      `${c.nPatients[0]}/${c.nPatients[1]}`,
      `${c.nUnits[0]}/${c.nUnits[1]}`,
      c.tested ? 'yes' : 'no',
      c.reason,
    ]),
  };
  const tests: ReportTable = {
    id: 'table-sc-tests',
    title: `Single cell: ${comp} vs ${ref} risk per cell type (pseudo-bulk)`,
    caption: `Mean of the per-patient mean scores; Wilcoxon rank-sum over patients (exact: with ${stage.singleCellPatients[ref] ?? 0} vs ${stage.singleCellPatients[comp] ?? 0} patients the smallest possible two-sided p is ${formatP(smallestExactP(stage.singleCellPatients[ref] ?? 0, stage.singleCellPatients[comp] ?? 0))}); q: BH across the cell types tested, per signature.`,
    columns: [
      'Signature',
      'Cell type',
      `Patients ${ref}/${comp}`,
      `Mean ${ref}`,
      `Mean ${comp}`,
      'Difference',
      'p',
      'q (BH)',
    ],
    rows: Object.entries(cmp.bySignature).flatMap(([signature, r]) =>
      r.tests.cellType.map((type, i) => [
        signature,
        type,
        `${r.tests.nReference[i]}/${r.tests.nComparison[i]}`,
        num(r.tests.meanReference[i]),
        num(r.tests.meanComparison[i]),
        num(r.tests.difference[i]),
        formatP(r.tests.pValue[i]),
        formatP(r.tests.adjustedPValue[i]),
      ]),
    ),
  };
  return [coverage, tests];
}

/** The single-cell tests of every signature as one tidy table (for `tables/`). */
export function singleCellTestsTable(stage: BiologyStage): ColumnTable {
  const rows = Object.entries(stage.cells.bySignature).flatMap(([signature, r]) =>
    r.tests.cellType.map((cellType, i) => ({ signature, cellType, i, t: r.tests })),
  );
  const num = (f: (x: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return {
    signature: rows.map((x) => x.signature),
    cellType: rows.map((x) => x.cellType),
    nReference: num((x) => x.t.nReference[x.i]),
    nComparison: num((x) => x.t.nComparison[x.i]),
    meanReference: num((x) => x.t.meanReference[x.i]),
    meanComparison: num((x) => x.t.meanComparison[x.i]),
    difference: num((x) => x.t.difference[x.i]),
    pValue: num((x) => x.t.pValue[x.i]),
    adjustedPValue: num((x) => x.t.adjustedPValue[x.i]),
  };
}

/**
 * The cell-annotation section: the synthetic cells annotated as if unlabelled (Seurat's workflow, bundled
 * markers), a UMAP coloured by the label found and by the simulated type, and one row per cluster.
 */
function annotationSection(a: AnnotateStage): { section: ReportSection; figure: BiologyFigure } {
  const umap = { shape: [a.cells.length, 2], data: a.umap };
  const figure: BiologyFigure = {
    id: 'sc-annotation-umap',
    title: 'Cell types found without labels (UMAP)',
    caption:
      "UMAP of the synthetic cells (umap-js, seeded) after variable genes (Seurat vst), PCA, shared-nearest-neighbour graph and Louvain clustering; A: the marker label of each cell's cluster (unassigned when the markers do not decide), B: the simulated cell type the annotation should recover.",
    svg: panelLayout(
      [
        embeddingScatter(umap, { label: a.cellType, colorTitle: 'Marker label', width: 520, height: 420 }),
        embeddingScatter(umap, {
          label: a.simulatedCellType,
          colorTitle: 'Simulated type',
          width: 520,
          height: 420,
        }),
      ],
      { columns: 2 },
    ),
  };
  const p = a.parameters;
  const section: ReportSection = {
    id: 'biology-annotation',
    title: 'Single cell: cell types found when the file has no labels',
    text: [
      `The ${a.cells.length} synthetic cells were annotated as if they came without labels (annotateCells of @tace/omics, as tace sc annotate: ${p.nFeatures ?? '?'} variable genes, resolution ${p.resolution ?? '?'}; the synthetic data hold about 500 genes, so fewer variable genes than Seurat's default 2000). ${a.clusters.length} clusters; ${(100 * a.agreement).toFixed(1)}% of the cells get the label of their simulated type; adjusted Rand index of the clusters against the simulated types ${a.adjustedRandIndex.toFixed(3)}. Every cluster is listed below, with the reason for its label or for leaving it unassigned.`,
    ],
    tables: [
      {
        id: 'table-sc-annotation',
        title: 'Clusters and their marker labels',
        caption:
          'Score: mean marker score of the chosen type; margin: its lead over the best type of another lineage (the confidence); reason: the evidence, or why no label was given.',
        columns: ['Cluster', 'Cells', 'Label', 'Score', 'Margin', 'Reason'],
        rows: a.clusters.map((c) => [
          c.cluster,
          c.nCells,
          c.label,
          num(c.score, 2),
          num(c.margin, 2),
          c.reason,
        ]),
      },
    ],
    figures: [figure],
  };
  return { section, figure };
}

/**
 * The biology sections of the demo report and their figures: bulk microenvironment, pathway and
 * functional-state comparisons by CRM risk group (a table per analysis, the states' violins, the top
 * features, a heatmap), then the single-cell comparison per cell type (every cell type with its cells and
 * patients, the left-out ones named with the reason) with its violins and a dot plot, and the
 * cell types found without labels (when the stage annotated the cells).
 */
export function biologySections(stage: BiologyStage): {
  sections: ReportSection[];
  figures: BiologyFigure[];
} {
  const { target, reference } = stage.bulk;
  const first = stage.bulk.rows[0];
  const bulk = bulkFigures(stage);
  const cells = singleCellFigures(stage);
  const cmp = stage.cells;
  const annotation = stage.cellAnnotation === null ? null : annotationSection(stage.cellAnnotation);
  const leftOut =
    cmp.leftOut.length === 0
      ? `No cell type was left out: all ${cmp.coverage.length - 1} cell types (and all cells pooled) were tested.`
      : `Left out of the tests (listed in the table with the reason): ${cmp.leftOut.map((l) => `${l.cellType} (${l.reason})`).join('; ')}.`;
  const skipped =
    stage.bulk.skipped.length === 0
      ? 'Every bulk analysis ran.'
      : `Bulk analyses not run: ${stage.bulk.skipped.map((s) => `${s.analysis} (${s.reason})`).join('; ')}.`;
  const patients = Object.entries(stage.singleCellPatients)
    .map(([g, n]) => `${n} ${g}-risk`)
    .join(' and ');
  const bulkText = [
    `Synthetic expression of the training patients (${first.nTarget} ${target}-risk, ${first.nReference} ${reference}-risk by the CRM cut-point): the generator raises the hypoxia, MYC, EMT and glycolysis programmes and lowers the cytotoxic and ESTIMATE immune genes with the latent tumour aggressiveness, so the differences below are built in, not discovered.`,
    'Microenvironment: ESTIMATE (stromal, immune and ESTIMATE scores; purity only indicative on RNA-seq), MCP-counter (10 populations), quanTIseq (TIL10 fractions, tumour option), the 28 immune cell types of Charoentong 2017 (ssGSEA) and the checkpoint/cytolytic panel. Pathways: PROGENy (14 pathways, top 100 genes, scaled). All in one call of compareBiology (@tace/omics); full table: tables/biology-by-risk.csv.',
    `Functional states: CancerSEA's 14 state signatures are not shipped (no licence for redistribution; readCancerSea and tace omics tme --cancersea read a user's download). Shown instead, and named as what they are: ${Object.entries(
      PROGRAM_SOURCES,
    )
      .map(([name, source]) => `${name} = ${source}`)
      .join('; ')}.`,
    skipped,
    ...(stage.bulk.warnings.length > 0 ? [`Warnings: ${stage.bulk.warnings.join(' | ')}`] : []),
  ];
  const otherWarnings = stage.warnings.filter((w) => !stage.bulk.warnings.includes(w));
  const cellText = [
    `Synthetic counts of ${patients} patients (per CRM risk group of the training cohort, the 4 of most extreme latent aggressiveness: lowest among the low-risk, highest among the high-risk), normalised (counts per 10k, log1p), scored per cell (scanpy score_genes), and compared per cell type by compareCellTypes with the patient as the unit (pseudo-bulk mean per patient x cell type, Wilcoxon over patients). ${leftOut}`,
    ...(otherWarnings.length > 0 ? [`Warnings: ${otherWarnings.join(' | ')}`] : []),
  ];
  return {
    sections: [
      {
        id: 'biology',
        title: 'Biology of the CRM risk groups: bulk expression',
        text: bulkText,
        tables: [
          ...MICROENVIRONMENT.filter((a) => stage.bulk.scores[a]).map((a) => analysisTable(stage, a)),
          ...['progeny', 'gene-sets'].filter((a) => stage.bulk.scores[a]).map((a) => analysisTable(stage, a)),
        ],
        figures: bulk,
      },
      {
        id: 'biology-single-cell',
        title: 'Biology of the CRM risk groups: single cell, per cell type',
        text: cellText,
        tables: singleCellTables(stage),
        figures: cells,
      },
      ...(annotation === null ? [] : [annotation.section]),
    ],
    figures: [...bulk, ...cells, ...(annotation === null ? [] : [annotation.figure])],
  };
}
