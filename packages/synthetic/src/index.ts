// @tace/synthetic: seeded synthetic data for the demo, tests, examples and benchmarks. Not real patients.
export type { CohortRole, SyntheticCohortOptions, SyntheticPatient } from './clinical-cohort.js';
export { syntheticClinicalCohort } from './clinical-cohort.js';
export { syntheticClinicalTable } from './clinical-table.js';
export type { CenterScanner, SyntheticCt } from './ct-volumes.js';
export { SYNTHETIC_GRID, SYNTHETIC_SCANNERS, syntheticCt } from './ct-volumes.js';
export type { ProgramEffect, SyntheticExpression, SyntheticExpressionOptions } from './expression.js';
export { syntheticExpression } from './expression.js';
export type { VoxelArrayConstructor } from './image-from-function.js';
export { imageFromFunction, maskFromFunction } from './image-from-function.js';
export type { LcgNoiseOptions, NormalNoiseOptions, PhantomRegion, VoxelNoise } from './noise.js';
export { lcgNoise, normalNoise } from './noise.js';
export type { SyntheticSingleCell, SyntheticSingleCellOptions } from './single-cell.js';
export { CYTOTOXIC_GENES, SYNTHETIC_CELL_TYPES, syntheticSingleCell } from './single-cell.js';
export type { SparseCountBlock, SparseCountOptions } from './sparse-counts.js';
export { sparseCountBlocks } from './sparse-counts.js';
export type { TumorPhantom, TumorPhantomOptions } from './tumor-phantom.js';
export { tumorPhantom } from './tumor-phantom.js';
export { writeSyntheticCohort } from './write-cohort.js';
