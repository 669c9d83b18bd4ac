import { TaceError } from '@tace/core';
import dicomParser, { type DataSet } from 'dicom-parser';
import { COMPRESSED_SYNTAXES, decodeFrame } from './dicom-codecs.js';

/** Uncompressed transfer syntaxes (implicit/explicit little endian, deflated, explicit big endian). */
const NATIVE_SYNTAXES = new Set([
  '1.2.840.10008.1.2',
  '1.2.840.10008.1.2.1',
  '1.2.840.10008.1.2.1.99',
  '1.2.840.10008.1.2.2',
]);

/** The transfer syntax UID of a data set (implicit VR little endian when the meta header has none). */
export function transferSyntax(ds: DataSet): string {
  return (ds.string('x00020010') ?? '1.2.840.10008.1.2').replace(/\0/g, '').trim();
}

/** True when the pixel data of `ds` are encapsulated (compressed). */
export function isEncapsulated(ds: DataSet): boolean {
  const element = ds.elements.x7fe00010;
  return element?.encapsulatedPixelData === true || COMPRESSED_SYNTAXES[transferSyntax(ds)] !== undefined;
}

/**
 * Throws unless the pixel data of `ds` can be read here: a native syntax or one of the compressed syntaxes
 * with a decoder; names the syntax otherwise.
 */
export function assertReadableSyntax(ds: DataSet, path: string): string {
  const uid = transferSyntax(ds);
  if (NATIVE_SYNTAXES.has(uid) || COMPRESSED_SYNTAXES[uid] !== undefined) return uid;
  throw new TaceError(
    'UNSUPPORTED',
    `${path}: pixel data use transfer syntax ${uid}, which is not decoded here`,
    {
      param: path,
      remedy: 'decompress the series first, e.g. `gdcmconv --raw` or `dcmdjpeg`, then read it again',
    },
  );
}

/**
 * Stored pixel values of frame `frame` (0-based) of a data set, as numbers: native pixel data are read in
 * their byte order, compressed ones decoded (see `decodeFrame`); then the BitsStored low bits are kept and
 * sign-extended when PixelRepresentation is 1. Rescale is not applied.
 * @throws {TaceError} `UNSUPPORTED` for colour or other bit depths, `PARSE_ERROR` for short data.
 */
export function frameValues(ds: DataSet, count: number, path: string, frame = 0): Float64Array {
  const element = ds.elements.x7fe00010!;
  const bits = ds.uint16('x00280100') ?? 16;
  const signed = (ds.uint16('x00280103') ?? 0) === 1;
  const samples = ds.uint16('x00280002') ?? 1;
  if (samples !== 1)
    throw new TaceError('UNSUPPORTED', `${path}: colour (SamplesPerPixel ${samples}) images are not read`, {
      param: path,
    });
  if (![8, 16, 32].includes(bits)) {
    throw new TaceError('UNSUPPORTED', `${path}: BitsAllocated ${bits} is not supported`, { param: path });
  }
  const bitsStored = ds.uint16('x00280101') ?? bits;
  const out = new Float64Array(count);
  const uid = transferSyntax(ds);
  if (isEncapsulated(ds)) {
    const frames = ds.intString('x00280008') ?? 1;
    let encoded: Uint8Array;
    try {
      encoded =
        frames === 1
          ? dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, 0, element.fragments?.length ?? 0)
          : element.basicOffsetTable !== undefined && element.basicOffsetTable.length > 0
            ? dicomParser.readEncapsulatedImageFrame(ds, element, frame)
            : element.fragments?.length === frames
              ? dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, frame, 1)
              : dicomParser.readEncapsulatedImageFrame(
                  ds,
                  element,
                  frame,
                  dicomParser.createJPEGBasicOffsetTable(ds, element),
                );
    } catch (cause) {
      throw new TaceError(
        'PARSE_ERROR',
        `${path}: cannot locate frame ${frame + 1} in the encapsulated pixel data`,
        {
          param: path,
          cause,
        },
      );
    }
    const rows = ds.uint16('x00280010') ?? 0;
    const columns = ds.uint16('x00280011') ?? 0;
    const raw = decodeFrame(uid, encoded, { rows, columns, bitsAllocated: bits }, path);
    for (let i = 0; i < count; i++) out[i] = storedValue(raw[i]!, bits, bitsStored, signed);
    return out;
  }
  const bytesPerFrame = (count * bits) / 8;
  const offset = frame * bytesPerFrame;
  if (element.length < offset + bytesPerFrame) {
    throw new TaceError(
      'PARSE_ERROR',
      `${path}: pixel data hold ${element.length} bytes, expected ${offset + bytesPerFrame}`,
      {
        param: path,
        remedy: 'the file is truncated or its Rows/Columns/BitsAllocated/NumberOfFrames are wrong',
      },
    );
  }
  const bytes = ds.byteArray;
  const view = new DataView(bytes.buffer, bytes.byteOffset + element.dataOffset + offset, bytesPerFrame);
  const little = uid !== '1.2.840.10008.1.2.2';
  for (let i = 0; i < count; i++) {
    let v: number;
    if (bits === 8) v = view.getUint8(i);
    else if (bits === 16) v = view.getUint16(2 * i, little);
    else v = signed && bitsStored === 32 ? view.getInt32(4 * i, little) : view.getUint32(4 * i, little);
    out[i] = bits === 32 ? v : storedValue(v, bits, bitsStored, signed);
  }
  return out;
}

/** The value of a stored sample: its BitsStored low bits, sign-extended when signed. */
function storedValue(v: number, bits: number, bitsStored: number, signed: boolean): number {
  const width = Math.min(bitsStored, bits);
  const mask = width >= 32 ? 0xffffffff : (1 << width) - 1;
  const raw = (v & mask) >>> 0;
  return signed && raw >= 2 ** (width - 1) ? raw - 2 ** width : raw;
}
