import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { readExpressionMatrix } from '../../src/expression/index.js';
import type { GeneSetScores } from '../../src/scoring/index.js';

export const gsvaFixtureDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'r-gsva');

/** A GSVA score table written by make-fixtures.R: sets in rows, samples in columns. */
export interface ReferenceScores {
  sets: string[];
  samples: string[];
  rows: Float64Array[];
}

export function readReferenceScores(file: string): ReferenceScores {
  const m = readExpressionMatrix(join(gsvaFixtureDir, file), { orientation: 'genes-in-rows' });
  const rows = m.genes.map((_, k) => Float64Array.from(m.samples, (_, s) => m.data[s * m.genes.length + k]));
  return { sets: m.genes, samples: m.samples, rows };
}

/** Largest absolute difference between our scores and R's, after checking names and order. */
export function maxAbsDifference(
  ours: GeneSetScores,
  reference: ReferenceScores,
  alignSign = false,
  skip: readonly string[] = [],
): number {
  expect(ours.sets).toEqual(reference.sets);
  expect(ours.samples).toEqual(reference.samples);
  const nSets = ours.sets.length;
  let worst = 0;
  reference.rows.forEach((row, k) => {
    if (skip.includes(reference.sets[k])) return;
    let sign = 1;
    if (alignSign) {
      let dot = 0;
      for (let s = 0; s < row.length; s++) dot += row[s] * ours.data[s * nSets + k];
      sign = dot < 0 ? -1 : 1;
    }
    for (let s = 0; s < row.length; s++) {
      worst = Math.max(worst, Math.abs(sign * ours.data[s * nSets + k] - row[s]));
    }
  });
  return worst;
}

export function fixtureText(file: string): string {
  return readFileSync(join(gsvaFixtureDir, file), 'utf8');
}
