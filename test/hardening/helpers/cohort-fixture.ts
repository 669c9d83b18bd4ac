import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Image } from '@tace/imaging';
import { writeNifti } from '@tace/imaging';

/** A small CT-like volume with a spherical "tumour" of radius `r` voxels; deterministic in `k`. */
export function patientVolumes(k: number, r = 3): { ct: Image; mask: Image } {
  const size: [number, number, number] = [14, 14, 8];
  const n = size[0] * size[1] * size[2];
  const ct = new Int16Array(n);
  const mask = new Uint8Array(n);
  for (let z = 0; z < size[2]; z++) {
    for (let y = 0; y < size[1]; y++) {
      for (let x = 0; x < size[0]; x++) {
        const i = x + size[0] * (y + size[1] * z);
        const inside = (x - 7) ** 2 + (y - 7) ** 2 + ((z - 4) * 1.5) ** 2 <= r * r;
        mask[i] = inside ? 1 : 0;
        ct[i] = (inside ? 60 + 7 * k : 20) + ((x * 31 + y * 17 + z * 13 + k * 5) % 23);
      }
    }
  }
  const geometry = {
    size,
    spacing: [0.8, 0.8, 2] as [number, number, number],
    origin: [0, 0, 0] as [number, number, number],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'],
  };
  return { ct: { ...geometry, data: ct }, mask: { ...geometry, data: mask } };
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
