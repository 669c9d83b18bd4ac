import { TaceError } from '@tace/core';
import { BitReader, type HuffmanTable, huffmanTable } from './huffman.js';
import { idctIslow } from './idct-islow.js';

/** A decoded greyscale JPEG frame: `width x height` samples, row by row. */
export interface JpegFrame {
  width: number;
  height: number;
  /** Sample precision in bits (8 or 12). */
  precision: 8 | 12;
  samples: Uint16Array;
}

/** Zig-zag position to natural (row-major) position, with libjpeg's 16 guard entries for corrupt runs. */
const NATURAL = Uint8Array.from([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
  53, 60, 61, 54, 47, 55, 62, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63,
]);

/**
 * Decodes a baseline or extended sequential Huffman DCT JPEG (ITU-T T.81 processes 1, 2 and 4: SOF0/SOF1,
 * 8- or 12-bit samples) with one component, as libjpeg (and so dcmtk's dcmdjpeg) does: 8- or 16-bit
 * quantisation tables, restart intervals, the "islow" integer inverse DCT (`idctIslow`).
 *
 * @throws {TaceError} `UNSUPPORTED` for progressive, lossless, arithmetic-coded or hierarchical frames and for
 *   more than one component; plain errors for corrupt data (the DICOM reader reports them as `PARSE_ERROR`).
 */
export function decodeJpegExtended(data: Uint8Array): JpegFrame {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new Error('no JPEG start-of-image marker');
  const quant: (Uint16Array | undefined)[] = [];
  const dcTables: (HuffmanTable | undefined)[] = [];
  const acTables: (HuffmanTable | undefined)[] = [];
  let restartInterval = 0;
  let frame: { precision: 8 | 12; width: number; height: number; id: number; table: number } | undefined;
  let samples: Uint16Array | undefined;
  let pos = 2;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) throw new Error(`expected a JPEG marker at byte ${pos}`);
    const marker = data[pos + 1]!;
    if (marker === 0xff) {
      pos++; // fill byte
      continue;
    }
    if (marker === 0xd9) break; // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      pos += 2; // markers without a length (a stray RSTn after the last block, TEM)
      continue;
    }
    const length = (data[pos + 2]! << 8) | data[pos + 3]!;
    const start = pos + 4;
    const end = pos + 2 + length;
    if (end > data.length) throw new Error('a JPEG segment runs past the end of the data');
    if (marker === 0xc0 || marker === 0xc1) {
      const precision = data[start]!;
      if (precision !== 8 && precision !== 12) throw new Error(`JPEG sample precision ${precision}`);
      const components = data[start + 5]!;
      if (components !== 1) {
        throw new TaceError(
          'UNSUPPORTED',
          `JPEG frames with ${components} components (colour) are not read`,
          {
            param: 'SOF',
          },
        );
      }
      frame = {
        precision,
        height: (data[start + 1]! << 8) | data[start + 2]!,
        width: (data[start + 3]! << 8) | data[start + 4]!,
        id: data[start + 6]!,
        table: data[start + 8]!,
      };
      if (frame.height === 0)
        throw new TaceError('UNSUPPORTED', 'JPEG frames sized by a DNL marker are not read');
    } else if (marker >= 0xc2 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      throw new TaceError(
        'UNSUPPORTED',
        `JPEG frame type SOF${marker - 0xc0} (progressive, lossless, hierarchical or arithmetic) is not decoded here`,
        { param: `SOF${marker - 0xc0}` },
      );
    } else if (marker === 0xc4) {
      for (let p = start; p < end; ) {
        const kind = data[p]! >> 4;
        const slot = data[p]! & 15;
        const counts = data.subarray(p + 1, p + 17);
        let total = 0;
        for (const n of counts) total += n;
        const table = huffmanTable(counts, data.slice(p + 17, p + 17 + total));
        (kind === 0 ? dcTables : acTables)[slot] = table;
        p += 17 + total;
      }
    } else if (marker === 0xdb) {
      for (let p = start; p < end; ) {
        const wide = data[p]! >> 4 === 1;
        const table = new Uint16Array(64);
        for (let k = 0; k < 64; k++) {
          table[NATURAL[k]!] = wide ? (data[p + 1 + 2 * k]! << 8) | data[p + 2 + 2 * k]! : data[p + 1 + k]!;
        }
        quant[data[p]! & 15] = table;
        p += wide ? 129 : 65;
      }
    } else if (marker === 0xdd) {
      restartInterval = (data[start]! << 8) | data[start + 1]!;
    } else if (marker === 0xda) {
      if (frame === undefined) throw new Error('JPEG scan before its frame header');
      if (data[start]! !== 1 || data[start + 1] !== frame.id)
        throw new Error('JPEG scan of an unknown component');
      const dc = dcTables[data[start + 2]! >> 4];
      const ac = acTables[data[start + 2]! & 15];
      const q = quant[frame.table];
      if (dc === undefined || ac === undefined || q === undefined) {
        throw new Error('JPEG scan refers to an undefined Huffman or quantisation table');
      }
      samples = new Uint16Array(frame.width * frame.height);
      pos = decodeScan(data, end, frame, dc, ac, q, restartInterval, samples);
      continue;
    }
    pos = end;
  }
  if (frame === undefined || samples === undefined) throw new Error('JPEG data without a frame and a scan');
  return { width: frame.width, height: frame.height, precision: frame.precision, samples };
}

/** Decodes the single-component scan at `start` into `out`; returns the position after its data. */
function decodeScan(
  data: Uint8Array,
  start: number,
  frame: { precision: 8 | 12; width: number; height: number },
  dc: HuffmanTable,
  ac: HuffmanTable,
  quant: Uint16Array,
  restartInterval: number,
  out: Uint16Array,
): number {
  const reader = new BitReader(data, start);
  const columns = Math.ceil(frame.width / 8);
  const rows = Math.ceil(frame.height / 8);
  const coef = new Int16Array(64);
  const work = new Int32Array(64);
  let predictor = 0;
  let untilRestart = restartInterval;
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      if (restartInterval > 0) {
        if (untilRestart === 0) {
          reader.restart();
          predictor = 0;
          untilRestart = restartInterval;
        }
        untilRestart--;
      }
      coef.fill(0);
      predictor += reader.receiveExtend(reader.decode(dc));
      coef[0] = predictor;
      for (let k = 1; k < 64; k++) {
        const rs = reader.decode(ac);
        const run = rs >> 4;
        const size = rs & 15;
        if (size === 0) {
          if (run !== 15) break;
          k += 15;
        } else {
          k += run;
          coef[NATURAL[k]!] = reader.receiveExtend(size);
        }
      }
      const x = bx * 8;
      const y = by * 8;
      idctIslow(
        coef,
        quant,
        frame.precision,
        work,
        out,
        y * frame.width + x,
        frame.width,
        Math.min(8, frame.width - x),
        Math.min(8, frame.height - y),
      );
    }
  }
  // the position of the next marker after the entropy-coded data
  let pos = reader.pos;
  while (pos + 1 < data.length && !(data[pos] === 0xff && data[pos + 1] !== 0x00 && data[pos + 1] !== 0xff))
    pos++;
  return pos;
}
