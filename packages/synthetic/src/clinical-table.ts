import type { ColumnTable } from '@tace/core';
import type { SyntheticPatient } from './clinical-cohort.js';

/**
 * The clinical table of synthetic patients: one row each, keyed by `patient_id`; `center`, `cohort`, the
 * clinical variables, and overall survival as `os_months` and `death` (1 = death).
 * @example const table = syntheticClinicalTable(syntheticClinicalCohort({ seed: 1 }));
 */
export function syntheticClinicalTable(patients: readonly SyntheticPatient[]): ColumnTable {
  const column = <K extends keyof SyntheticPatient>(key: K) => patients.map((p) => p[key]);
  return {
    patient_id: column('id'),
    center: Float64Array.from(patients, (p) => p.center),
    cohort: column('cohort'),
    age: Float64Array.from(patients, (p) => p.age),
    sex: column('sex'),
    ecog: Float64Array.from(patients, (p) => p.ecog),
    bilirubin: Float64Array.from(patients, (p) => p.bilirubin),
    albumin: Float64Array.from(patients, (p) => p.albumin),
    inr: Float64Array.from(patients, (p) => p.inr),
    ascites: column('ascites'),
    encephalopathy: column('encephalopathy'),
    afp: Float64Array.from(patients, (p) => p.afp),
    diameter: Float64Array.from(patients, (p) => p.diameter),
    number: Float64Array.from(patients, (p) => p.number),
    vascularInvasion: Float64Array.from(patients, (p) => (p.vascularInvasion ? 1 : 0)),
    extrahepaticSpread: Float64Array.from(patients, (p) => (p.extrahepaticSpread ? 1 : 0)),
    portalVeinThrombosis: Float64Array.from(patients, (p) => (p.portalVeinThrombosis ? 1 : 0)),
    extentOver50: Float64Array.from(patients, (p) => (p.extentOver50 ? 1 : 0)),
    os_months: Float64Array.from(patients, (p) => p.time),
    death: Float64Array.from(patients, (p) => p.event),
  };
}
