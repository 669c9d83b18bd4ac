export { scoreGeneSets, setScores } from './score-gene-sets.js';
export type { GeneSetScores, KernelCdf, ScoreGeneSetsOptions, ScoringMethod, SetCoverage } from './types.js';
