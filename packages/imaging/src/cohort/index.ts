export { extractPatient, type PatientResult } from './cohort-task.js';
export { type CohortResult, type ExtractCohortOptions, extractCohort } from './extract-cohort.js';
export { type ManifestRow, readManifest } from './manifest.js';
