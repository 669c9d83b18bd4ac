import { describe, expect, it } from 'vitest';
import { connectedComponents, uint32VoxelHash, voxelHash } from '../../src/extract/diagnostics.js';

describe('uint32VoxelHash', () => {
  it("equals the SHA-1 of Uint32Array.from(labels) (PyRadiomics' UInt32 cast) for every voxel type", () => {
    const n = 65536 * 2 + 123; // more than two conversion chunks
    const sources = [
      Uint8Array.from({ length: n }, (_, i) => (i * 7) % 3),
      Int16Array.from({ length: n }, (_, i) => ((i * 13) % 5) - 2),
      Float32Array.from({ length: n }, (_, i) => ((i * 11) % 7) / 2 - 1),
      Int32Array.from({ length: n }, (_, i) => (i % 4) - 1),
      Int32Array.from({ length: n }, (_, i) => i % 4),
      Uint32Array.from({ length: 10 }, (_, i) => i),
      new Float64Array(0),
    ];
    for (const labels of sources) expect(uint32VoxelHash(labels)).toBe(voxelHash(Uint32Array.from(labels)));
  });
});

describe('connectedComponents', () => {
  it('counts 6-connected components: voxels touching by an edge or a corner only are apart', () => {
    // 3 x 3 x 2: (0,0,0)-(1,0,0) joined; (2,1,0) touches (1,0,0) by an edge; (0,2,1) alone; (2,2,1) alone
    const mask = new Uint8Array(18);
    for (const [i, j, k] of [
      [0, 0, 0],
      [1, 0, 0],
      [2, 1, 0],
      [0, 2, 1],
      [2, 2, 1],
    ])
      mask[i + 3 * (j + 3 * k)] = 1;
    expect(connectedComponents(mask, [3, 3, 2])).toBe(4);
    mask[2 + 3 * (1 + 3 * 1)] = 1; // (2,1,1) joins (2,1,0) and (2,2,1)
    expect(connectedComponents(mask, [3, 3, 2])).toBe(3);
    expect(connectedComponents(new Uint8Array(8), [2, 2, 2])).toBe(0);
    expect(connectedComponents(new Uint8Array(8).fill(1), [2, 2, 2])).toBe(1);
  });
});
