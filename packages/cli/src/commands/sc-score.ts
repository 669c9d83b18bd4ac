import { type ColumnTable, createProgressBar, TaceError, writeTable } from '@tace/core';
import { columnLabels, readH5adObs, scoreH5ad } from '@tace/omics';
import { compareByRiskGroup } from '@tace/omics/kernels';
import { parseCommandArguments, parseSeed } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { geneSetsOption, readGroupLabels, scoreOutputs, siblingPath } from './omics-score.js';
import { prepareOutputs } from './outputs.js';

const METHODS = { score_genes: 'scoreGenes', aucell: 'aucell', ucell: 'ucell' } as const;

/** An obs column's labels, or a usage error naming the available columns. */
function obsLabels(
  obs: Awaited<ReturnType<typeof readH5adObs>>,
  name: string,
  option: string,
): (string | null)[] {
  const column = obs.columns[name];
  if (column === undefined) {
    throw new TaceError(
      'COLUMN_NOT_FOUND',
      `the h5ad obs has no column '${name}' (columns: ${obs.columnOrder.join(', ')})`,
      {
        param: option,
        remedy: `name the obs column with ${option}`,
      },
    );
  }
  return columnLabels(column);
}

export const scScoreCommand: Command = {
  path: ['sc', 'score'],
  summary: 'Per-cell gene-set scores of an .h5ad in bounded memory; risk-group comparison per cell type',
  help: `Usage: tace sc score --h5ad <file> --out <table> [options]

Scores gene sets for every cell of an AnnData .h5ad file, reading the matrix in chunks of cells (memory
bounded by --chunk-size, whatever the file size): scanpy's score_genes (two passes), AUCell or UCell.
Writes one row per cell: cell (obs name), patient, cell_type (when those obs columns exist), then one
column per set. With --risk (a table of patient -> risk group), compares each set between risk groups
per cell type with patients as the unit: a pseudo-bulk score per patient x cell type (mean over at least
--min-cells cells), Wilcoxon rank-sum over patients, BH-adjusted across cell types.

Options:
  --h5ad <file>              AnnData file (.h5ad)                                         (required)
  --out <path>               per-cell scores table (.csv/.tsv/.arrow/.parquet)             (required)
  --signatures <gmt|bundled> gene sets (default: bundled: hypoxia, MYC, EMT, glycolysis, cytotoxicity)
  --method <m>               score_genes (default, scanpy tl.score_genes), aucell or ucell
  --matrix <m>               X (default), raw or layers/<name>
  --normalize                normalise raw counts per chunk first (counts per 10k + log1p)
  --chunk-size <n>           cells per chunk (default: 5000)
  --seed <int>               control-gene / tie-breaking seed (default: 2026)
  --patient-column <col>     obs column of the patient (default: patient)
  --cell-type-column <col>   obs column of the cell type (default: cell_type)
  --risk <table>             patient -> risk group table (e.g. from tace model validate)
  --risk-patient-column <c>  patient column of --risk (default: patient_id)
  --risk-group-column <c>    group column of --risk (default: risk_group)
  --groups <ref,cmp>         risk labels compared, reference first (default: low,high)
  --min-cells <n>            cells needed for a patient x cell type value (default: 10)
  --compare-out <path>       comparison table (default: <out>-by-risk.<ext>)

Example:
  tace sc score --h5ad tumour.h5ad --normalize --out cells.arrow --risk risk.csv --method ucell`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      h5ad: { type: 'string' },
      out: { type: 'string' },
      signatures: { type: 'string' },
      method: { type: 'string' },
      matrix: { type: 'string' },
      normalize: { type: 'boolean' },
      'chunk-size': { type: 'string' },
      seed: { type: 'string' },
      'patient-column': { type: 'string' },
      'cell-type-column': { type: 'string' },
      risk: { type: 'string' },
      'risk-patient-column': { type: 'string' },
      'risk-group-column': { type: 'string' },
      groups: { type: 'string' },
      'min-cells': { type: 'string' },
      'compare-out': { type: 'string' },
    });
    if (values.h5ad === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--h5ad and --out are required', {
        param: '--h5ad',
        remedy: 'see tace sc score --help',
      });
    }
    const methodName = values.method ?? 'score_genes';
    if (!(methodName in METHODS)) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--method must be score_genes, aucell or ucell, but was '${methodName}'`,
        {
          param: '--method',
        },
      );
    }
    const positive = (
      option: '--chunk-size' | '--min-cells',
      value: string | undefined,
      fallback: number,
    ) => {
      const n = Number(value ?? fallback);
      if (!Number.isInteger(n) || n < 1) {
        throw new TaceError('INVALID_ARGUMENT', `${option} must be a positive integer, but was '${value}'`, {
          param: option,
        });
      }
      return n;
    };
    const chunkSize = positive('--chunk-size', values['chunk-size'], 5000);
    const minCells = positive('--min-cells', values['min-cells'], 10);
    const groups = (values.groups ?? 'low,high').split(',').map((s) => s.trim());
    if (groups.length !== 2 || groups.some((g) => g === '')) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--groups must be two labels, reference first, but was '${values.groups}'`,
        {
          param: '--groups',
        },
      );
    }
    prepareOutputs(scoreOutputs(values.out, values['compare-out'], values.risk !== undefined, 'by-risk'));
    const sets = geneSetsOption(values.signatures);
    const obs = await readH5adObs(values.h5ad);
    const patientColumn = values['patient-column'] ?? 'patient';
    const cellTypeColumn = values['cell-type-column'] ?? 'cell_type';
    if (values.risk !== undefined) {
      // Fail before the (long) scoring pass when the comparison cannot be made.
      obsLabels(obs, patientColumn, '--patient-column');
      obsLabels(obs, cellTypeColumn, '--cell-type-column');
    }
    const bar = createProgressBar();
    const result = await scoreH5ad(values.h5ad, sets, {
      method: METHODS[methodName as keyof typeof METHODS],
      matrix: values.matrix ?? 'X',
      chunkSize,
      normalize: values.normalize ?? false,
      random: parseSeed(values.seed),
      onProgress: bar.update,
      onWarning: (message) => console.error(`warning: ${message}`),
    });
    bar.finish();
    const table: ColumnTable = { cell: obs.index };
    const patient = obs.columns[patientColumn] ? obsLabels(obs, patientColumn, '--patient-column') : null;
    const cellType = obs.columns[cellTypeColumn]
      ? obsLabels(obs, cellTypeColumn, '--cell-type-column')
      : null;
    if (patient !== null) table.patient = patient;
    if (cellType !== null) table.cell_type = cellType;
    Object.assign(table, result.scores);
    writeTable(table, values.out);
    for (const [set, genes] of Object.entries(result.missingGenes)) {
      if (genes.length > 0)
        console.error(`${set}: ${genes.length} of ${sets[set].length} genes not in the matrix`);
    }
    console.error(
      `${values.out}: ${result.nObs} cells x ${Object.keys(result.scores).length} sets (${methodName})`,
    );
    if (values.risk === undefined) return EXIT.ok;
    const risk = readGroupLabels(
      values.risk,
      values['risk-patient-column'] ?? 'patient_id',
      values['risk-group-column'] ?? 'risk_group',
    );
    const cells = {
      patient: patient ?? obsLabels(obs, patientColumn, '--patient-column'),
      cellType: cellType ?? obsLabels(obs, cellTypeColumn, '--cell-type-column'),
    };
    const signature: string[] = [];
    const columns = new Map<string, unknown[]>();
    let unmatched: string[] = [];
    for (const [set, scores] of Object.entries(result.scores)) {
      const comparison = compareByRiskGroup(scores, cells, risk, {
        minCells,
        groups: groups as [string, string],
      });
      unmatched = comparison.unmatchedPatients;
      signature.push(...comparison.tests.cellType.map(() => set));
      for (const [name, column] of Object.entries(comparison.tests)) {
        const values = columns.get(name) ?? [];
        values.push(...Array.from(column as ArrayLike<unknown>));
        columns.set(name, values);
      }
    }
    const compared: ColumnTable = { signature };
    for (const [name, column] of columns) {
      compared[name] = column.every((v) => typeof v === 'number')
        ? Float64Array.from(column as number[])
        : (column as string[]);
    }
    const path = values['compare-out'] ?? siblingPath(values.out, 'by-risk');
    writeTable(compared, path);
    if (unmatched.length > 0) {
      console.error(
        `${unmatched.length} patients of the h5ad have no risk group: ${unmatched.slice(0, 8).join(', ')}`,
      );
    }
    console.error(`${path}: ${groups[1]} vs ${groups[0]} per cell type (patients as the unit)`);
    return EXIT.ok;
  },
};
