import { TaceError } from '@tace/core';
import type { ManifestRow } from '../../cohort/manifest.js';
import type { Image } from '../../image/types.js';
import { readImage } from '../../io/read-image.js';
import { readRtstruct } from '../../io/rtstruct.js';
import type { PatientImages } from '../crop/prepare-samples.js';
import type { PreprocessingManifest } from '../model/manifest.js';
import type { CohortImageRow } from './embed-cohort.js';

/**
 * Turns the rows of a cohort manifest (`readManifest`: one row per patient and phase, columns `patient_id`,
 * `phase`, `image`, `mask`, `label`) into {@link embedCohort} rows, one per patient in order of first
 * appearance. Nothing is read here: each patient's `load` reads the phases the model's manifest names
 * (`readImage`) and the mask of the **first** phase's row, which must lie on that phase's grid. The `label`
 * column selects the ROI: a number keeps only that label of a label image (others set to 0); a name reads that ROI of an RTSTRUCT
 * (`readRtstruct` on the first phase's grid); empty keeps every non-zero label (or `maskLabel`).
 *
 * A patient without a row for a needed phase, or with two rows for one phase, fails at load time, so
 * `embedCohort` records it in its `error` column and carries on.
 *
 * @example
 * ```ts
 * const table = await embedCohort(deepCohortRows(readManifest('cohort.csv'), model.manifest), model);
 * ```
 */
export function deepCohortRows(
  rows: readonly ManifestRow[],
  manifest: PreprocessingManifest,
): CohortImageRow[] {
  return groupByPatient(rows).map(({ id, rows: patientRows }) => ({
    id,
    load: () => loadManifestPatient(id, patientRows, manifest),
  }));
}

/** Manifest rows grouped by patient, in order of first appearance. */
export function groupByPatient(rows: readonly ManifestRow[]): { id: string; rows: ManifestRow[] }[] {
  const byPatient = new Map<string, ManifestRow[]>();
  for (const row of rows) {
    const list = byPatient.get(row.patientId);
    if (list === undefined) byPatient.set(row.patientId, [row]);
    else list.push(row);
  }
  return [...byPatient].map(([id, patientRows]) => ({ id, rows: patientRows }));
}

/** Reads one patient's phases and mask as {@link deepCohortRows} describes. */
export function loadManifestPatient(
  id: string,
  rows: readonly ManifestRow[],
  manifest: PreprocessingManifest,
): PatientImages {
  const phaseRows = manifest.phases.map((phase) => {
    const matches = rows.filter((r) => r.phase === phase);
    if (matches.length !== 1) {
      const have = rows.map((r) => `'${r.phase}'`).join(', ');
      throw new TaceError(
        'INVALID_ARGUMENT',
        `patient ${id}: ${matches.length === 0 ? 'no' : matches.length} manifest rows for phase '${phase}' (phases: ${have})`,
        { param: 'phase', remedy: `give one row per patient for each of ${manifest.phases.join(', ')}` },
      );
    }
    return matches[0];
  });
  const phases: Record<string, Image> = {};
  manifest.phases.forEach((phase, p) => {
    phases[phase] = readImage(phaseRows[p].image);
  });
  const first = phaseRows[0];
  const reference = phases[manifest.phases[0]];
  let mask: Image;
  if (typeof first.label === 'string') mask = readRtstruct(first.mask, reference, { roi: first.label });
  else {
    mask = readImage(first.mask);
    const label = first.label;
    if (label !== null)
      mask = { ...mask, data: Uint8Array.from(mask.data, (v) => (v === label ? label : 0)) };
  }
  return { phases, mask };
}
