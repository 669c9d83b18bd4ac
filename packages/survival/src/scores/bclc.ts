import { TaceError } from '@tace/core';
import { resolveChildPughClass } from './child-pugh.js';
import { FieldReader, missingResult } from './fields.js';
import type { ClinicalScore, PatientFields, ScoreOptions, ScoreResult } from './types.js';

/** Options for {@link bclc}. */
export interface BclcOptions extends ScoreOptions {
  /**
   * `'2022'`: Reig et al., J Hepatol 2022;76:681-93 (liver function "preserved" vs "end-stage");
   * `'2018'`: the earlier Child-Pugh-based algorithm (EASL 2018 / Forner 2012: stage 0 needs Child-Pugh A,
   * stages 0-C need Child-Pugh A-B, Child-Pugh C is stage D).
   * @default '2022'
   */
  version?: '2022' | '2018';
}

const STAGES = ['0', 'A', 'B', 'C', 'D'] as const;

/**
 * BCLC stage. Fields: `ecog` (0-4), `number` of tumours, `diameter` of the largest (cm),
 * `vascularInvasion` and `extrahepaticSpread` (booleans), and liver function: in version 2022 the field
 * `liverFunction` (`'preserved' | 'end-stage'`) when recorded, otherwise Child-Pugh class C is taken as
 * end-stage (a proxy, as most cohorts record only Child-Pugh); in version 2018 the Child-Pugh class
 * (`childPughClass`, `childPughScore` or the five components).
 *
 * Algorithm: ECOG > 2 or end-stage liver function -> D; macrovascular invasion, extrahepatic spread or
 * ECOG 1-2 -> C; single tumour <= 2 cm (2018: < 2 cm and Child-Pugh A) -> 0; single tumour, or up to three
 * tumours all <= 3 cm -> A; otherwise -> B. The score is the stage's index (0 = stage 0 ... 4 = D).
 *
 * @example bclc({ ecog: 0, number: 1, diameter: 1.8, vascularInvasion: false, extrahepaticSpread: false, childPughClass: 'A' }) // '0'
 */
export function bclc(patient: PatientFields, options: BclcOptions = {}): ScoreResult {
  const version = options.version ?? '2022';
  if (version !== '2022' && version !== '2018') {
    throw new TaceError('INVALID_ARGUMENT', `version must be '2022' or '2018', but was '${version}'`, {
      param: 'version',
    });
  }
  const fields = new FieldReader(patient, options.units);
  const ecog = fields.ecog();
  let endStage: boolean | null;
  let childPughClass: string | null = null;
  if (version === '2022' && fields.has('liverFunction')) {
    const value = String(patient.liverFunction).trim().toLowerCase();
    if (value !== 'preserved' && value !== 'end-stage') {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `liverFunction must be 'preserved' or 'end-stage', but was '${value}'`,
        {
          param: 'liverFunction',
        },
      );
    }
    endStage = value === 'end-stage';
  } else {
    childPughClass = resolveChildPughClass(patient, fields, options);
    endStage = childPughClass === null ? null : childPughClass === 'C';
  }
  // Stage D and C are decided before the tumour fields are needed.
  if (ecog > 2 || endStage === true) return stage('D');
  const vascular = fields.flag('vascularInvasion');
  const spread = fields.flag('extrahepaticSpread');
  const advanced = vascular === true || spread === true || ecog === 1 || ecog === 2;
  // Stage C needs ECOG and liver function known (either could still make it D).
  if (advanced && !Number.isNaN(ecog) && endStage !== null) return stage('C');
  const number = fields.tumorNumber();
  const diameter = fields.diameterCm();
  if (fields.missing.length > 0) return missingResult(fields.missing);
  if (number === 1) {
    const veryEarly = version === '2022' ? diameter <= 2 : diameter < 2 && childPughClass === 'A';
    return stage(veryEarly ? '0' : 'A');
  }
  if (number <= 3 && diameter <= 3) return stage('A');
  return stage('B');
}

function stage(label: (typeof STAGES)[number]): ScoreResult {
  return { score: STAGES.indexOf(label), grade: label, missing: [] };
}

/** BCLC as a {@link ClinicalScore}. */
export const bclcScore: ClinicalScore<BclcOptions> = { name: 'bclc', grades: STAGES, compute: bclc };
