export type {
  BackwardSelectionOptions,
  BackwardSelectionResult,
  SelectionStep,
} from './backward-selection.js';
export { backwardSelection, coxAic, termWaldP } from './backward-selection.js';
export type { LateFusionOptions, ScoreModel } from './late-fusion.js';
export { lateFusion, scoreModelFromCox } from './late-fusion.js';
export type { Nomogram, NomogramAxis, NomogramOptions } from './nomogram.js';
export { nomogram } from './nomogram.js';
