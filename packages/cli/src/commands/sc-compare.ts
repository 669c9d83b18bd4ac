import { type ColumnTable, readTable, stringColumn, TaceError, writeTable } from '@tace/core';
import { compareCellTypes } from '@tace/omics';
import { parseCommandArguments } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { readGroupLabels, siblingPath } from './omics-score.js';
import { prepareOutputs } from './outputs.js';

export const scCompareCommand: Command = {
  path: ['sc', 'compare'],
  summary:
    'Per-cell-type risk-group comparison of single-cell scores, patients as the unit, every cell type reported',
  help: `Usage: tace sc compare --scores <table> --risk <table> --out <table> [options]

Compares per-cell signature scores (the table written by tace sc score: one row per cell with patient,
cell_type and one column per signature) between patient risk groups within every cell type, with the
patient as the unit: the mean score of each patient's cells of a type (at least --min-cells cells) is one
value, groups of patients are compared by Wilcoxon rank-sum, BH-adjusted across cell types. Every cell type
is reported with its cells and patients; cell types left out (too few cells or patients) are listed with
the reason in the coverage table and on stderr.

Options:
  --scores <path>            per-cell scores table (tace sc score --out)                    (required)
  --risk <table>             patient -> risk group table                                     (required)
  --out <path>               tests table: signature x cell type                              (required)
  --signatures <a,b>         score columns to compare (default: every numeric column)
  --patient-column <col>     patient column of --scores (default: patient)
  --cell-type-column <col>   cell-type column of --scores (default: cell_type)
  --risk-patient-column <c>  patient column of --risk (default: patient_id)
  --risk-group-column <c>    group column of --risk (default: risk_group)
  --groups <ref,cmp>         risk labels compared, reference first (default: low,high)
  --min-cells <n>            cells needed for a patient x cell type value (default: 3)
  --min-patients <n>         patients needed per group to test a cell type (default: 2)
  --aggregate <a>            mean (default) or median of a patient's cells
  --coverage-out <path>      every cell type with cells, patients, tested, reason (default: <out>-coverage)
  --dots-out <path>          dot-plot data: signature x cell type x group (default: <out>-dots)

Example:
  tace sc compare --scores cells.csv --risk risk.csv --out by-cell-type.csv`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      scores: { type: 'string' },
      risk: { type: 'string' },
      out: { type: 'string' },
      signatures: { type: 'string' },
      'patient-column': { type: 'string' },
      'cell-type-column': { type: 'string' },
      'risk-patient-column': { type: 'string' },
      'risk-group-column': { type: 'string' },
      groups: { type: 'string' },
      'min-cells': { type: 'string' },
      'min-patients': { type: 'string' },
      aggregate: { type: 'string' },
      'coverage-out': { type: 'string' },
      'dots-out': { type: 'string' },
    });
    if (values.scores === undefined || values.risk === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--scores, --risk and --out are required', {
        param: '--scores',
        remedy: 'see tace sc compare --help',
      });
    }
    const positive = (option: string, value: string | undefined, fallback: number) => {
      const n = value === undefined ? fallback : Number(value);
      if (!Number.isInteger(n) || n < 1) {
        throw new TaceError('INVALID_ARGUMENT', `${option} must be a positive integer, but was '${value}'`, {
          param: option,
        });
      }
      return n;
    };
    const minCells = positive('--min-cells', values['min-cells'], 3);
    const minPatients = positive('--min-patients', values['min-patients'], 2);
    const aggregate = values.aggregate ?? 'mean';
    if (aggregate !== 'mean' && aggregate !== 'median') {
      throw new TaceError('INVALID_ARGUMENT', `--aggregate must be mean or median, but was '${aggregate}'`, {
        param: '--aggregate',
      });
    }
    const groups = (values.groups ?? 'low,high').split(',');
    if (groups.length !== 2) {
      throw new TaceError('INVALID_ARGUMENT', `--groups must be two labels 'reference,comparison'`, {
        param: '--groups',
      });
    }
    const coverageOut = values['coverage-out'] ?? siblingPath(values.out, 'coverage');
    const dotsOut = values['dots-out'] ?? siblingPath(values.out, 'dots');
    prepareOutputs([
      { option: '--out', path: values.out, kind: 'file' },
      { option: '--coverage-out', path: coverageOut, kind: 'file' },
      { option: '--dots-out', path: dotsOut, kind: 'file' },
    ]);
    const table = readTable(values.scores);
    const patientColumn = values['patient-column'] ?? 'patient';
    const cellTypeColumn = values['cell-type-column'] ?? 'cell_type';
    const cells = {
      patient: stringColumn(table, patientColumn),
      cellType: stringColumn(table, cellTypeColumn),
    };
    const numeric = Object.keys(table).filter((name) => {
      if (name === patientColumn || name === cellTypeColumn) return false;
      const column = table[name] as ArrayLike<unknown>;
      return (
        column instanceof Float64Array || column instanceof Float32Array || typeof column[0] === 'number'
      );
    });
    const signatures = values.signatures?.split(',') ?? numeric;
    const scores: Record<string, ArrayLike<number>> = {};
    for (const name of signatures) {
      if (table[name] === undefined) {
        throw new TaceError('COLUMN_NOT_FOUND', `the scores table has no column '${name}'`, {
          param: '--signatures',
          remedy: `use some of ${numeric.join(', ')}`,
        });
      }
      scores[name] = Float64Array.from(table[name] as ArrayLike<number>, Number);
    }
    const risk = readGroupLabels(
      values.risk,
      values['risk-patient-column'] ?? 'patient_id',
      values['risk-group-column'] ?? 'risk_group',
    );
    const result = compareCellTypes(scores, cells, risk, {
      minCells,
      minPatients,
      groups: groups as [string, string],
      aggregate,
    });
    const tests: Record<string, unknown[]> = { signature: [] };
    for (const [signature, comparison] of Object.entries(result.bySignature)) {
      tests.signature.push(...comparison.tests.cellType.map(() => signature));
      for (const [name, column] of Object.entries(comparison.tests)) {
        tests[name] = [...(tests[name] ?? []), ...Array.from(column as ArrayLike<unknown>)];
      }
    }
    const out: ColumnTable = {};
    for (const [name, column] of Object.entries(tests)) {
      out[name] = column.every((v) => typeof v === 'number')
        ? Float64Array.from(column as number[])
        : (column as string[]);
    }
    writeTable(out, values.out);
    writeTable(
      {
        cellType: result.coverage.map((c) => c.cellType),
        nCells: Float64Array.from(result.coverage, (c) => c.nCells),
        [`nPatients_${groups[0]}`]: Float64Array.from(result.coverage, (c) => c.nPatients[0]),
        [`nPatients_${groups[1]}`]: Float64Array.from(result.coverage, (c) => c.nPatients[1]),
        [`nUnits_${groups[0]}`]: Float64Array.from(result.coverage, (c) => c.nUnits[0]),
        [`nUnits_${groups[1]}`]: Float64Array.from(result.coverage, (c) => c.nUnits[1]),
        tested: result.coverage.map((c) => (c.tested ? 'yes' : 'no')),
        reason: result.coverage.map((c) => c.reason),
      },
      coverageOut,
    );
    writeTable(
      {
        signature: result.dots.map((d) => d.signature),
        cellType: result.dots.map((d) => d.cellType),
        group: result.dots.map((d) => d.group),
        meanScore: Float64Array.from(result.dots, (d) => d.meanScore),
        nPatients: Float64Array.from(result.dots, (d) => d.nPatients),
        nCells: Float64Array.from(result.dots, (d) => d.nCells),
      },
      dotsOut,
    );
    for (const w of result.warnings) console.error(`WARNING: ${w}`);
    const tested = result.coverage.filter((c) => c.tested).length;
    console.error(
      `${values.out}: ${signatures.length} signatures x ${tested} cell types tested (${result.leftOut.length} left out, see ${coverageOut}); ${groups[1]} vs ${groups[0]}, patients as the unit`,
    );
    return EXIT.ok;
  },
};
