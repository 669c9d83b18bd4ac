import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

/**
 * ART score (Assessment for Retreatment with TACE; Sieghart et al., Hepatology 2013;57:2261-73), assessed
 * before the second TACE: AST increase > 25% = 4 points; Child-Pugh score increase of 1 point = 1.5, of
 * >= 2 points = 3; absence of radiologic tumour response = 1. Grade `'0-1.5'` (retreat) or `'>=2.5'`.
 * Fields: `astIncrease` (relative: 0.3 = +30%), `childPughIncrease` (points), `radiologicResponse` (boolean).
 * @example art({ astIncrease: 0.3, childPughIncrease: 0, radiologicResponse: true }) // { score: 4, grade: '>=2.5' }
 */
export function art(patient: PatientFields, options: ScoreOptions = {}): ScoreResult {
  const fields = new FieldReader(patient, options.units);
  const ast = fields.number('astIncrease');
  const childPugh = fields.number('childPughIncrease');
  const response = fields.flag('radiologicResponse');
  if (fields.missing.length > 0) return missingResult(fields.missing);
  const score = (ast > 0.25 ? 4 : 0) + (childPugh >= 2 ? 3 : childPugh >= 1 ? 1.5 : 0) + (response ? 0 : 1);
  return { score, grade: score <= 1.5 ? '0-1.5' : '>=2.5', missing: [] };
}

/** ART as a {@link ClinicalScore}. */
export const artScore: ClinicalScore = { name: 'art', grades: ['0-1.5', '>=2.5'], compute: art };
