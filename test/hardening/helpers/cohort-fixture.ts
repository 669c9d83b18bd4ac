import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Image } from '@tace/imaging';
import { writeNifti } from '@tace/imaging';
import { tumorPhantom } from '@tace/synthetic';

/**
 * A small CT-like volume (14 x 14 x 8 voxels of 0.8 x 0.8 x 2 mm, Int16) with a spherical "tumor" of radius `r`
 * voxels (z stretched 1.5x) and a deterministic texture; deterministic in `k`.
 */
export function patientVolumes(k: number, r = 3): { ct: Image; mask: Image } {
  const { image, mask } = tumorPhantom({
    size: [14, 14, 8],
    spacing: [0.8, 0.8, 2],
    center: [7, 7, 4],
    centerSpace: 'index',
    indexScale: [1, 1, 1.5],
    radius: r,
    background: 20,
    tumor: 60 + 7 * k,
    noise: (_region, x, y, z) => (x * 31 + y * 17 + z * 13 + k * 5) % 23,
    ArrayType: Int16Array,
  });
  return { ct: image, mask };
}

/**
 * Writes `count` patients (NIfTI CT + mask) and a manifest `cohort.csv` into `dir`; the patients listed in
 * `corrupt` get a truncated CT file. Returns the manifest path and the patient ids.
 */
export function writeCohort(
  dir: string,
  count: number,
  corrupt: number[] = [],
): { manifest: string; ids: string[] } {
  mkdirSync(dir, { recursive: true });
  const ids: string[] = [];
  const lines = ['patient_id,phase,image,mask'];
  for (let k = 0; k < count; k++) {
    const id = `P${String(k + 1).padStart(3, '0')}`;
    ids.push(id);
    const { ct, mask } = patientVolumes(k);
    writeNifti(join(dir, `${id}_ct.nii`), ct);
    writeNifti(join(dir, `${id}_mask.nii`), mask);
    if (corrupt.includes(k)) writeFileSync(join(dir, `${id}_ct.nii`), new Uint8Array(200));
    lines.push(`${id},arterial,${id}_ct.nii,${id}_mask.nii`);
  }
  const manifest = join(dir, 'cohort.csv');
  writeFileSync(manifest, `${lines.join('\n')}\n`);
  return { manifest, ids };
}
