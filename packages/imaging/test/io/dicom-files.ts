/**
 * Minimal DICOM Part 10 writer for the I/O tests (explicit VR little endian): a CT slice of int16 pixels at a
 * given height, so a test can cut, drop or corrupt one file of a series.
 */
type Element = [tag: string, vr: string, value: string | number[] | Uint8Array | Element[][]];

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT', 'OF']);

function encode(elements: Element[]): number[] {
  const sorted = [...elements].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.flatMap(([tag, vr, value]) => {
    const [g, e] = tag.split(',').map((h) => Number.parseInt(h, 16)) as [number, number];
    let body: number[];
    if (vr === 'SQ') {
      body = (value as Element[][]).flatMap((entry) => {
        const inner = encode(entry);
        const n = inner.length;
        return [0xfe, 0xff, 0x00, 0xe0, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24, ...inner];
      });
    } else if (value instanceof Uint8Array) body = Array.from(value);
    else if (vr === 'US') body = (value as number[]).flatMap((v) => [v & 0xff, v >> 8]);
    else {
      const text = Array.isArray(value) ? (value as number[]).join('\\') : (value as string);
      body = Array.from(new TextEncoder().encode(text));
    }
    if (body.length % 2 === 1) body.push(vr === 'UI' || vr === 'OB' || vr === 'OW' ? 0 : 0x20);
    const head = [g & 0xff, g >> 8, e & 0xff, e >> 8, vr.charCodeAt(0), vr.charCodeAt(1)];
    const n = body.length;
    return LONG_VRS.has(vr)
      ? [...head, 0, 0, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24, ...body]
      : [...head, n & 0xff, n >> 8, ...body];
  });
}

/** A CT slice (`rows` x `columns` int16, rescale intercept -1024) at height `z` mm. */
export function ctSliceFile(rows: number, columns: number, z: number, pixels: Int16Array): Uint8Array {
  const meta = encode([
    ['0002,0001', 'OB', new Uint8Array([0, 1])],
    ['0002,0002', 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    ['0002,0003', 'UI', `1.2.3.4.${Math.round(z * 10) + 100}`],
    ['0002,0010', 'UI', '1.2.840.10008.1.2.1'],
  ]);
  const body = encode([
    ['0008,0016', 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    ['0008,0018', 'UI', `1.2.3.4.${Math.round(z * 10) + 100}`],
    ['0008,0060', 'CS', 'CT'],
    ['0020,000d', 'UI', '1.2.3.4.1'],
    ['0020,000e', 'UI', '1.2.3.4.2'],
    ['0020,0032', 'DS', ['-10', '-10', String(z)]],
    ['0020,0037', 'DS', ['1', '0', '0', '0', '1', '0']],
    ['0028,0002', 'US', [1]],
    ['0028,0004', 'CS', 'MONOCHROME2'],
    ['0028,0010', 'US', [rows]],
    ['0028,0011', 'US', [columns]],
    ['0028,0030', 'DS', ['0.5', '0.75']],
    ['0028,0100', 'US', [16]],
    ['0028,0101', 'US', [16]],
    ['0028,0102', 'US', [15]],
    ['0028,0103', 'US', [1]],
    ['0028,1052', 'DS', '-1024'],
    ['0028,1053', 'DS', '1'],
    ['7fe0,0010', 'OW', new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength)],
  ]);
  const group = encode([['0002,0000', 'UL', new Uint8Array([meta.length & 0xff, meta.length >> 8, 0, 0])]]);
  return new Uint8Array([...new Array(128).fill(0), 68, 73, 67, 77, ...group, ...meta, ...body]);
}

/**
 * An enhanced CT image (one file, `frames.length` frames) whose frames are stored in the given order, each
 * placed by its Per-frame Functional Groups (Plane Position, Pixel Value Transformation); orientation and
 * pixel measures in the Shared Functional Groups.
 */
export function enhancedCtFile(
  rows: number,
  columns: number,
  frames: { z: number; pixels: Int16Array; slope: number; intercept: number }[],
): Uint8Array {
  const meta = encode([
    ['0002,0001', 'OB', new Uint8Array([0, 1])],
    ['0002,0002', 'UI', '1.2.840.10008.5.1.4.1.1.2.1'],
    ['0002,0003', 'UI', '1.2.3.4.900'],
    ['0002,0010', 'UI', '1.2.840.10008.1.2.1'],
  ]);
  const pixels = new Uint8Array(frames.length * rows * columns * 2);
  frames.forEach((f, k) => {
    pixels.set(
      new Uint8Array(f.pixels.buffer, f.pixels.byteOffset, f.pixels.byteLength),
      k * rows * columns * 2,
    );
  });
  const body = encode([
    ['0008,0016', 'UI', '1.2.840.10008.5.1.4.1.1.2.1'],
    ['0008,0018', 'UI', '1.2.3.4.900'],
    ['0008,0060', 'CS', 'CT'],
    ['0020,000d', 'UI', '1.2.3.4.1'],
    ['0020,000e', 'UI', '1.2.3.4.3'],
    ['0028,0002', 'US', [1]],
    ['0028,0004', 'CS', 'MONOCHROME2'],
    ['0028,0008', 'IS', String(frames.length)],
    ['0028,0010', 'US', [rows]],
    ['0028,0011', 'US', [columns]],
    ['0028,0100', 'US', [16]],
    ['0028,0101', 'US', [16]],
    ['0028,0102', 'US', [15]],
    ['0028,0103', 'US', [1]],
    [
      '5200,9229',
      'SQ',
      [
        [
          ['0020,9116', 'SQ', [[['0020,0037', 'DS', ['1', '0', '0', '0', '1', '0']]]]],
          [
            '0028,9110',
            'SQ',
            [
              [
                ['0018,0050', 'DS', '2'],
                ['0028,0030', 'DS', ['0.5', '0.75']],
              ],
            ],
          ],
        ],
      ],
    ],
    [
      '5200,9230',
      'SQ',
      frames.map((f) => [
        ['0020,9113', 'SQ', [[['0020,0032', 'DS', ['-10', '-10', String(f.z)]]]]],
        [
          '0028,9145',
          'SQ',
          [
            [
              ['0028,1052', 'DS', String(f.intercept)],
              ['0028,1053', 'DS', String(f.slope)],
            ],
          ],
        ],
      ]),
    ],
    ['7fe0,0010', 'OW', pixels],
  ]);
  const group = encode([['0002,0000', 'UL', new Uint8Array([meta.length & 0xff, meta.length >> 8, 0, 0])]]);
  return new Uint8Array([...new Array(128).fill(0), 68, 73, 67, 77, ...group, ...meta, ...body]);
}

/**
 * A DICOM SEG (binary, bit-packed; or fractional, 8-bit with MaximumFractionalValue 255) whose frames lie on
 * the planes of a grid (`rows` x `columns`, LPS `direction` and `spacing` as an Image's), each frame given by
 * its slice index, its segment number and its pixels (0/1 for binary, 0-255 for fractional), stored in the
 * order given.
 */
export function segFile(
  grid: { rows: number; columns: number; origin: number[]; spacing: number[]; direction: number[] },
  segments: { number: number; label: string }[],
  frames: { k: number; segment: number; pixels: Uint8Array }[],
  fractional = false,
): Uint8Array {
  const { rows, columns, origin, spacing, direction: d } = grid;
  const count = rows * columns;
  const position = (k: number) => [0, 1, 2].map((r) => String(origin[r]! + d[3 * r + 2]! * spacing[2]! * k));
  let pixels: Uint8Array;
  if (fractional) {
    pixels = new Uint8Array(frames.length * count);
    frames.forEach((f, n) => {
      pixels.set(f.pixels, n * count);
    });
  } else {
    pixels = new Uint8Array(Math.ceil((frames.length * count) / 8));
    frames.forEach((f, n) => {
      for (let p = 0; p < count; p++) {
        if (f.pixels[p] === 0) continue;
        const bit = n * count + p;
        pixels[bit >> 3] = pixels[bit >> 3]! | (1 << (bit & 7));
      }
    });
  }
  const meta = encode([
    ['0002,0001', 'OB', new Uint8Array([0, 1])],
    ['0002,0002', 'UI', '1.2.840.10008.5.1.4.1.1.66.4'],
    ['0002,0003', 'UI', '1.2.3.4.700'],
    ['0002,0010', 'UI', '1.2.840.10008.1.2.1'],
  ]);
  const body = encode([
    ['0008,0016', 'UI', '1.2.840.10008.5.1.4.1.1.66.4'],
    ['0008,0018', 'UI', '1.2.3.4.700'],
    ['0008,0060', 'CS', 'SEG'],
    ['0020,000e', 'UI', '1.2.3.4.7'],
    ['0028,0002', 'US', [1]],
    ['0028,0004', 'CS', 'MONOCHROME2'],
    ['0028,0008', 'IS', String(frames.length)],
    ['0028,0010', 'US', [rows]],
    ['0028,0011', 'US', [columns]],
    ['0028,0100', 'US', [fractional ? 8 : 1]],
    ['0028,0101', 'US', [fractional ? 8 : 1]],
    ['0028,0102', 'US', [fractional ? 7 : 0]],
    ['0028,0103', 'US', [0]],
    ['0062,0001', 'CS', fractional ? 'FRACTIONAL' : 'BINARY'],
    ...(fractional
      ? ([
          ['0062,000e', 'US', [255]],
          ['0062,0010', 'CS', 'PROBABILITY'],
        ] as Element[])
      : []),
    [
      '0062,0002',
      'SQ',
      segments.map((s) => [
        ['0062,0004', 'US', [s.number]],
        ['0062,0005', 'LO', s.label],
      ]),
    ],
    [
      '5200,9229',
      'SQ',
      [
        [
          ['0020,9116', 'SQ', [[['0020,0037', 'DS', [d[0], d[3], d[6], d[1], d[4], d[7]].map(String)]]]],
          [
            '0028,9110',
            'SQ',
            [
              [
                ['0018,0050', 'DS', String(spacing[2])],
                ['0028,0030', 'DS', [String(spacing[1]), String(spacing[0])]],
              ],
            ],
          ],
        ],
      ],
    ],
    [
      '5200,9230',
      'SQ',
      frames.map((f) => [
        ['0020,9113', 'SQ', [[['0020,0032', 'DS', position(f.k)]]]],
        ['0062,000a', 'SQ', [[['0062,000b', 'US', [f.segment]]]]],
      ]),
    ],
    ['7fe0,0010', fractional ? 'OB' : 'OB', pixels],
  ]);
  const group = encode([['0002,0000', 'UL', new Uint8Array([meta.length & 0xff, meta.length >> 8, 0, 0])]]);
  return new Uint8Array([...new Array(128).fill(0), 68, 73, 67, 77, ...group, ...meta, ...body]);
}
