export type { AlbiOptions } from './albi.js';
export { albi, albiScore } from './albi.js';
export { art, artScore } from './art.js';
export type { BclcOptions } from './bclc.js';
export { bclc, bclcScore } from './bclc.js';
export { childPugh, childPughClassOf, childPughScore } from './child-pugh.js';
export { clip, clipScore, okuda, okudaScore } from './clip.js';
export { hap, hapScore, mhap2, mhap2Score } from './hap.js';
export type { LinearScoreDefinition, LinearScoreTerm } from './linear-score.js';
export { linearScore } from './linear-score.js';
export type { ScoreTableOptions, ScoreTableResult } from './score-table.js';
export { scoreTable } from './score-table.js';
export type { TumourBurdenOptions } from './tumour-burden.js';
export {
  sixAndTwelve,
  sixAndTwelveScore,
  tumourBurdenScore,
  tumourBurdenScoreDefinition,
  upToSeven,
  upToSevenScore,
} from './tumour-burden.js';
export type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult, ScoreUnits } from './types.js';
