export type { CohortRole, SyntheticCohortOptions, SyntheticPatient } from './clinical-cohort.js';
export { syntheticClinicalCohort } from './clinical-cohort.js';
export type { CentreScanner, SyntheticCt } from './ct-volumes.js';
export { SYNTHETIC_GRID, SYNTHETIC_SCANNERS, syntheticCt } from './ct-volumes.js';
export type { ProgrammeEffect, SyntheticExpression } from './expression.js';
export { syntheticExpression } from './expression.js';
export type { SyntheticSingleCell } from './single-cell.js';
export { CYTOTOXIC_GENES, SYNTHETIC_CELL_TYPES, syntheticSingleCell } from './single-cell.js';
export { syntheticClinicalTable, writeSyntheticCohort } from './write-cohort.js';
