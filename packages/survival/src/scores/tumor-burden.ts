import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

/**
 * Six-and-twelve score (Wang et al., J Hepatol 2019;70:893-903): largest tumour diameter (cm) + number of
 * tumours; strata `'<=6'`, `'>6-12'`, `'>12'`.
 * @example sixAndTwelve({ diameter: 5, number: 3 }) // { score: 8, grade: '>6-12' }
 */
export function sixAndTwelve(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const score = fields.diameterCm() + fields.tumorNumber();
  if (fields.missing.length > 0) return missingResult(fields.missing);
  return { score, grade: score <= 6 ? '<=6' : score <= 12 ? '>6-12' : '>12', missing: [] };
}

/**
 * Up-to-seven criterion (Mazzaferro et al., Lancet Oncol 2009;10:35-43; for TACE, Yamakado 2014): largest
 * tumour diameter (cm) + number of tumours; `'within'` when <= 7, else `'beyond'`.
 * @example upToSeven({ diameter: 4, number: 3 }) // { score: 7, grade: 'within' }
 */
export function upToSeven(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const score = fields.diameterCm() + fields.tumorNumber();
  if (fields.missing.length > 0) return missingResult(fields.missing);
  return { score, grade: score <= 7 ? 'within' : 'beyond', missing: [] };
}

/** Options for {@link tumorBurdenScore}. */
export interface TumorBurdenOptions extends ScoreOptions {
  /**
   * Zone cut-offs [low/medium, medium/high]: low < first, medium in [first, second), high >= second.
   * @default [3, 9] (Sasaki et al., Ann Surg 2018)
   */
  cutoffs?: [number, number];
}

/**
 * Tumour burden score (Sasaki et al., Ann Surg 2018;267:132-41): `TBS = sqrt(diameter^2 + number^2)`,
 * diameter of the largest tumour in cm; zones low / medium / high by `cutoffs`.
 * @example tumorBurdenScore({ diameter: 4, number: 3 }) // { score: 5, grade: 'medium' }
 */
export function tumorBurdenScore(patient: PatientFields, options: TumorBurdenOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const diameter = fields.diameterCm();
  const number = fields.tumorNumber();
  if (fields.missing.length > 0) return missingResult(fields.missing);
  const [low, high] = options.cutoffs ?? [3, 9];
  const score = Math.hypot(diameter, number);
  return { score, grade: score < low ? 'low' : score < high ? 'medium' : 'high', missing: [] };
}

/** Six-and-twelve as a {@link ClinicalScore}. */
export const sixAndTwelveScore: ClinicalScore = {
  name: 'sixAndTwelve',
  grades: ['<=6', '>6-12', '>12'],
  compute: sixAndTwelve,
};
/** Up-to-seven as a {@link ClinicalScore}. */
export const upToSevenScore: ClinicalScore = {
  name: 'upToSeven',
  grades: ['within', 'beyond'],
  compute: upToSeven,
};
/** Tumour burden score as a {@link ClinicalScore}. */
export const tumorBurdenScoreDefinition: ClinicalScore<TumorBurdenOptions> = {
  name: 'tumorBurdenScore',
  grades: ['low', 'medium', 'high'],
  compute: tumorBurdenScore,
};
