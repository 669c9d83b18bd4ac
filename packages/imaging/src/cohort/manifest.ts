import { dirname, isAbsolute, resolve } from 'node:path';
import { readTable, TaceError } from '@tace/core';

/** One row of a cohort manifest: a patient's image and mask for one phase. */
export interface ManifestRow {
  /** Patient identifier (column `patient_id`, or `id`). */
  patientId: string;
  /** Imaging phase, e.g. `arterial`, `portal` (column `phase`; '' when absent). */
  phase: string;
  /** Image path: NIfTI, NRRD or a DICOM folder (column `image`). Relative paths are relative to the manifest. */
  image: string;
  /** Mask path: label image, or an RTSTRUCT file (column `mask`). */
  mask: string;
  /** ROI label in the mask, or null for the settings' label (column `label`, optional). For an RTSTRUCT, an ROI name. */
  label: number | string | null;
}

function column(table: Record<string, ArrayLike<unknown>>, names: string[], required: boolean, path: string) {
  for (const name of names) if (name in table) return table[name]!;
  if (!required) return null;
  throw new TaceError('COLUMN_NOT_FOUND', `${path}: the manifest has no column ${names.join(' or ')}`, {
    param: names[0]!,
    remedy: 'use the columns patient_id, phase, image, mask and optionally label',
  });
}

/**
 * Reads a cohort manifest (CSV/TSV/Arrow/Parquet through core `readTable`) with columns `patient_id` (or
 * `id`), `phase` (optional), `image`, `mask`, `label` (optional). Relative paths are resolved against the
 * manifest's folder.
 * @throws {TaceError} `COLUMN_NOT_FOUND` for a missing column, `MISSING_VALUE` for an empty id or path.
 * @example const rows = readManifest('cohort/manifest.csv');
 */
export function readManifest(path: string): ManifestRow[] {
  const table = readTable(path, {
    columnTypes: { patient_id: 'string', id: 'string', phase: 'string', image: 'string', mask: 'string' },
  });
  const ids = column(table, ['patient_id', 'id'], true, path)!;
  const phases = column(table, ['phase'], false, path);
  const images = column(table, ['image'], true, path)!;
  const masks = column(table, ['mask'], true, path)!;
  const labels = column(table, ['label'], false, path);
  const base = dirname(resolve(path));
  const rows: ManifestRow[] = [];
  for (let r = 0; r < ids.length; r++) {
    const id = ids[r];
    const image = images[r];
    const mask = masks[r];
    if (
      id === null ||
      id === undefined ||
      image === null ||
      mask === null ||
      image === undefined ||
      mask === undefined
    ) {
      throw new TaceError('MISSING_VALUE', `${path}: row ${r + 1} lacks a patient id, image or mask`, {
        param: 'manifest',
      });
    }
    const rawLabel = labels?.[r];
    const label =
      rawLabel === null || rawLabel === undefined || (typeof rawLabel === 'number' && Number.isNaN(rawLabel))
        ? null
        : typeof rawLabel === 'number' || /^-?\d+$/.test(String(rawLabel))
          ? Number(rawLabel)
          : String(rawLabel);
    rows.push({
      patientId: String(id),
      phase: phases?.[r] === null || phases?.[r] === undefined ? '' : String(phases[r]),
      image: isAbsolute(String(image)) ? String(image) : resolve(base, String(image)),
      mask: isAbsolute(String(mask)) ? String(mask) : resolve(base, String(mask)),
      label,
    });
  }
  return rows;
}
