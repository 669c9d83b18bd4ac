import { type ColumnTable, readTable, TaceError, writeTable } from '@tace/core';
import {
  albiScore,
  artScore,
  bclcScore,
  type ClinicalScore,
  childPughScore,
  clipScore,
  hapScore,
  mhap2Score,
  okudaScore,
  type ScoreUnits,
  scoreTable,
  sixAndTwelveScore,
  tumorBurdenScoreDefinition,
  upToSevenScore,
} from '@tace/survival';
import { parseCommandArguments } from './arguments.js';
import { type Command, EXIT } from './command.js';
import { prepareOutputs } from './outputs.js';

/** The clinical scores the CLI knows, by name. */
export const CLINICAL_SCORES: Record<string, ClinicalScore> = {
  albi: albiScore,
  childPugh: childPughScore,
  hap: hapScore,
  mhap2: mhap2Score,
  sixAndTwelve: sixAndTwelveScore,
  upToSeven: upToSevenScore,
  tumorBurdenScore: tumorBurdenScoreDefinition,
  bclc: bclcScore as ClinicalScore,
  clip: clipScore,
  okuda: okudaScore,
  art: artScore,
};

/** Parses `a=b,c=d` into an object. */
export function parsePairs(value: string | undefined, option: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined || value === '') return out;
  for (const pair of value.split(',')) {
    const [key, ...rest] = pair.split('=');
    if (!key || rest.length === 0) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `${option} takes name=value pairs separated by commas, but got '${pair}'`,
        {
          param: option,
        },
      );
    }
    out[key.trim()] = rest.join('=').trim();
  }
  return out;
}

/** Computes the requested scores on a clinical table; returns the output table and per-score missing counts. */
export function clinicalScoresTable(
  table: ColumnTable,
  names: string[],
  options: {
    columns?: Record<string, string>;
    units?: ScoreUnits;
    bclcVersion?: '2022' | '2018';
    idColumn?: string;
  },
): { table: ColumnTable; missing: Record<string, { count: number; byField: Record<string, number> }> } {
  const out: ColumnTable = {};
  if (options.idColumn !== undefined) out[options.idColumn] = table[options.idColumn];
  const missing: Record<string, { count: number; byField: Record<string, number> }> = {};
  for (const name of names) {
    const score = CLINICAL_SCORES[name];
    if (score === undefined) {
      throw new TaceError('INVALID_ARGUMENT', `unknown score '${name}'`, {
        param: '--scores',
        remedy: `use some of: ${Object.keys(CLINICAL_SCORES).join(', ')}`,
      });
    }
    const result = scoreTable(table, score, {
      columns: options.columns,
      scoreOptions: {
        units: options.units,
        ...(name === 'bclc' ? { version: options.bclcVersion ?? '2022' } : {}),
      },
    });
    out[`${name}_score`] = result.score;
    out[`${name}_grade`] = result.grade;
    missing[name] = { count: result.missingCount, byField: result.missingByField };
  }
  return { table: out, missing };
}

export const scoresClinicalCommand: Command = {
  path: ['scores', 'clinical'],
  summary: 'Compute TACE clinical scores (ALBI, Child-Pugh, HAP, BCLC, CLIP, ...) for a clinical table',
  help: `Usage: tace scores clinical --input <table> --out <table> [options]

Computes clinical scores per patient and writes <score>_score and <score>_grade columns.
A patient lacking a required field gets an empty score (counted and reported), never zero.

Options:
  --input <path>       clinical table (.csv, .tsv, .arrow, .parquet)               (required)
  --out <path>         output table; format from the extension                      (required)
  --scores <list>      comma-separated: ${Object.keys(CLINICAL_SCORES).join(', ')}
                       (default: all)
  --map <pairs>        field=column pairs for columns named differently,
                       e.g. bilirubin=TBIL,albumin=ALB,diameter=Tr_Size
  --units <pairs>      bilirubin=umol/L|mg/dL, albumin=g/L|g/dL, diameter=cm|mm
                       (defaults: umol/L, g/L, cm)
  --bclc-version <v>   2022 (default) or 2018
  --id <column>        patient id column copied to the output (default: id if present)

Fields: bilirubin, albumin, inr, ascites, encephalopathy, afp, diameter, number, extentOver50,
portalVeinThrombosis, vascularInvasion, extrahepaticSpread, ecog, childPughClass, ...

Example:
  tace scores clinical --input clinical.csv --out scores.csv --scores albi,bclc --map bilirubin=TBIL`,
  async run(args) {
    const { values } = parseCommandArguments(args, {
      input: { type: 'string' },
      out: { type: 'string' },
      scores: { type: 'string' },
      map: { type: 'string' },
      units: { type: 'string' },
      'bclc-version': { type: 'string' },
      id: { type: 'string' },
    });
    if (values.input === undefined || values.out === undefined) {
      throw new TaceError('INVALID_ARGUMENT', '--input and --out are required', { param: '--input' });
    }
    prepareOutputs([{ option: '--out', path: values.out, kind: 'file' }]);
    const table = readTable(values.input);
    const bclcVersion = values['bclc-version'] ?? '2022';
    if (bclcVersion !== '2022' && bclcVersion !== '2018') {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `--bclc-version must be 2022 or 2018, but was '${bclcVersion}'`,
        {
          param: '--bclc-version',
        },
      );
    }
    const idColumn = values.id ?? ('id' in table ? 'id' : undefined);
    const names = values.scores
      ? values.scores.split(',').map((s) => s.trim())
      : Object.keys(CLINICAL_SCORES);
    const result = clinicalScoresTable(table, names, {
      columns: parsePairs(values.map, '--map'),
      units: parsePairs(values.units, '--units') as ScoreUnits,
      bclcVersion,
      idColumn,
    });
    writeTable(result.table, values.out);
    for (const [name, { count, byField }] of Object.entries(result.missing)) {
      const fields = Object.entries(byField)
        .map(([f, c]) => `${f} ${c}`)
        .join(', ');
      console.error(
        `${name}: ${count === 0 ? 'computed for every patient' : `missing for ${count} patients (${fields})`}`,
      );
    }
    return EXIT.ok;
  },
};
