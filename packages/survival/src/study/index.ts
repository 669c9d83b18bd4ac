export type {
  CompareStudyModelsOptions,
  StudyClinicalScore,
  StudyCohort,
  StudyComparison,
} from './compare-study-models.js';
export { compareStudyModels } from './compare-study-models.js';
export type { HarmoniseOptions } from './harmonise.js';
export { harmoniseCohorts } from './harmonise.js';
export type { BuildSignatureOptions, SignaturePipelineResult } from './signature-pipeline.js';
export { buildSignature, scoreRows } from './signature-pipeline.js';
