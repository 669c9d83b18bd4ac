export { columnMeans, rowMeansOver, toCsr } from './matrix.js';
export {
  numpyChoiceWithoutReplacement,
  numpyPermutation,
  numpyRandomInterval,
  numpyRandomState,
} from './numpy-random.js';
export type { ControlGeneSelection, ScoreGenesOptions, ScoreGenesResult } from './score-genes.js';
export { scoreGenes, selectControlGenes } from './score-genes.js';
