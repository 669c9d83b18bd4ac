export type { ConcordanceOptions, ConcordanceResult } from './concordance.js';
export { concordance } from './concordance.js';
