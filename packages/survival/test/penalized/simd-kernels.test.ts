import { describe, expect, it } from 'vitest';
import { createKernels } from '../../src/penalized/simd-kernels.js';

describe('SIMD kernels of coordinate descent', () => {
  it('use WebAssembly SIMD on this Node', () => {
    expect(createKernels(4).simd).toBe(true);
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1349])(
    'update rounds exactly as wr - del * w * x and touches only its %i elements; dot to 1e-12',
    (count) => {
      const k = createKernels(5000);
      for (let i = 0; i < 5000; i++) k.heap[i] = Math.sin(i * 0.7);
      const expected = Array.from(k.heap);
      for (let i = 0; i < count; i++)
        expected[3000 + i] = expected[3000 + i] - 0.37 * expected[5 + i] * expected[1500 + i];
      k.update(3000, 5, 1500, count, 0.37);
      expect(Array.from(k.heap)).toEqual(expected);
      let dot = 0;
      for (let i = 0; i < count; i++) dot += k.heap[7 + i] * k.heap[2001 + i];
      expect(Math.abs(k.dot(7, 2001, count) - dot)).toBeLessThan(1e-12);
    },
  );
});
