import type { ColumnTable } from '@tace/core';
import type { GeneSetScores } from './types.js';

/**
 * Scores as a tidy column table, one row per sample: `sample`, then one numeric column per scored set
 * (ready for core `writeTable` or a join with a clinical table by sample id).
 * @example
 * ```ts
 * writeTable(scoresTable(scoreGeneSets(expr, sets, { method: 'ssgsea' })), 'scores.csv');
 * ```
 */
export function scoresTable(scores: GeneSetScores): ColumnTable {
  const nSets = scores.sets.length;
  const table: ColumnTable = { sample: [...scores.samples] };
  scores.sets.forEach((set, k) => {
    table[set] = Float64Array.from(scores.samples, (_, s) => scores.data[s * nSets + k]);
  });
  return table;
}
