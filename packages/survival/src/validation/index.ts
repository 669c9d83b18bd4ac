export type { BootstrapConcordanceOptions, BootstrapConcordanceResult } from './bootstrap-concordance.js';
export { bootstrapConcordance } from './bootstrap-concordance.js';
export type { CompareConcordanceResult } from './compare-concordance.js';
export { compareConcordance } from './compare-concordance.js';
