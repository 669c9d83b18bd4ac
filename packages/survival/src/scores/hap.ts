import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

const HAP_GRADES = ['A', 'B', 'C', 'D'] as const;

function hapPoints(fields: FieldReader): number {
  const albumin = fields.albuminGramsPerLiter();
  const afp = fields.number('afp');
  const bilirubin = fields.bilirubinUmol();
  const diameter = fields.diameterCm();
  return (albumin < 36 ? 1 : 0) + (afp > 400 ? 1 : 0) + (bilirubin > 17 ? 1 : 0) + (diameter > 7 ? 1 : 0);
}

/**
 * HAP score (hepatoma arterial-embolisation prognostic score; Kadalayil et al., Ann Oncol 2013;24:2565-70):
 * one point each for albumin < 36 g/L, AFP > 400 ng/mL, bilirubin > 17 µmol/L, largest tumour > 7 cm.
 * HAP A = 0, B = 1, C = 2, D > 2 points.
 * @example hap({ albumin: 30, afp: 500, bilirubin: 10, diameter: 5 }) // { score: 2, grade: 'C' }
 */
export function hap(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const score = hapPoints(fields);
  if (fields.missing.length > 0) return missingResult(fields.missing);
  return { score, grade: HAP_GRADES[Math.min(score, 3)], missing: [] };
}

/**
 * mHAP-II score (Park et al., Liver Int 2016;36:100-7): the HAP points plus one point for multiple tumours
 * (`number` > 1). mHAP-II A = 0, B = 1, C = 2, D >= 3 points.
 * @example mhap2({ albumin: 40, afp: 5, bilirubin: 10, diameter: 3, number: 2 }) // { score: 1, grade: 'B' }
 */
export function mhap2(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const score = hapPoints(fields) + (fields.tumorNumber() > 1 ? 1 : 0);
  if (fields.missing.length > 0) return missingResult(fields.missing);
  return { score, grade: HAP_GRADES[Math.min(score, 3)], missing: [] };
}

/** HAP as a {@link ClinicalScore}. */
export const hapScore: ClinicalScore = { name: 'hap', grades: HAP_GRADES, compute: hap };
/** mHAP-II as a {@link ClinicalScore}. */
export const mhap2Score: ClinicalScore = { name: 'mhap2', grades: HAP_GRADES, compute: mhap2 };
