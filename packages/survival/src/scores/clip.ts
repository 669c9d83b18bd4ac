import { resolveChildPughClass } from './child-pugh.js';
import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

/**
 * CLIP score (Cancer of the Liver Italian Program, Hepatology 1998;28:751-5), 0-6:
 * Child-Pugh A / B / C = 0 / 1 / 2; tumour morphology uninodular and extension <= 50% = 0, multinodular
 * and <= 50% = 1, massive or > 50% = 2; AFP < 400 / >= 400 ng/mL = 0 / 1; portal vein thrombosis no / yes
 * = 0 / 1. Fields: Child-Pugh (class, score or components), `number` of tumours, `extentOver50`, optional
 * `massive` (boolean), `afp`, `portalVeinThrombosis`. The grade is the score as text.
 * @example clip({ childPughClass: 'B', number: 2, extentOver50: false, afp: 500, portalVeinThrombosis: false }) // 3
 */
export function clip(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const childPughClass = resolveChildPughClass(patient, fields, options);
  const number = fields.tumorNumber();
  const extentOver50 = fields.flag('extentOver50');
  const massive = fields.has('massive') ? fields.flag('massive') : false;
  const afp = fields.number('afp');
  const thrombosis = fields.flag('portalVeinThrombosis');
  if (fields.missing.length > 0 || childPughClass === null) return missingResult(fields.missing);
  const morphology = massive || extentOver50 ? 2 : number > 1 ? 1 : 0;
  const score =
    (childPughClass === 'A' ? 0 : childPughClass === 'B' ? 1 : 2) +
    morphology +
    (afp >= 400 ? 1 : 0) +
    (thrombosis ? 1 : 0);
  return { score, grade: String(score), missing: [] };
}

/**
 * Okuda stage (Okuda et al., Cancer 1985;56:918-28): one point each for tumour extent > 50% of the liver,
 * ascites present, albumin < 30 g/L, bilirubin > 3 mg/dL (51.3 µmol/L). Stage I = 0, II = 1-2, III = 3-4.
 * @example okuda({ extentOver50: true, ascites: false, albumin: 35, bilirubin: 20 }) // { score: 1, grade: 'II' }
 */
export function okuda(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const extent = fields.flag('extentOver50');
  const ascitesValue = patient.ascites;
  const ascites =
    typeof ascitesValue === 'string' &&
    !['0', '1', 'yes', 'no', 'true', 'false'].includes(ascitesValue.toLowerCase())
      ? !['none', 'absent'].includes(ascitesValue.toLowerCase())
      : fields.flag('ascites');
  const albumin = fields.albuminGramsPerLiter();
  const bilirubin = fields.bilirubinUmol();
  if (fields.missing.length > 0) return missingResult(fields.missing);
  const score =
    (extent ? 1 : 0) + (ascites ? 1 : 0) + (albumin < 30 ? 1 : 0) + (bilirubin > 3 * 17.1 ? 1 : 0);
  return { score, grade: score === 0 ? 'I' : score <= 2 ? 'II' : 'III', missing: [] };
}

/** CLIP as a {@link ClinicalScore}. */
export const clipScore: ClinicalScore = {
  name: 'clip',
  grades: ['0', '1', '2', '3', '4', '5', '6'],
  compute: clip,
};
/** Okuda as a {@link ClinicalScore}. */
export const okudaScore: ClinicalScore = { name: 'okuda', grades: ['I', 'II', 'III'], compute: okuda };
