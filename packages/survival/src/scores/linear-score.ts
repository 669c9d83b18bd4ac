import { TaceError } from '@tace/core';
import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreResult } from './types.js';

/** One term of a published linear score: `coefficient * transform(field)`. */
export interface LinearScoreTerm {
  /** Field name in the patient record. */
  field: string;
  /** The published coefficient. */
  coefficient: number;
  /**
   * How the field enters: `'identity'` (as is), `'log'` (natural log), `'log10'`, `'sqrt'`, or
   * `{ above: c }` / `{ below: c }` for an indicator (1 when field > c / < c).
   * @default 'identity'
   */
  transform?: 'identity' | 'log' | 'log10' | 'sqrt' | { above: number } | { below: number };
}

/** Definition of a published linear score whose coefficients the user supplies. */
export interface LinearScoreDefinition {
  /** Name of the score (e.g. `'mHAP-III'`). */
  name: string;
  /** The terms; their coefficients must come from the publication, verified by the user. */
  terms: LinearScoreTerm[];
  /** Increasing cut-offs that split the score into `labels.length` groups (group i: score <= cutoffs[i]). */
  cutoffs: number[];
  /** Group labels, one more than `cutoffs`. */
  labels: string[];
}

/**
 * Builds a clinical score from published coefficients supplied by the user. Scores whose coefficients
 * this project could not verify from the primary publication (mHAP-III, Pinato 2016; pre-TACE-predict, Han
 * 2019) are deliberately not hard-coded: pass their terms here.
 * @throws {TaceError} `INVALID_ARGUMENT` when cut-offs are not increasing or labels do not fit.
 * @example
 * ```ts
 * const score = linearScore({ name: 'my score', terms: [{ field: 'afp', coefficient: 0.3, transform: 'log' }],
 *   cutoffs: [1], labels: ['low', 'high'] });
 * score.compute({ afp: 20 });
 * ```
 */
export function linearScore(definition: LinearScoreDefinition): ClinicalScore {
  const { cutoffs, labels, terms } = definition;
  if (labels.length !== cutoffs.length + 1) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `labels needs ${cutoffs.length + 1} entries, one more than cutoffs`,
      {
        param: 'labels',
      },
    );
  }
  for (let i = 1; i < cutoffs.length; i++) {
    if (!(cutoffs[i] > cutoffs[i - 1])) {
      throw new TaceError('INVALID_ARGUMENT', 'cutoffs must be strictly increasing', { param: 'cutoffs' });
    }
  }
  for (const term of terms) {
    if (!Number.isFinite(term.coefficient)) {
      throw new TaceError('INVALID_ARGUMENT', `coefficient of '${term.field}' must be finite`, {
        param: 'terms',
      });
    }
  }
  const compute = (patient: PatientFields): ScoreResult => {
    const fields = new FieldReader(patient);
    let score = 0;
    for (const term of terms) {
      const x = fields.number(term.field);
      score += term.coefficient * transform(x, term.transform ?? 'identity');
    }
    if (fields.missing.length > 0) return missingResult(fields.missing);
    let group = 0;
    while (group < cutoffs.length && score > cutoffs[group]) group++;
    return { score, grade: labels[group], missing: [] };
  };
  return { name: definition.name, grades: labels, compute };
}

function transform(x: number, how: NonNullable<LinearScoreTerm['transform']>): number {
  if (how === 'identity') return x;
  if (how === 'log') return Math.log(x);
  if (how === 'log10') return Math.log10(x);
  if (how === 'sqrt') return Math.sqrt(x);
  if ('above' in how) return x > how.above ? 1 : 0;
  return x < how.below ? 1 : 0;
}
