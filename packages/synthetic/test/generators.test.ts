// The generators' values are pinned: they were checked bit for bit against the generators they replace
// (cli/src/synthetic, the imaging tests' two-phase patient, the deep-learning benchmark's phase, the
// example scripts' case and matrix, the hardening cohort, the gene-set and single-cell benchmarks).
import { createRng } from '@tace/core';
import { describe, expect, it } from 'vitest';
import {
  imageFromFunction,
  lcgNoise,
  maskFromFunction,
  normalNoise,
  sparseCountBlocks,
  syntheticClinicalCohort,
  syntheticClinicalTable,
  syntheticCt,
  syntheticExpression,
  syntheticSingleCell,
  tumorPhantom,
} from '../src/index.js';

const sum = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

describe('syntheticClinicalCohort(options)', () => {
  const patients = syntheticClinicalCohort({ seed: 1, patientsPerCenter: [5, 2, 2] });

  it('draws the same patients for the same seed', () => {
    expect(patients).toHaveLength(9);
    expect(patients[0]).toMatchObject({
      id: 'C1-001',
      center: 1,
      cohort: 'training',
      imageSeed: 107922,
      age: 65,
      bilirubin: 10.4,
      albumin: 40.7,
      afp: 720.1,
      diameter: 3.8,
      number: 2,
      time: 3.04,
      event: 1,
    });
    expect(patients[0].aggressiveness).toBe(0.8161680722567173);
    expect(syntheticClinicalCohort({ seed: 1, patientsPerCenter: [5, 2, 2] })).toEqual(patients);
  });

  it('syntheticClinicalTable(patients) has one row per patient keyed by patient_id, with center', () => {
    const table = syntheticClinicalTable(patients);
    expect(table.patient_id).toEqual(patients.map((p) => p.id));
    expect(Array.from(table.center as Float64Array)).toEqual([1, 1, 1, 1, 1, 2, 2, 3, 3]);
    expect(Object.keys(table)).toContain('os_months');
    expect(Object.keys(table)).not.toContain('centre');
  });

  it('syntheticCt(patient) is deterministic in the patient', () => {
    const ct = syntheticCt(patients[0]);
    expect(ct.arterial.size).toEqual([64, 64, 24]);
    expect([sum(ct.arterial.data), sum(ct.portalVenous.data), sum(ct.mask.data)]).toEqual([
      4995409, 6978769, 642,
    ]);
  });
});

describe('tumorPhantom(options)', () => {
  it('reproduces the two-phase LCG patient of the imaging tests', () => {
    const noise = lcgNoise(3, { amplitude: 20 });
    const { image, mask } = tumorPhantom({
      size: [28, 26, 12],
      spacing: [1.5, 1.5, 3],
      center: [23, 18, 15],
      radius: 9,
      background: 60,
      tumor: 140,
      noise,
    });
    expect([sum(image.data), sum(mask.data), image.data[100]]).toEqual([
      557832.4151954651, 432, 61.87823486328125,
    ]);
  });

  it('reproduces the example case (index-space center, open sphere, necrotic core, core RNG noise)', () => {
    const { image, mask } = tumorPhantom({
      size: [64, 64, 24],
      spacing: [0.8, 0.8, 2.5],
      center: [32, 30, 12],
      centerSpace: 'index',
      radius: 14,
      closed: false,
      background: 60,
      tumor: 95,
      core: { radius: 5, value: 20 },
      noise: normalNoise(7, { sd: 10, tumorSd: 18 }),
    });
    expect([sum(image.data), sum(mask.data), image.data[0]]).toEqual([
      6126780.635824888, 7255, 43.822696685791016,
    ]);
  });

  it('without noise holds exactly the region values, and the mask marks the tumor', () => {
    const { image, mask } = tumorPhantom({
      size: [9, 9, 9],
      center: [4, 4, 4],
      radius: 2,
      background: 10,
      tumor: 50,
      ArrayType: Int16Array,
    });
    expect(image.data).toBeInstanceOf(Int16Array);
    const center = 4 + 9 * (4 + 9 * 4);
    expect([image.data[center], mask.data[center], image.data[0], mask.data[0]]).toEqual([50, 1, 10, 0]);
    // closed ball of radius 2 on a 1 mm grid: 33 voxels
    expect(sum(mask.data)).toBe(33);
  });

  it('lcgNoise(seed, { integerBits }) returns integers below 2^bits', () => {
    const noise = lcgNoise(1, { integerBits: 5 });
    const values = Array.from({ length: 200 }, () => noise('background', 0, 0, 0));
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < 32)).toBe(true);
  });
});

describe('imageFromFunction(size, value, geometry) and maskFromFunction(image, inside)', () => {
  it('passes the LPS point of each voxel and keeps the geometry', () => {
    const image = imageFromFunction([3, 2, 2], (_i, _j, _k, p) => p[0] + 10 * p[1] + 100 * p[2], {
      spacing: [2, 1, 1],
      origin: [1, 0, 0],
    });
    expect(Array.from(image.data.slice(0, 4))).toEqual([1, 3, 5, 11]);
    const mask = maskFromFunction(image, (i) => i === 1);
    expect(mask.data).toBeInstanceOf(Uint8Array);
    expect(mask.spacing).toEqual([2, 1, 1]);
    expect(sum(mask.data)).toBe(4);
  });
});

describe('syntheticExpression(samples, options) and single-cell counts', () => {
  const patients = syntheticClinicalCohort({ seed: 1, patientsPerCenter: [5, 2, 2] });

  it('returns a genes x samples column-major matrix with names', () => {
    const e = syntheticExpression(patients, {
      seed: 7,
      programs: [{ genes: ['A', 'B', 'C'], effect: 0.5 }],
      background: 20,
    });
    expect([e.rows, e.columns, e.genes.length, e.samples.length]).toEqual([23, 9, 23, 9]);
    expect(e.genes.slice(0, 4)).toEqual(['A', 'B', 'C', 'BG0001']);
    expect([sum(e.data), e.data[0]]).toEqual([1230.6066226796288, 1.5849772401193025]);
  });

  it('continues a shared generator and rounds to `digits` when asked', () => {
    const rng = createRng(3);
    const e = syntheticExpression([{ id: 'S1' }, { id: 'S2' }], {
      seed: rng,
      background: 5,
      digits: 3,
      nonNegative: false,
    });
    for (const v of e.data) expect(Math.round(v * 1000) / 1000).toBe(v);
    const next = syntheticExpression([{ id: 'S1' }], { seed: rng, background: 5 });
    const fresh = syntheticExpression([{ id: 'S1' }], { seed: 3, background: 5 });
    expect(next.data).not.toEqual(fresh.data);
  });

  it('syntheticSingleCell and sparseCountBlocks are deterministic for a seed', () => {
    const sc = syntheticSingleCell(patients.slice(0, 2), ['H1', 'H2'], {
      seed: 5,
      cellsPerPatient: 10,
      background: 20,
    });
    expect([sc.cells.length, sc.data.length, sum(sc.data), sc.cellType[0]]).toEqual([20, 180, 352, 'CD8 T']);
    let nnz = 0;
    let total = 0;
    let cells = 0;
    for (const block of sparseCountBlocks({ cells: 50, genes: 300, perCell: 40, blockSize: 20, seed: 9 })) {
      nnz += block.data.length;
      total += sum(block.data);
      cells += block.indptr.length - 1;
      expect(block.indptr[block.indptr.length - 1]).toBe(block.indices.length);
    }
    expect([cells, nnz, total]).toEqual([50, 1754, 9894]);
  });
});
