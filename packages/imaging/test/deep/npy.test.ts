import { decodeNpy, encodeNpy } from '@tace/imaging';
import { describe, expect, it } from 'vitest';

describe('encodeNpy / decodeNpy', () => {
  it('writes NumPy format 1.0 with a 64-byte aligned header and reads it back bit for bit', () => {
    const data = Float32Array.of(1, -2.5, Math.PI, Number.NaN, 0, -0, 1e-30, 3e38, 7, 8, 9, 10);
    const bytes = encodeNpy({ shape: [2, 3, 2], data });
    const headerLength = bytes[8] + 256 * bytes[9];
    expect((10 + headerLength) % 64).toBe(0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(2, 3, 2\), \} *\n$/);
    const back = decodeNpy(bytes);
    expect(back.shape).toEqual([2, 3, 2]);
    expect(new Uint32Array(back.data.buffer)).toEqual(new Uint32Array(data.buffer));
  });

  it('writes a one-dimensional shape as a 1-tuple and rejects bad files', () => {
    const bytes = encodeNpy({ shape: [3], data: Float32Array.of(1, 2, 3) });
    expect(new TextDecoder().decode(bytes.subarray(10, 70))).toContain("'shape': (3,)");
    expect(() => encodeNpy({ shape: [2], data: Float32Array.of(1, 2, 3) })).toThrow(/does not hold/);
    expect(() => decodeNpy(new Uint8Array(20))).toThrow(/bad magic/);
    expect(() => decodeNpy(bytes.subarray(0, bytes.length - 1))).toThrow(/data bytes/);
  });
});
