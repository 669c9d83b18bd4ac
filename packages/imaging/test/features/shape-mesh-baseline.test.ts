import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { describe, expect, it } from 'vitest';
import { harmonizedTriangleTable } from '../../src/features/shape/marching-cubes-cases.js';
import { meshAreaVolume } from '../../src/features/shape/mesh.js';
import { padMask } from '../../src/features/shape/shape.js';
import { extractFeatures, readNrrd } from '../../src/index.js';
import { baselineSettings, readBaseline } from '../extract/baseline.js';

// Mesh features (marching cubes with each surface patch split as when it is alone) against PyRadiomics'
// baseline_shape.csv (PyRadiomics 2.0.1 / 2.1.0). Tolerance: 1e-6 relative, except brain1 (1e-3): its
// baseline was made by PyRadiomics 2.0.1b1, whose table lacked the fifth triangle (edges 5 7 0) of case 62
// (corners 1-5 inside), present in later versions; the last test shows that this is the whole difference.
const TOLERANCE: Record<string, number> = { brain1: 1e-3 };
const DIR = 'radiomics/pyradiomics';
const root = sharedDataPath(DIR);
const MESH = ['MeshVolume', 'SurfaceArea', 'SurfaceVolumeRatio', 'Sphericity'];

describe.skipIf(root === null)(
  `mesh features vs PyRadiomics ${root === null ? sharedDataSkipMessage(DIR) : ''}`,
  () => {
    const baseline = root === null ? {} : readBaseline(`${root}/baseline/baseline_shape.csv`);
    for (const [column, row] of Object.entries(baseline)) {
      const caseName = column.split('_')[0]!;
      if (!['brain1', 'brain2', 'breast1'].includes(caseName)) continue;
      it(`${column}: MeshVolume, SurfaceArea, SurfaceVolumeRatio, Sphericity to ${TOLERANCE[column] ?? 1e-6} relative`, () => {
        const image = readNrrd(`${root}/${caseName}_image.nrrd`);
        const mask = readNrrd(`${root}/${caseName}_label.nrrd`);
        const { features } = extractFeatures(image, mask, {
          setting: baselineSettings(row),
          featureClass: { shape: null },
        });
        const rel = (name: string): number => {
          const expected = Number(row[`original_shape_${name}`]);
          return Math.abs(features[`original_shape_${name}`]! - expected) / Math.abs(expected);
        };
        console.log(`${column}: ${MESH.map((name) => `${name} ${rel(name).toExponential(2)}`).join(', ')}`);
        for (const name of MESH)
          expect(rel(name), `${column} ${name}`).toBeLessThanOrEqual(TOLERANCE[column] ?? 1e-6);
      });
    }
  },
);

describe.skipIf(root === null)('brain1 baseline (PyRadiomics 2.0.1b1)', () => {
  it('equals this mesh without triangle 5 7 0 of case 62 to 1e-9 relative (area and volume)', () => {
    const mask = readNrrd(`${root}/brain1_label.nrrd`);
    const [nx, ny, nz] = mask.size;
    const lower = [nx, ny, nz];
    const upper = [-1, -1, -1];
    for (let k = 0; k < nz; k++) {
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          if (mask.data[i + nx * (j + ny * k)] !== 1) continue;
          [i, j, k].forEach((p, d) => {
            lower[d] = Math.min(lower[d]!, p);
            upper[d] = Math.max(upper[d]!, p);
          });
        }
      }
    }
    const size = [0, 1, 2].map((d) => upper[d]! - lower[d]! + 1) as [number, number, number];
    const crop = new Uint8Array(size[0] * size[1] * size[2]);
    for (let k = 0; k < size[2]; k++) {
      for (let j = 0; j < size[1]; j++) {
        for (let i = 0; i < size[0]; i++) {
          const from = lower[0]! + i + nx * (lower[1]! + j + ny * (lower[2]! + k));
          crop[i + size[0] * (j + size[1] * k)] = mask.data[from] === 1 ? 1 : 0;
        }
      }
    }
    const table = harmonizedTriangleTable();
    const case62 = Array.from(table[62]!);
    const at = [0, 3, 6, 9, 12].find((t) => [0, 5, 7].every((e) => case62.slice(t, t + 3).includes(e)))!;
    case62.splice(at, 3);
    table[62] = Int8Array.from(case62);
    const grid = {
      data: padMask(crop, size),
      size: size.map((n) => n + 2) as [number, number, number],
      spacing: mask.spacing,
    };
    const old = meshAreaVolume(grid, [0, 0, 0], table);
    const row = root === null ? {} : readBaseline(`${root}/baseline/baseline_shape.csv`).brain1!;
    const area = Number(row.original_shape_SurfaceArea);
    const volume = Number(row.original_shape_MeshVolume);
    expect(Math.abs(old.surfaceArea - area) / area).toBeLessThan(1e-9);
    expect(Math.abs(old.volume - volume) / volume).toBeLessThan(1e-9);
  });
});
