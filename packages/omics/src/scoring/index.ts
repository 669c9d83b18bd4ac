export type { ParallelScoringOptions } from './score-gene-sets.js';
export { scoreGeneSets, scoreGeneSetsParallel, setScores } from './score-gene-sets.js';
export { scoresTable } from './scores-table.js';
export type { GeneSetScores, KernelCdf, ScoreGeneSetsOptions, ScoringMethod, SetCoverage } from './types.js';
