/**
 * Builds DICOM Part 10 files byte by byte (128-byte preamble, `DICM`, explicit VR little endian), so tests
 * control every element, including the patient identifiers the hygiene tests look for.
 */
export type DicomValue = string | number[] | Uint8Array | DicomItem[];
/** One sequence item: its elements. */
export type DicomItem = DicomElement[];
/** One element: tag as `gggg,eeee`, VR, value. */
export type DicomElement = [tag: string, vr: string, value: DicomValue];

const LONG_VRS = new Set(['OB', 'OW', 'SQ', 'UN', 'UT', 'OF']);

function tagBytes(tag: string): number[] {
  const [g, e] = tag.split(',').map((h) => Number.parseInt(h, 16));
  return [g! & 0xff, g! >> 8, e! & 0xff, e! >> 8];
}

function u16(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff];
}
function u32(v: number): number[] {
  return [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
}

function valueBytes(vr: string, value: DicomValue): number[] {
  if (vr === 'SQ') {
    const items = value as DicomItem[];
    return items.flatMap((item) => {
      const body = encodeElements(item);
      return [...tagBytes('fffe,e000'), ...u32(body.length), ...body];
    });
  }
  if (value instanceof Uint8Array) {
    const out = Array.from(value);
    if (out.length % 2 === 1) out.push(0);
    return out;
  }
  if (vr === 'US') return (value as number[]).flatMap(u16);
  if (vr === 'UL') return (value as number[]).flatMap(u32);
  const text = Array.isArray(value) ? value.join('\\') : (value as string);
  const out = Array.from(new TextEncoder().encode(text));
  if (out.length % 2 === 1) out.push(vr === 'UI' ? 0 : 0x20);
  return out;
}

/** Encodes elements (sorted by tag, as DICOM requires). */
export function encodeElements(elements: DicomElement[]): number[] {
  const sorted = [...elements].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.flatMap(([tag, vr, value]) => {
    const body = valueBytes(vr, value);
    const head = [...tagBytes(tag), vr.charCodeAt(0), vr.charCodeAt(1)];
    return LONG_VRS.has(vr)
      ? [...head, 0, 0, ...u32(body.length), ...body]
      : [...head, ...u16(body.length), ...body];
  });
}

/** A complete DICOM file: preamble, `DICM`, file meta (explicit VR little endian), then `elements`. */
export function dicomFile(elements: DicomElement[]): Uint8Array {
  const meta = encodeElements([
    ['0002,0001', 'OB', new Uint8Array([0, 1])],
    ['0002,0002', 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    ['0002,0003', 'UI', '1.2.3.4.5.6.7.8.9'],
    ['0002,0010', 'UI', '1.2.840.10008.1.2.1'],
  ]);
  const groupLength = encodeElements([['0002,0000', 'UL', [meta.length]]]);
  return new Uint8Array([
    ...new Array(128).fill(0),
    ...new TextEncoder().encode('DICM'),
    ...groupLength,
    ...meta,
    ...encodeElements(elements),
  ]);
}

/** Identifiers the hygiene tests plant in every file and then look for in outputs. */
export const PATIENT_IDENTIFIERS = {
  PatientName: 'Nguyen^Thi Hoa',
  PatientID: 'MRN-88412077',
  PatientBirthDate: '19560214',
  AccessionNumber: 'ACC-5519023',
  InstitutionName: 'Hopital Saint-Exemple Lyon',
  ReferringPhysicianName: 'Dr^Referrer^Zed',
  StudyDate: '20190722',
} as const;

function identifierElements(): DicomElement[] {
  const p = PATIENT_IDENTIFIERS;
  return [
    ['0008,0020', 'DA', p.StudyDate],
    ['0008,0050', 'SH', p.AccessionNumber],
    ['0008,0080', 'LO', p.InstitutionName],
    ['0008,0090', 'PN', p.ReferringPhysicianName],
    ['0010,0010', 'PN', p.PatientName],
    ['0010,0020', 'LO', p.PatientID],
    ['0010,0030', 'DA', p.PatientBirthDate],
  ];
}

/** One CT slice of `rows x columns` int16 pixels at height `z` (mm), with the planted identifiers. */
export function ctSlice(options: {
  rows: number;
  columns: number;
  z: number;
  pixels: Int16Array;
  seriesUid?: string;
}): Uint8Array {
  const { rows, columns, z, pixels } = options;
  return dicomFile([
    ['0008,0016', 'UI', '1.2.840.10008.5.1.4.1.1.2'],
    ['0008,0018', 'UI', `1.2.3.4.5.6.7.8.9.${Math.round(z * 10) + 100}`],
    ['0008,0060', 'CS', 'CT'],
    ...identifierElements(),
    ['0018,0050', 'DS', '2'],
    ['0020,000d', 'UI', '1.2.3.4.5.6.7.8.1'],
    ['0020,000e', 'UI', options.seriesUid ?? '1.2.3.4.5.6.7.8.2'],
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
}

/** An RTSTRUCT with one ROI `name` made of one square contour per z (mm) in `zs`, x/y in [x0, x1] mm. */
export function rtstructFile(name: string, zs: number[], x0: number, x1: number): Uint8Array {
  const contour = (z: number): DicomItem => [
    ['3006,0042', 'CS', 'CLOSED_PLANAR'],
    ['3006,0046', 'IS', '4'],
    ['3006,0050', 'DS', [x0, x0, z, x1, x0, z, x1, x1, z, x0, x1, z].map(String)],
  ];
  return dicomFile([
    ['0008,0016', 'UI', '1.2.840.10008.5.1.4.1.1.481.3'],
    ['0008,0060', 'CS', 'RTSTRUCT'],
    ...identifierElements(),
    [
      '3006,0020',
      'SQ',
      [
        [
          ['3006,0022', 'IS', '1'],
          ['3006,0026', 'LO', name],
        ],
      ],
    ],
    [
      '3006,0039',
      'SQ',
      [
        [
          ['3006,0040', 'SQ', zs.map(contour)],
          ['3006,0084', 'IS', '1'],
        ],
      ],
    ],
  ]);
}

/** Deterministic pixels of a slice: a bright square on a soft gradient. */
export function slicePixels(rows: number, columns: number, k: number): Int16Array {
  const out = new Int16Array(rows * columns);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const inside = i >= 8 && i < 24 && j >= 8 && j < 24;
      out[j * columns + i] = 1024 + (inside ? 120 + 5 * k : (i + j) % 17);
    }
  }
  return out;
}
