import { readFileSync } from 'node:fs';
import { TaceError } from '@tace/core';
import dicomParser, { type DataSet } from 'dicom-parser';

/** Uncompressed transfer syntaxes the readers decode. */
const NATIVE_SYNTAXES = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);

/** Names of common compressed transfer syntaxes, for error messages. */
const SYNTAX_NAMES: Record<string, string> = {
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline (Process 1)',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended (Process 2 & 4)',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless, Non-Hierarchical (Process 14)',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless, First-Order Prediction (Process 14, SV1)',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Image Compression (Lossless Only)',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000 Image Compression',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

/** Parses one DICOM file with dicom-parser. @throws {TaceError} `PARSE_ERROR` naming the file. */
export function parseDicomFile(path: string): DataSet {
  try {
    return dicomParser.parseDicom(new Uint8Array(readFileSync(path)));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new TaceError('PARSE_ERROR', `${path}: not a readable DICOM file (${message})`, {
      param: path,
      cause,
    });
  }
}

/** The transfer syntax UID of a data set; throws for compressed syntaxes, naming them. */
export function assertNativeTransferSyntax(dataSet: DataSet, path: string): string {
  const uid = dataSet.string('x00020010') ?? '1.2.840.10008.1.2';
  if (NATIVE_SYNTAXES.has(uid)) return uid;
  const name = SYNTAX_NAMES[uid] ?? 'an unknown or compressed transfer syntax';
  throw new TaceError(
    'UNSUPPORTED',
    `${path}: pixel data use ${name} (transfer syntax ${uid}), which is not decoded here`,
    {
      param: path,
      remedy: 'decompress the series first, e.g. `gdcmconv --raw` or `dcmdjpeg`, then read it again',
    },
  );
}

/** Numbers of a multi-valued DS/IS element (`a\b\c`), or `null` when absent. */
export function numbers(dataSet: DataSet, tag: string): number[] | null {
  const text = dataSet.string(tag);
  if (text === undefined || text === '') return null;
  return text.split('\\').map(Number);
}
