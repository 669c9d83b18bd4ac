export type { CohortImageRow, EmbedCohortOptions, EmbedProgress } from './embed-cohort.js';
export { embedCohort } from './embed-cohort.js';
export type { EmbedManifestOptions } from './embed-manifest.js';
export { embedManifest } from './embed-manifest.js';
export type { CoxHead, CoxHeadOptions } from './fit-cox-head.js';
export { coxHeadLogLik, fitCoxHead, predictCoxHead } from './fit-cox-head.js';
export { deepCohortRows, loadManifestPatient } from './manifest-rows.js';
export type { PreparedOrError } from './prepare-task.js';
export { preparePatientTask } from './prepare-task.js';
