import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ColumnTable, writeTable } from '@tace/core';
import { writeNifti } from '@tace/imaging';
import type { SyntheticPatient } from './clinical-cohort.js';
import { syntheticClinicalTable } from './clinical-table.js';
import { syntheticCt } from './ct-volumes.js';

/**
 * Writes a synthetic cohort to `dir`: `images/<id>_{arterial,portal}.nii.gz` and `<id>_mask.nii.gz`,
 * `manifest.csv` (patient_id, phase, image, mask; relative paths) and `clinical.csv`.
 * @returns the manifest and clinical paths.
 * @example const { manifest, clinical } = writeSyntheticCohort('cohort', syntheticClinicalCohort({ seed: 1 }));
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
