import { flipSample } from '@tace/imaging';
import { sampleOnGrid } from '@tace/imaging/kernels';
import { imageFromFunction } from '@tace/synthetic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridAround } from '../../src/deep/crop/grid.js';

describe('properties (fast-check)', () => {
  it('flipSample is an involution for every axis set', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 4 }),
        ),
        fc.subarray(['x', 'y', 'z'] as const),
        (shape, axes) => {
          const n = shape[0] * shape[1] * shape[2] * shape[3];
          const data = Float32Array.from({ length: n }, (_, i) => i);
          const twice = flipSample(flipSample(data, shape, axes), shape, axes);
          expect(Array.from(twice)).toEqual(Array.from(data));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('sampleOnGrid of an affine image is exact (1e-3) wherever the grid is inside the volume, for any rotation about z', () => {
    const image = imageFromFunction([12, 11, 9], (_i, _j, _k, p) => 3 * p[0] - 2 * p[1] + p[2] + 7, {
      spacing: [1.1, 0.9, 1.7],
    });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fc.tuple(
          fc.double({ min: 3, max: 9, noNaN: true }),
          fc.double({ min: 3, max: 7, noNaN: true }),
          fc.double({ min: 4, max: 10, noNaN: true }),
        ),
        (angle, centre) => {
          const c = Math.cos(angle);
          const s = Math.sin(angle);
          const grid = gridAround(centre, [4, 4, 3], [0.7, 0.8, 1.2], [c, -s, 0, s, c, 0, 0, 0, 1]);
          const out = sampleOnGrid(image, grid, Number.NaN);
          let o = 0;
          for (let k = 0; k < 3; k++)
            for (let j = 0; j < 4; j++)
              for (let i = 0; i < 4; i++, o++) {
                if (Number.isNaN(out[o])) continue; // outside: padded
                const p = [0, 1, 2].map(
                  (r) =>
                    grid.origin[r] +
                    grid.direction[3 * r] * i * 0.7 +
                    grid.direction[3 * r + 1] * j * 0.8 +
                    grid.direction[3 * r + 2] * k * 1.2,
                );
                // Exact only away from the clamped half-voxel border of the volume.
                const inner =
                  p[0] >= 0 &&
                  p[0] <= 11 * 1.1 &&
                  p[1] >= 0 &&
                  p[1] <= 10 * 0.9 &&
                  p[2] >= 0 &&
                  p[2] <= 8 * 1.7;
                if (inner) expect(out[o]).toBeCloseTo(3 * p[0] - 2 * p[1] + p[2] + 7, 3);
              }
        },
      ),
      { numRuns: 60 },
    );
  });
});
