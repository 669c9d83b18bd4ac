import { type ColumnTable, readTable, TaceError, writeTable } from '@tace/core';
import {
  type BiologyAnalysis,
  compareBiology,
  DEFAULT_BIOLOGY_ANALYSES,
  type GeneSets,
  readCancerSea,
  readGmt,
} from '@tace/omics';
import { parseCommandArguments } from './arguments.js';
import { collapseGenes, collapseOption } from './collapse-option.js';
import { type Command, EXIT } from './command.js';
import { readExpression, siblingPath } from './omics-score.js';
import { prepareOutputs } from './outputs.js';

const ANALYSES: readonly BiologyAnalysis[] = [...DEFAULT_BIOLOGY_ANALYSES, 'cancersea', 'gene-sets'];

export const omicsTmeCommand: Command = {
  path: ['omics', 'tme'],
  summary:
    'Microenvironment, pathway and state scores per sample (ESTIMATE, MCP-counter, quanTIseq, PROGENy, ...); compare risk groups',
  help: `Usage: tace omics tme --expression <table> --groups <table> --out <table> [options]

Runs the microenvironment analyses on a bulk expression matrix (HGNC symbols; log2(TPM + 1) or TPM) and
compares every feature between two risk groups in one tidy table: analysis, feature, group sizes, means,
medians, median difference, Cliff's delta, Wilcoxon p and BH-adjusted p (within the analysis). Also writes
the per-sample scores (one row per sample, one column per analysis:feature).

Analyses (--analyses, comma-separated; default: ${DEFAULT_BIOLOGY_ANALYSES.join(',')}):
  estimate      ESTIMATE stromal, immune, ESTIMATE scores and tumour purity (R estimate 1.0.13)
  mcpcounter    MCP-counter, 10 populations (MCPcounter.estimate, HUGO symbols)
  quantiseq     quanTIseq cell fractions, TIL10 signature (tumour option on; --no-tumor to turn off)
  progeny       PROGENy pathway activity, 14 pathways (progeny(scale = TRUE, top = 100))
  immune-cells  28 Charoentong 2017 immune cell types by ssGSEA
  immune-panel  immune checkpoint genes and cytolytic activity (CYT)
  cancersea     the 14 CancerSEA states by ssGSEA (needs --cancersea <folder of downloaded files>)
  gene-sets     any GMT by ssGSEA (needs --gmt)

Options:
  --expression <path>    expression matrix: CSV/TSV (.gz ok; first column gene ids) or Arrow/Parquet (required)
  --orientation <o>      auto (default), genes-in-rows or samples-in-rows
  --collapse <rule>      merge duplicated genes: max-mean (WGCNA collapseRows MaxMean), first or mean
  --scale <s>            log2 or linear (default: detected)
  --analyses <list>      analyses to run (see above)
  --no-tumor             quanTIseq without its tumour option
  --cancersea <dir>      folder with the CancerSEA signature files (<State>.txt)
  --gmt <file>           gene sets for the gene-sets analysis
  --out <path>           comparison table (.csv/.tsv/.arrow/.parquet)                   (required)
  --scores-out <path>    per-sample scores (default: <out>-scores.<ext>)
  --groups <table>       table with a sample/patient id column and a group column         (required)
  --id-column <col>      id column of --groups (default: its first column)
  --group-column <col>   group column of --groups (default: risk_group)
  --target <label>       group reported as positive difference (default: high)
  --reference <label>    comparison group (default: low)

Example:
  tace omics tme --expression lihc.csv --collapse max-mean --groups risk.csv --id-column patient_id --out tme.csv`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      expression: { type: 'string' },
      orientation: { type: 'string' },
      collapse: { type: 'string' },
      scale: { type: 'string' },
      analyses: { type: 'string' },
      'no-tumor': { type: 'boolean' },
      cancersea: { type: 'string' },
      gmt: { type: 'string' },
      out: { type: 'string' },
      'scores-out': { type: 'string' },
      groups: { type: 'string' },
      'id-column': { type: 'string' },
      'group-column': { type: 'string' },
      target: { type: 'string' },
      reference: { type: 'string' },
    });
    if (values.expression === undefined || values.out === undefined || values.groups === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--expression, --groups and --out are required', {
        param: '--expression',
        remedy: 'see tace omics tme --help',
      });
    }
    const orientation = values.orientation ?? 'auto';
    if (orientation !== 'auto' && orientation !== 'genes-in-rows' && orientation !== 'samples-in-rows') {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--orientation must be auto, genes-in-rows or samples-in-rows`,
        {
          param: '--orientation',
        },
      );
    }
    if (values.scale !== undefined && values.scale !== 'log2' && values.scale !== 'linear') {
      throw new TaceError('INVALID_ARGUMENT', `--scale must be log2 or linear, but was '${values.scale}'`, {
        param: '--scale',
      });
    }
    const collapse = collapseOption(values.collapse);
    const analyses = values.analyses?.split(',').map((a) => a.trim()) as BiologyAnalysis[] | undefined;
    for (const a of analyses ?? []) {
      if (!ANALYSES.includes(a)) {
        throw new TaceError('INVALID_ARGUMENT', `unknown analysis '${a}' in --analyses`, {
          param: '--analyses',
          remedy: `use ${ANALYSES.join(', ')}`,
        });
      }
    }
    const scoresOut = values['scores-out'] ?? siblingPath(values.out, 'scores');
    prepareOutputs([
      { option: '--out', path: values.out, kind: 'file' },
      {
        option: values['scores-out'] === undefined ? '--out' : '--scores-out',
        path: scoresOut,
        kind: 'file',
      },
    ]);
    const expression = collapseGenes(readExpression(values.expression, orientation), collapse);
    let cancerSea: GeneSets | undefined;
    if (values.cancersea !== undefined) {
      const read = readCancerSea(values.cancersea);
      cancerSea = read.sets;
      if (read.missing.length > 0) console.error(`CancerSEA files not found: ${read.missing.join(', ')}`);
    }
    const groups = readTable(values.groups);
    const id = values['id-column'] ?? Object.keys(groups)[0];
    const result = compareBiology(
      expression,
      groups,
      { id, group: values['group-column'] ?? 'risk_group' },
      {
        analyses,
        scale: values.scale as 'log2' | 'linear' | undefined,
        cancerSea,
        geneSets: values.gmt === undefined ? undefined : readGmt(values.gmt),
        quantiseq: { tumor: !values['no-tumor'] },
        target: values.target,
        reference: values.reference,
      },
    );
    writeTable(result.table, values.out);
    const scores: ColumnTable = { sample: [...expression.samples] };
    for (const [analysis, s] of Object.entries(result.scores)) {
      s.features.forEach((feature, k) => {
        scores[`${analysis}:${feature}`] = Float64Array.from(s.samples, (_, j) => s.data[k + j * s.rows]);
      });
    }
    scores.group = result.sampleGroups.map((g) => g.group ?? '');
    writeTable(scores, scoresOut);
    for (const w of result.warnings) console.error(`warning: ${w}`);
    for (const s of result.skipped) console.error(`skipped ${s.analysis}: ${s.reason}`);
    const nTarget = result.sampleGroups.filter((g) => g.group === result.target).length;
    const nReference = result.sampleGroups.filter((g) => g.group === result.reference).length;
    console.error(
      `${values.out}: ${result.rows.length} features, ${result.target} (n = ${nTarget}) vs ${result.reference} (n = ${nReference}); scores in ${scoresOut}`,
    );
    const top = [...result.rows].filter((r) => r.adjustedPValue < 0.05).sort((a, b) => a.pValue - b.pValue);
    for (const r of top.slice(0, 10)) {
      console.error(
        `  ${r.analysis} ${r.feature}: median difference ${r.medianDifference.toPrecision(3)}, BH p = ${r.adjustedPValue.toPrecision(3)}`,
      );
    }
    return EXIT.ok;
  },
};
