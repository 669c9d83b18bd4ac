import { availableParallelism } from 'node:os';
import { readTable, stringColumn, TaceError, writeTable } from '@tace/core';
import {
  bundledSignatures,
  comparisonTable,
  type ExpressionMatrix,
  type GeneSets,
  type MatrixOrientation,
  readExpressionMatrix,
  readExpressionTable,
  readGmt,
  type ScoringMethod,
  scoreGeneSets,
  scoreGeneSetsParallel,
  scoresTable,
} from '@tace/omics';
import { compareGroups } from '@tace/omics/kernels';
import { parseCommandArguments, parseThreads } from './arguments.js';
import { collapseGenes, collapseOption } from './collapse-option.js';
import { type Command, EXIT } from './command.js';
import { type OutputPath, prepareOutputs } from './outputs.js';

/** `--gmt bundled` or a GMT file. */
export function geneSetsOption(value: string | undefined): GeneSets {
  return value === undefined || value === 'bundled' ? bundledSignatures() : readGmt(value);
}

/** Reads an expression matrix: CSV/TSV (optionally .gz) as text, Arrow/Parquet through readTable. */
export function readExpression(path: string, orientation: MatrixOrientation): ExpressionMatrix {
  return /\.(arrow|feather|parquet)$/i.test(path)
    ? readExpressionTable(path, orientation)
    : readExpressionMatrix(path, { orientation });
}

/** The companion output path: `scores.csv` -> `scores-<suffix>.csv`. */
export function siblingPath(path: string, suffix: string): string {
  const match = /^(.*?)(\.(csv|tsv|arrow|parquet)(\.gz)?)$/i.exec(path);
  return match ? `${match[1]}-${suffix}${match[2]}` : `${path}-${suffix}.csv`;
}

/** The outputs of a scoring command: `--out`, and with a comparison `--compare-out` or its sibling of `--out`. */
export function scoreOutputs(
  out: string,
  compareOut: string | undefined,
  comparing: boolean,
  suffix: string,
): OutputPath[] {
  const outputs: OutputPath[] = [{ option: '--out', path: out, kind: 'file' }];
  if (comparing) {
    outputs.push({
      option: compareOut === undefined ? '--out' : '--compare-out',
      path: compareOut ?? siblingPath(out, suffix),
      kind: 'file',
    });
  }
  return outputs;
}

/** Reads `--groups`: sample/patient id -> label. */
export function readGroupLabels(
  path: string,
  idColumn: string | undefined,
  groupColumn: string,
): Record<string, string> {
  const table = readTable(path);
  const id = idColumn ?? Object.keys(table)[0];
  const ids = stringColumn(table, id);
  const labels = stringColumn(table, groupColumn);
  const out: Record<string, string> = {};
  ids.forEach((sample, i) => {
    const label = labels[i];
    if (sample !== null && label !== null && label !== '') out[sample] = label;
  });
  return out;
}

const METHODS = ['ssgsea', 'gsva', 'zscore', 'plage', 'singscore'] as const;

export const omicsScoreCommand: Command = {
  path: ['omics', 'score'],
  summary: 'Gene-set scores per sample (ssGSEA, GSVA, z-score, PLAGE, singscore); compare risk groups',
  help: `Usage: tace omics score --expression <table> --out <table> [options]

Scores gene sets for every sample of a bulk expression matrix (log scale, e.g. log2 TPM + 1) and writes
one row per sample: sample, then one column per set. With --groups, also compares every set between two
groups of samples (Wilcoxon rank-sum, Benjamini-Hochberg over sets, Cliff's delta, median difference),
samples matched to labels by id (or TCGA patient barcode).

Options:
  --expression <path>    expression matrix: CSV/TSV (.gz ok; first column gene ids) or Arrow/Parquet
                                                                                           (required)
  --orientation <o>      auto (default), genes-in-rows or samples-in-rows
  --collapse <rule>      merge duplicated genes first: max-mean, first or mean (default: refuse duplicates)
  --gmt <file|bundled>   gene sets: a GMT file, or 'bundled' (default): Hallmark hypoxia, MYC v1/v2,
                         EMT, glycolysis, Buffa hypoxia, cytolytic activity, cytotoxic T cells
  --method <m>           ${METHODS.join(', ')} (default: ssgsea, as GSVA::gsva method)
  --min-size <n>         skip sets with fewer genes in the data (default: 1)
  --threads <n>          worker threads for ssgsea/gsva/singscore (default: available cores)
  --out <path>           scores table (.csv/.tsv/.arrow/.parquet)                           (required)
  --groups <table>       table with a sample/patient id column and a group column
  --id-column <col>      id column of --groups (default: its first column)
  --group-column <col>   group column of --groups (default: risk_group)
  --target <label>       group reported as positive difference (default: high, or the 2nd sorted label)
  --reference <label>    comparison group (default: low, or the 1st sorted label)
  --compare-out <path>   comparison table (default: <out>-comparison.<ext>)

Example:
  tace omics score --expression lihc.csv.gz --gmt bundled --method gsva --out scores.csv \\
    --groups risk.csv --id-column patient_id --group-column risk_group`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      expression: { type: 'string' },
      orientation: { type: 'string' },
      collapse: { type: 'string' },
      gmt: { type: 'string' },
      method: { type: 'string' },
      'min-size': { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
      groups: { type: 'string' },
      'id-column': { type: 'string' },
      'group-column': { type: 'string' },
      target: { type: 'string' },
      reference: { type: 'string' },
      'compare-out': { type: 'string' },
    });
    if (values.expression === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--expression and --out are required', {
        param: '--expression',
        remedy: 'see tace omics score --help',
      });
    }
    const method = values.method ?? 'ssgsea';
    if (!(METHODS as readonly string[]).includes(method)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--method must be one of ${METHODS.join(', ')}, but was '${method}'`,
        {
          param: '--method',
        },
      );
    }
    const orientation = values.orientation ?? 'auto';
    if (orientation !== 'auto' && orientation !== 'genes-in-rows' && orientation !== 'samples-in-rows') {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--orientation must be auto, genes-in-rows or samples-in-rows, but was '${orientation}'`,
        {
          param: '--orientation',
        },
      );
    }
    const minSize = Number(values['min-size'] ?? 1);
    if (!Number.isInteger(minSize) || minSize < 1) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--min-size must be a positive integer, but was '${values['min-size']}'`,
        {
          param: '--min-size',
        },
      );
    }
    const threads = parseThreads(values.threads, availableParallelism());
    prepareOutputs(
      scoreOutputs(values.out, values['compare-out'], values.groups !== undefined, 'comparison'),
    );
    const sets = geneSetsOption(values.gmt);
    const expression = collapseGenes(
      readExpression(values.expression, orientation),
      collapseOption(values.collapse),
    );
    const options = { method: method as ScoringMethod, minSize };
    const scores =
      threads > 1
        ? await scoreGeneSetsParallel(expression, sets, { ...options, threads })
        : scoreGeneSets(expression, sets, options);
    writeTable(scoresTable(scores), values.out);
    for (const warning of scores.warnings) console.error(`warning: ${warning}`);
    console.error(
      `${values.out}: ${scores.sets.length} sets x ${scores.samples.length} samples (${method}, ` +
        `${expression.genes.length} genes)`,
    );
    if (values.groups !== undefined) {
      const labels = readGroupLabels(
        values.groups,
        values['id-column'],
        values['group-column'] ?? 'risk_group',
      );
      const comparison = compareGroups(scores, labels, {
        target: values.target,
        reference: values.reference,
      });
      const path = values['compare-out'] ?? siblingPath(values.out, 'comparison');
      writeTable(comparisonTable(comparison), path);
      console.error(
        `${path}: ${comparison.target} (n = ${comparison.nTarget}) vs ${comparison.reference} (n = ${comparison.nReference})`,
      );
      comparison.sets.forEach((set, k) => {
        console.error(
          `  ${set}: median difference ${comparison.medianDifference[k].toFixed(3)}, BH p = ${comparison.adjustedPValue[k].toPrecision(3)}`,
        );
      });
    } else if (values['group-column'] !== undefined || values['compare-out'] !== undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--group-column and --compare-out need --groups', {
        param: '--groups',
      });
    }
    return EXIT.ok;
  },
};
