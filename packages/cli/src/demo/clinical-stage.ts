import { type ColumnTable, getColumn, selectRows, stringColumn } from '@tace/core';
import { scoreTable } from '@tace/survival';
import { CLINICAL_SCORES } from '../commands/scores-clinical.js';

/** The clinical scores the demo compares with the CRM, by display name (score key in CLINICAL_SCORES). */
export const DEMO_CLINICAL_SCORES: Record<string, string> = {
  BCLC: 'bclc',
  'Child-Pugh': 'childPugh',
  ALBI: 'albi',
  HAP: 'hap',
  'mHAP-II': 'mhap2',
  'Six-and-twelve': 'sixAndTwelve',
  'Up-to-seven': 'upToSeven',
  TBS: 'tumorBurdenScore',
  CLIP: 'clip',
  Okuda: 'okuda',
};

/**
 * Adds every demo clinical score to a clinical table as `<key>_score` / `<key>_grade` (units: bilirubin
 * umol/L, albumin g/L, AFP ng/mL, diameter cm) and `log10_afp`; returns the missing counts per score.
 */
export function addClinicalScores(clinical: ColumnTable): {
  table: ColumnTable;
  missing: Record<string, number>;
} {
  const table: ColumnTable = { ...clinical };
  const missing: Record<string, number> = {};
  for (const key of Object.values(DEMO_CLINICAL_SCORES)) {
    const result = scoreTable(clinical, CLINICAL_SCORES[key]);
    table[`${key}_score`] = result.score;
    table[`${key}_grade`] = result.grade;
    missing[key] = result.missingCount;
  }
  table.log10_afp = Float64Array.from(getColumn(clinical, 'afp') as ArrayLike<number>, (v) =>
    Math.log10(Math.max(v, 1)),
  );
  return { table, missing };
}

/**
 * Left-joins feature tables onto a base table by patient id (`baseKey` in the base, `key` in each feature
 * table); patients without a feature row get NaN / null. Feature-table `error` columns are renamed
 * `<prefix>error`.
 */
export function joinByPatient(
  base: ColumnTable,
  baseKey: string,
  features: readonly { table: ColumnTable; key: string; prefix: string }[],
): ColumnTable {
  const ids = stringColumn(base, baseKey);
  const out: ColumnTable = { ...base };
  for (const { table, key, prefix } of features) {
    const index = new Map(stringColumn(table, key).map((id, i) => [id, i]));
    const rows = ids.map((id) => (id === null ? undefined : index.get(id)));
    for (const name of Object.keys(table)) {
      if (name === key) continue;
      const values = getColumn(table, name);
      const target = name === 'error' ? `${prefix}error` : name;
      if (ArrayBuffer.isView(values)) {
        out[target] = Float64Array.from(rows, (r) => (r === undefined ? Number.NaN : Number(values[r])));
      } else {
        out[target] = rows.map((r) => (r === undefined ? null : values[r]));
      }
    }
  }
  return out;
}

/** Splits a table into one table per value of a column (in first-appearance order). */
export function splitBy(table: ColumnTable, column: string): Map<string, ColumnTable> {
  const groups = new Map<string, number[]>();
  stringColumn(table, column).forEach((label, i) => {
    const rows = groups.get(label ?? '');
    if (rows === undefined) groups.set(label ?? '', [i]);
    else rows.push(i);
  });
  return new Map([...groups].map(([key, rows]) => [key, selectRows(table, rows)]));
}
