import { TaceError } from '@tace/core';
import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

const UMOL_PER_MG = 17.1;

function ascitesPoints(value: string | boolean): number {
  if (value === false) return 1;
  if (value === true) return 2;
  const v = value.toLowerCase();
  if (v === 'none' || v === 'absent' || v === 'no' || v === '0') return 1;
  if (v === 'mild' || v === 'slight' || v === 'controlled') return 2;
  if (v === 'moderate-severe' || v === 'moderate' || v === 'severe' || v === 'refractory') return 3;
  throw new TaceError(
    'INVALID_ARGUMENT',
    `ascites must be 'none', 'mild' or 'moderate-severe', but was '${value}'`,
    {
      param: 'ascites',
    },
  );
}

function encephalopathyPoints(value: string): number {
  const v = value.toLowerCase().replace(/\s/g, '');
  if (v === 'none' || v === 'absent' || v === 'no' || v === '0') return 1;
  if (v === 'grade1-2' || v === '1-2' || v === 'mild' || v === '1' || v === '2') return 2;
  if (v === 'grade3-4' || v === '3-4' || v === 'severe' || v === '3' || v === '4') return 3;
  throw new TaceError(
    'INVALID_ARGUMENT',
    `encephalopathy must be 'none', 'grade1-2' or 'grade3-4', but was '${value}'`,
    { param: 'encephalopathy' },
  );
}

/**
 * Child-Pugh score (5-15) and class (Pugh et al., Br J Surg 1973): points 1/2/3 for
 * bilirubin < 2, 2-3, > 3 mg/dL (µmol/L / 17.1); albumin > 35, 28-35, < 28 g/L; INR < 1.7, 1.7-2.3, > 2.3;
 * ascites none / mild / moderate-severe; encephalopathy none / grade 1-2 / grade 3-4.
 * Class A 5-6, B 7-9, C 10-15.
 *
 * @throws {TaceError} `INVALID_ARGUMENT` for an unknown ascites/encephalopathy label or implausible value.
 * @example childPugh({ bilirubin: 20, albumin: 38, inr: 1.1, ascites: 'none', encephalopathy: 'none' }) // 5, 'A'
 */
export function childPugh(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const bilirubin = fields.bilirubinUmol() / UMOL_PER_MG;
  const albumin = fields.albuminGramsPerLiter();
  const inr = fields.number('inr');
  const ascitesValue = patient.ascites;
  const ascites = typeof ascitesValue === 'boolean' ? ascitesValue : fields.text('ascites');
  const encephalopathy = fields.text('encephalopathy');
  if (fields.missing.length > 0 || ascites === null || encephalopathy === null)
    return missingResult(fields.missing);
  const score =
    (bilirubin < 2 ? 1 : bilirubin <= 3 ? 2 : 3) +
    (albumin > 35 ? 1 : albumin >= 28 ? 2 : 3) +
    (inr < 1.7 ? 1 : inr <= 2.3 ? 2 : 3) +
    ascitesPoints(ascites) +
    encephalopathyPoints(encephalopathy);
  return { score, grade: childPughClassOf(score), missing: [] };
}

/** Child-Pugh class of a score: A (5-6), B (7-9), C (10-15). */
export function childPughClassOf(score: number): 'A' | 'B' | 'C' {
  if (!Number.isInteger(score) || score < 5 || score > 15) {
    throw new TaceError('INVALID_ARGUMENT', `Child-Pugh score must be an integer 5-15, but was ${score}`, {
      param: 'childPughScore',
    });
  }
  return score <= 6 ? 'A' : score <= 9 ? 'B' : 'C';
}

/**
 * The Child-Pugh class a score needs, from whatever the patient record holds: `childPughClass` if given,
 * else `childPughScore`, else the five components. Returns null (and records the missing field) otherwise.
 */
export function resolveChildPughClass(
  patient: PatientFields,
  fields: FieldReader,
  options: ScoreOptions,
): string | null {
  if (fields.has('childPughClass')) {
    const value = String(patient.childPughClass).trim().toUpperCase();
    if (value !== 'A' && value !== 'B' && value !== 'C') {
      throw new TaceError('INVALID_ARGUMENT', `childPughClass must be 'A', 'B' or 'C', but was '${value}'`, {
        param: 'childPughClass',
      });
    }
    return value;
  }
  if (fields.has('childPughScore')) return childPughClassOf(Number(patient.childPughScore));
  const full = childPugh(patient, options);
  if (full.grade === null) {
    fields.missing.push('childPughClass');
    return null;
  }
  return full.grade;
}

/** The Child-Pugh score as a {@link ClinicalScore}. */
export const childPughScore: ClinicalScore = {
  name: 'childPugh',
  grades: ['A', 'B', 'C'],
  compute: childPugh,
};
