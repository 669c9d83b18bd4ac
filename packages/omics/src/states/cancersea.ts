import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TaceError } from '@tace/core';
import type { ExpressionMatrix } from '../expression/types.js';
import type { GeneSets } from '../genesets/types.js';
import { scoreGeneSets } from '../scoring/score-gene-sets.js';
import type { GeneSetScores, ScoreGeneSetsOptions } from '../scoring/types.js';

/**
 * The 14 functional states of CancerSEA (Yuan H et al. CancerSEA: a cancer single-cell state atlas. Nucleic
 * Acids Res 2019;47(D1):D900-D908, doi:10.1093/nar/gky939), with the file name of each state's signature on
 * the database's download page (http://biocc.hrbmu.edu.cn/CancerSEA/goDownload).
 */
export const CANCERSEA_STATES: readonly { state: string; file: string }[] = Object.freeze(
  [
    'Angiogenesis',
    'Apoptosis',
    'Cell_Cycle',
    'Differentiation',
    'DNA_damage',
    'DNA_repair',
    'EMT',
    'Hypoxia',
    'Inflammation',
    'Invasion',
    'Metastasis',
    'Proliferation',
    'Quiescence',
    'Stemness',
  ].map((state) => Object.freeze({ state, file: `${state}.txt` })),
);

/**
 * Reads the CancerSEA state signatures downloaded from the database into gene sets keyed by state
 * (`Cell_Cycle`, `DNA_damage`, ...). The lists are **not bundled**: CancerSEA states no licence or terms for
 * redistribution of its signature files, so each user downloads them (the 14 `<State>.txt` files of
 * goDownload, two tab-separated columns `EnsembleID` and `GeneName` with a header) and points this function at
 * their folder. States whose file is absent are listed in `missing`.
 * @param directory - folder holding the downloaded `<State>.txt` files.
 * @param column - which identifier to use: `'symbol'` (GeneName) or `'ensembl'` (EnsembleID). @default 'symbol'
 * @throws {TaceError} `IO_ERROR` when none of the 14 files is in the folder.
 * @example
 * ```ts
 * const { sets } = readCancerSea('data/cancersea');
 * const states = scoreCancerSeaStates(expr, sets);
 * ```
 */
export function readCancerSea(
  directory: string,
  column: 'symbol' | 'ensembl' = 'symbol',
): { sets: GeneSets; missing: string[] } {
  const sets: GeneSets = {};
  const missing: string[] = [];
  for (const { state, file } of CANCERSEA_STATES) {
    const path = join(directory, file);
    if (!existsSync(path)) {
      missing.push(state);
      continue;
    }
    const lines = readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const genes = lines.slice(1).map((l) => l.split('\t')[column === 'symbol' ? 1 : 0]?.trim() ?? '');
    sets[state] = [...new Set(genes.filter((g) => g !== ''))];
  }
  if (missing.length === CANCERSEA_STATES.length) {
    throw new TaceError('IO_ERROR', `no CancerSEA signature file (e.g. EMT.txt) in ${directory}`, {
      param: 'directory',
      remedy: 'download the 14 signature files from http://biocc.hrbmu.edu.cn/CancerSEA/goDownload',
    });
  }
  return { sets, missing };
}

/**
 * Scores CancerSEA functional states per sample with an existing gene-set method ({@link scoreGeneSets};
 * default ssGSEA as GSVA's `method = "ssgsea"`; `'gsva'`, `'zscore'`, `'singscore'` work too).
 * @throws {TaceError} as {@link scoreGeneSets}.
 * @example
 * ```ts
 * scoreCancerSeaStates(expr, readCancerSea('data/cancersea').sets).sets; // ['Angiogenesis', ...]
 * ```
 */
export function scoreCancerSeaStates(
  expression: ExpressionMatrix,
  sets: GeneSets,
  options: ScoreGeneSetsOptions = {},
): GeneSetScores {
  return scoreGeneSets(expression, sets, { method: 'ssgsea', ...options });
}
