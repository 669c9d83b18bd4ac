import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, writeTable } from '@tace/core';
import { writeNifti } from '@tace/imaging';
import type { SyntheticPatient } from './clinical-cohort.js';
import { syntheticCt } from './ct-volumes.js';

/** The clinical table of synthetic patients (one row each; OS in months). */
export function syntheticClinicalTable(patients: readonly SyntheticPatient[]): ColumnTable {
  const column = <K extends keyof SyntheticPatient>(key: K) => patients.map((p) => p[key]);
  return {
    patient_id: column('id'),
    centre: Float64Array.from(patients, (p) => p.centre),
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
    vascularInvasion: patients.map((p) => (p.vascularInvasion ? 1 : 0)),
    extrahepaticSpread: patients.map((p) => (p.extrahepaticSpread ? 1 : 0)),
    portalVeinThrombosis: patients.map((p) => (p.portalVeinThrombosis ? 1 : 0)),
    extentOver50: patients.map((p) => (p.extentOver50 ? 1 : 0)),
    os_months: Float64Array.from(patients, (p) => p.time),
    death: Float64Array.from(patients, (p) => p.event),
  };
}

/**
 * Writes a synthetic cohort to `dir`: `images/<id>_{arterial,portal}.nii.gz` and `<id>_mask.nii.gz`,
 * `manifest.csv` (patient_id, phase, image, mask; relative paths) and `clinical.csv`.
 * @returns the manifest and clinical paths.
 */
export function writeSyntheticCohort(
  dir: string,
  patients: readonly SyntheticPatient[],
): { manifest: string; clinical: string } {
  mkdirSync(join(dir, 'images'), { recursive: true });
  const manifest: ColumnTable = { patient_id: [], phase: [], image: [], mask: [] };
  for (const patient of patients) {
    const ct = syntheticCt(patient);
    const base = join('images', patient.id);
    writeNifti(join(dir, `${base}_arterial.nii.gz`), ct.arterial);
    writeNifti(join(dir, `${base}_portal.nii.gz`), ct.portalVenous);
    writeNifti(join(dir, `${base}_mask.nii.gz`), ct.mask);
    for (const phase of ['arterial', 'portal']) {
      (manifest.patient_id as string[]).push(patient.id);
      (manifest.phase as string[]).push(phase);
      (manifest.image as string[]).push(`${base}_${phase}.nii.gz`);
      (manifest.mask as string[]).push(`${base}_mask.nii.gz`);
    }
  }
  const paths = { manifest: join(dir, 'manifest.csv'), clinical: join(dir, 'clinical.csv') };
  writeTable(manifest, paths.manifest);
  writeTable(syntheticClinicalTable(patients), paths.clinical);
  return paths;
}
