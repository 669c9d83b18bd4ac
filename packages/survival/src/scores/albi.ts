import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

/** Options for {@link albi}. */
export interface AlbiOptions extends ScoreOptions {
  /**
   * `'albi'`: grades 1-3 (Johnson 2015). `'malbi'`: grade 2 split at -2.27 into 2a/2b (Hiraoka 2017).
   * @default 'albi'
   */
  gradeSystem?: 'albi' | 'malbi';
}

/**
 * ALBI (albumin-bilirubin) score and grade (Johnson et al., J Clin Oncol 2015;33:550-8):
 * `ALBI = 0.66 * log10(bilirubin [µmol/L]) - 0.085 * albumin [g/L]`;
 * grade 1 if <= -2.60, grade 2 if in (-2.60, -1.39], grade 3 if > -1.39.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` when a value is implausible for its unit (e.g. albumin 3.5 as g/L).
 * @example albi({ bilirubin: 10, albumin: 40 }) // { score: -2.74, grade: '1', missing: [] }
 */
export function albi(patient: PatientFields, options: AlbiOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const bilirubin = fields.bilirubinUmol();
  const albumin = fields.albuminGramsPerLiter();
  if (fields.missing.length > 0) return missingResult(fields.missing);
  const score = 0.66 * Math.log10(bilirubin) - 0.085 * albumin;
  let grade: string;
  if (score <= -2.6) grade = '1';
  else if (score > -1.39) grade = '3';
  else if (options.gradeSystem === 'malbi') grade = score <= -2.27 ? '2a' : '2b';
  else grade = '2';
  return { score, grade, missing: [] };
}

/** The ALBI score as a {@link ClinicalScore} (grades '1', '2', '3'; with mALBI '2a', '2b'). */
export const albiScore: ClinicalScore<AlbiOptions> = {
  name: 'albi',
  grades: ['1', '2', '2a', '2b', '3'],
  compute: albi,
};
