export type { CohortImageRow, EmbedCohortOptions, EmbedProgress } from './embed-cohort.js';
export { embedCohort } from './embed-cohort.js';
export type { CoxHead, CoxHeadOptions } from './fit-cox-head.js';
export { coxHeadLogLik, fitCoxHead, predictCoxHead } from './fit-cox-head.js';
export { deepCohortRows } from './manifest-rows.js';
