import { createRng, type Rng, randomNormal } from '@tace/core';
import type { Image } from '@tace/imaging';
import type { SyntheticPatient } from './clinical-cohort.js';

/** Scanner/center effects applied to a center's synthetic CTs. */
export interface CenterScanner {
  /** Voxel spacing (mm) of the center's reconstructions. */
  spacing: [number, number, number];
  /** Additive HU offset (calibration difference). */
  offset: number;
  /** Standard deviation (HU) of the white scanner noise. */
  noise: number;
}

/**
 * The three synthetic centers: different spacing, calibration and noise, as real multicenter CT.
 * @example const { spacing } = SYNTHETIC_SCANNERS[patient.center - 1];
 */
export const SYNTHETIC_SCANNERS: readonly CenterScanner[] = [
  { spacing: [3, 3, 5], offset: 0, noise: 10 },
  { spacing: [2.8, 2.8, 5], offset: 8, noise: 14 },
  { spacing: [3.2, 3.2, 5], offset: -6, noise: 8 },
];

/**
 * Grid size of every synthetic CT (x, y, z).
 * @example const [nx, ny, nz] = SYNTHETIC_GRID; // 64 x 64 x 24
 */
export const SYNTHETIC_GRID: [number, number, number] = [64, 64, 24];

/** The two contrast phases and the tumor mask of one synthetic patient, on one grid. */
export interface SyntheticCt {
  arterial: Image;
  portalVenous: Image;
  mask: Image;
}

/**
 * Draws a patient's arterial and portal-venous CT (HU, Int16) and the index-tumor mask. The liver is an
 * ellipsoid (arterial 70 HU, portal-venous 110 HU) in soft tissue; the index tumor is a sphere of the
 * patient's diameter (capped at 11 cm) with arterial hyper-enhancement and portal-venous wash-out, a
 * necrotic core (15 HU) of radius `necrosis x radius`, and a smooth heterogeneity field of amplitude
 * `heterogeneity`; further tumors are small spheres outside the mask. Center effects from
 * {@link SYNTHETIC_SCANNERS}. Deterministic given `patient.imageSeed`.
 *
 * @example
 * ```ts
 * const [patient] = syntheticClinicalCohort({ seed: 1, patientsPerCenter: [1, 0, 0] });
 * const { arterial, portalVenous, mask } = syntheticCt(patient);
 * ```
 */
export function syntheticCt(patient: SyntheticPatient): SyntheticCt {
  const rng = createRng(patient.imageSeed);
  const scanner = SYNTHETIC_SCANNERS[patient.center - 1];
  const [nx, ny, nz] = SYNTHETIC_GRID;
  const [sx, sy, sz] = scanner.spacing;
  const n = nx * ny * nz;
  const center: [number, number, number] = [(nx - 1) / 2, (ny - 1) / 2, (nz - 1) / 2];
  const liverAxes = [80, 62, 48];
  const radius = Math.min(55, (patient.diameter * 10) / 2);
  // Tumor center: inside the liver, shifted at random but keeping the tumor mostly within the liver.
  const room = liverAxes.map((a) => Math.max(0, a - radius) * 0.5);
  const tumorCenter = [
    (rng.nextFloat() * 2 - 1) * room[0],
    (rng.nextFloat() * 2 - 1) * room[1],
    (rng.nextFloat() * 2 - 1) * room[2],
  ];
  const satellites: number[][] = [];
  for (let s = 1; s < patient.number; s++) {
    satellites.push([
      (rng.nextFloat() * 2 - 1) * liverAxes[0] * 0.7,
      (rng.nextFloat() * 2 - 1) * liverAxes[1] * 0.7,
      (rng.nextFloat() * 2 - 1) * liverAxes[2] * 0.7,
      5 + rng.nextFloat() * 6,
    ]);
  }
  const texture = smoothNoise(rng, nx, ny, nz);
  const arterial = new Int16Array(n);
  const portal = new Int16Array(n);
  const mask = new Uint8Array(n);
  const viableArterial = 100 + 8 * patient.aggressiveness;
  const necroticRadius = radius * patient.necrosis;
  for (let k = 0, index = 0; k < nz; k++) {
    const z = (k - center[2]) * sz;
    for (let j = 0; j < ny; j++) {
      const y = (j - center[1]) * sy;
      for (let i = 0; i < nx; i++, index++) {
        const x = (i - center[0]) * sx;
        let a = 45;
        let p = 60;
        const liver = (x / liverAxes[0]) ** 2 + (y / liverAxes[1]) ** 2 + (z / liverAxes[2]) ** 2 <= 1;
        if (liver) {
          a = 70;
          p = 110;
        }
        for (const [cx, cy, cz, r] of satellites) {
          if ((x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2 <= r * r) {
            a = viableArterial;
            p = 80;
          }
        }
        const d = Math.sqrt(
          (x - tumorCenter[0]) ** 2 + (y - tumorCenter[1]) ** 2 + (z - tumorCenter[2]) ** 2,
        );
        if (d <= radius) {
          mask[index] = 1;
          const field = patient.heterogeneity * texture[index];
          if (d <= necroticRadius) {
            a = 15 + 0.3 * field;
            p = 15 + 0.3 * field;
          } else {
            a = viableArterial + field;
            p = 78 + 0.7 * field;
          }
        }
        arterial[index] = Math.round(a + scanner.offset + scanner.noise * randomNormal(rng));
        portal[index] = Math.round(p + scanner.offset + scanner.noise * randomNormal(rng));
      }
    }
  }
  const geometry = {
    size: [nx, ny, nz] as [number, number, number],
    spacing: [sx, sy, sz] as [number, number, number],
    origin: [-center[0] * sx, -center[1] * sy, -center[2] * sz] as [number, number, number],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'],
  };
  return {
    arterial: { data: arterial, ...geometry },
    portalVenous: { data: portal, ...geometry },
    mask: { data: mask, ...geometry },
  };
}

/** Unit-variance smooth noise: white noise blurred by a separable 3-voxel box filter applied twice. */
function smoothNoise(rng: Rng, nx: number, ny: number, nz: number): Float32Array {
  const n = nx * ny * nz;
  let a = new Float32Array(n);
  let b = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = randomNormal(rng);
  const strides = [1, nx, nx * ny];
  const sizes = [nx, ny, nz];
  for (let pass = 0; pass < 2; pass++) {
    for (let axis = 0; axis < 3; axis++) {
      const stride = strides[axis];
      for (let index = 0; index < n; index++) {
        const coordinate = Math.floor(index / stride) % sizes[axis];
        let sum = a[index];
        let count = 1;
        if (coordinate > 0) {
          sum += a[index - stride];
          count++;
        }
        if (coordinate < sizes[axis] - 1) {
          sum += a[index + stride];
          count++;
        }
        b[index] = sum / count;
      }
      [a, b] = [b, a];
    }
  }
  let sumSquares = 0;
  for (let i = 0; i < n; i++) sumSquares += a[i] * a[i];
  const scale = 1 / Math.sqrt(sumSquares / n);
  for (let i = 0; i < n; i++) a[i] *= scale;
  return a;
}
