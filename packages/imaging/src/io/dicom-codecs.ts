import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { TaceError } from '@tace/core';
import { decodeJpegExtended } from './jpeg-extended/decode.js';

const requireHere = createRequire(import.meta.url);

/** What a decoder must produce for one frame. */
export interface FrameLayout {
  rows: number;
  columns: number;
  /** BitsAllocated (8 or 16 for the compressed syntaxes read here). */
  bitsAllocated: number;
}

/** Transfer syntaxes whose pixel data are encapsulated (compressed), with the decoder each needs. */
export const COMPRESSED_SYNTAXES: Readonly<Record<string, { name: string; codec: CodecName }>> = {
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (Process 1)', codec: 'jpeg' },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG Extended (Process 2 & 4)', codec: 'jpeg' },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless, Non-Hierarchical (Process 14)', codec: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.70': {
    name: 'JPEG Lossless, First-Order Prediction (Process 14, SV1)',
    codec: 'jpeg-lossless',
  },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', codec: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS Near-Lossless', codec: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 (Lossless Only)', codec: 'jpeg2000' },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', codec: 'jpeg2000' },
  '1.2.840.10008.1.2.4.201': { name: 'HTJ2K (Lossless Only)', codec: 'htj2k' },
  '1.2.840.10008.1.2.4.202': { name: 'HTJ2K with RPCL (Lossless Only)', codec: 'htj2k' },
  '1.2.840.10008.1.2.4.203': { name: 'HTJ2K', codec: 'htj2k' },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', codec: 'rle' },
};

/** Decoders, each an optional package loaded the first time a file needs it. */
export type CodecName = 'jpeg' | 'jpeg-lossless' | 'jpeg-ls' | 'jpeg2000' | 'htj2k' | 'rle';

/** The npm package of each decoder (none for RLE, decoded here). */
export const CODEC_PACKAGES: Readonly<Record<Exclude<CodecName, 'rle'>, string>> = {
  jpeg: '@cornerstonejs/codec-libjpeg-turbo-8bit',
  'jpeg-lossless': 'jpeg-lossless-decoder-js',
  'jpeg-ls': '@cornerstonejs/codec-charls',
  jpeg2000: '@cornerstonejs/codec-openjpeg',
  htj2k: '@cornerstonejs/codec-openjph',
};

/** An Emscripten/embind decoder of the cornerstone codecs. */
interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getDecodedBuffer(): Uint8Array;
  getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number };
  delete(): void;
}

const WASM_ENTRIES: Record<string, { js: string; wasm: string; decoder: string }> = {
  jpeg: { js: 'decodewasmjs', wasm: 'decodewasm', decoder: 'JPEGDecoder' },
  'jpeg-ls': { js: 'decodewasmjs', wasm: 'decodewasm', decoder: 'JpegLSDecoder' },
  jpeg2000: { js: 'decodewasmjs', wasm: 'decodewasm', decoder: 'J2KDecoder' },
  htj2k: { js: 'wasmjs', wasm: 'wasm', decoder: 'HTJ2KDecoder' },
};

/** The WebAssembly global of Node (the DOM typings that declare it are not loaded here). */
const WASM = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => unknown;
      Instance: new (module: unknown, imports: unknown) => { exports: unknown };
    };
  }
).WebAssembly;

const loaded = new Map<string, new () => WasmDecoder>();

/**
 * Loads a cornerstone wasm codec synchronously (so that the readers stay synchronous): the wasm bytes are
 * compiled with `new WebAssembly.Module` and handed to the Emscripten factory through `instantiateWasm`,
 * which then attaches the embind classes to the module object before returning.
 */
function wasmDecoder(
  codec: 'jpeg' | 'jpeg-ls' | 'jpeg2000' | 'htj2k',
  feature: string,
): new () => WasmDecoder {
  const cached = loaded.get(codec);
  if (cached !== undefined) return cached;
  const name = CODEC_PACKAGES[codec];
  const entry = WASM_ENTRIES[codec]!;
  let factory: (module: Record<string, unknown>) => unknown;
  let wasm: Uint8Array;
  try {
    factory = requireHere(`${name}/${entry.js}`) as typeof factory;
    wasm = readFileSync(requireHere.resolve(`${name}/${entry.wasm}`));
  } catch (cause) {
    throw missingCodec(name, feature, cause);
  }
  const module: Record<string, unknown> = {
    instantiateWasm(imports: unknown, success: (instance: unknown, module: unknown) => void) {
      const compiled = new WASM.Module(wasm);
      const instance = new WASM.Instance(compiled, imports);
      success(instance, compiled);
      return instance.exports;
    },
    print: () => {},
    printErr: () => {},
  };
  const started = factory(module) as Promise<unknown> | undefined;
  // the promise resolves to `module`; errors were thrown synchronously above
  started?.then?.(
    () => {},
    () => {},
  );
  const Decoder = module[entry.decoder] as (new () => WasmDecoder) | undefined;
  if (Decoder === undefined) {
    throw new TaceError('MISSING_DEPENDENCY', `${name} did not initialise synchronously for ${feature}`, {
      param: name,
      remedy: `install the version this toolkit is tested with: npm install ${name}`,
    });
  }
  loaded.set(codec, Decoder);
  return Decoder;
}

function missingCodec(name: string, feature: string, cause: unknown): TaceError {
  return new TaceError(
    'MISSING_DEPENDENCY',
    `${feature} needs the optional package ${name}, which is not installed`,
    {
      param: name,
      remedy: `npm install ${name} (or decompress the series first, e.g. dcmdjpeg / gdcmconv --raw)`,
      cause,
    },
  );
}

/**
 * Decodes one compressed frame to its stored sample values (unsigned bit patterns, `rows x columns`, one
 * sample per pixel), loading the decoder the first time a file needs it.
 * @throws {TaceError} `MISSING_DEPENDENCY` when the decoder package is not installed, `PARSE_ERROR` for data
 *   the decoder rejects or a frame of another size, `UNSUPPORTED` for colour frames. 12-bit JPEG extended
 *   (process 4; no maintained decoder on npm) is decoded here (`decodeJpegExtended`, libjpeg's islow IDCT).
 */
export function decodeFrame(
  syntax: string,
  encoded: Uint8Array,
  layout: FrameLayout,
  source: string,
): Uint16Array | Uint8Array {
  const entry = COMPRESSED_SYNTAXES[syntax];
  if (entry === undefined) {
    throw new TaceError('UNSUPPORTED', `${source}: transfer syntax ${syntax} is not decoded here`, {
      param: source,
    });
  }
  const feature = `${source} (${entry.name})`;
  let samples: Uint16Array | Uint8Array;
  let width: number;
  let height: number;
  try {
    if (entry.codec === 'rle') {
      samples = decodeRle(encoded, layout, source);
      width = layout.columns;
      height = layout.rows;
    } else if (entry.codec === 'jpeg-lossless') {
      let lib: { Decoder: new () => { decompress(buffer: ArrayBuffer): ArrayBuffer; numBytes?: number } };
      try {
        lib = requireHere(CODEC_PACKAGES['jpeg-lossless']) as typeof lib;
      } catch (cause) {
        throw missingCodec(CODEC_PACKAGES['jpeg-lossless'], feature, cause);
      }
      const decoder = new lib.Decoder();
      const copy = Uint8Array.from(encoded);
      const out = decoder.decompress(copy.buffer);
      samples = layout.bitsAllocated > 8 ? new Uint16Array(out) : new Uint8Array(out);
      width = layout.columns;
      height = samples.length / layout.columns;
    } else {
      if (entry.codec === 'jpeg' && jpegPrecision(encoded) > 8) {
        // 12-bit JPEG extended (process 4): no maintained npm decoder, decoded here as dcmtk does
        const frame = decodeJpegExtended(encoded);
        return checkedFrame(frame.samples, frame.width, frame.height, layout, entry.name, source);
      }
      const Decoder = wasmDecoder(entry.codec, feature);
      const decoder = new Decoder();
      try {
        decoder.getEncodedBuffer(encoded.length).set(encoded);
        decoder.decode();
        const info = decoder.getFrameInfo();
        if (info.componentCount !== 1) {
          throw new TaceError(
            'UNSUPPORTED',
            `${source}: colour frames (${info.componentCount} components) are not read`,
            {
              param: source,
            },
          );
        }
        const bytes = Uint8Array.from(decoder.getDecodedBuffer());
        width = info.width;
        height = info.height;
        samples = info.bitsPerSample > 8 ? new Uint16Array(bytes.buffer, 0, bytes.length >> 1) : bytes;
      } finally {
        decoder.delete();
      }
    }
  } catch (error) {
    if (error instanceof TaceError) throw error;
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: the ${entry.name} data do not decode (${describe(error)})`,
      {
        param: source,
        cause: error,
      },
    );
  }
  return checkedFrame(samples, width, height, layout, entry.name, source);
}

/** The decoded frame, checked against Rows x Columns and cut to one sample per pixel. */
function checkedFrame<T extends Uint16Array | Uint8Array>(
  samples: T,
  width: number,
  height: number,
  layout: FrameLayout,
  name: string,
  source: string,
): T {
  const count = layout.rows * layout.columns;
  if (width !== layout.columns || height !== layout.rows || samples.length < count) {
    throw new TaceError(
      'PARSE_ERROR',
      `${source}: the ${name} frame decodes to ${width} x ${height}, but Columns x Rows is ${layout.columns} x ${layout.rows}`,
      { param: source },
    );
  }
  return (samples.length === count ? samples : samples.subarray(0, count)) as T;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'number') return `decoder error code ${error}`;
  return String(error);
}

/** Sample precision of a JPEG stream (from its first SOF marker), or 8 when none is found. */
function jpegPrecision(bytes: Uint8Array): number {
  for (let i = 2; i + 4 < bytes.length; ) {
    if (bytes[i] !== 0xff) return 8;
    const marker = bytes[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return bytes[i + 4]!;
    }
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return 8;
}

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header (segment count, 15 offsets), one PackBits segment per
 * byte plane, most significant byte first. One sample per pixel.
 */
function decodeRle(encoded: Uint8Array, layout: FrameLayout, source: string): Uint16Array | Uint8Array {
  const view = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  if (encoded.length < 64) throw new Error('RLE header shorter than 64 bytes');
  const segments = view.getUint32(0, true);
  const bytesPerSample = layout.bitsAllocated / 8;
  if (segments !== bytesPerSample) {
    throw new TaceError(
      'UNSUPPORTED',
      `${source}: RLE frame with ${segments} segments for ${layout.bitsAllocated}-bit samples (colour or multi-sample data are not read)`,
      { param: source },
    );
  }
  const count = layout.rows * layout.columns;
  const planes = new Uint8Array(count * segments);
  for (let s = 0; s < segments; s++) {
    const start = view.getUint32(4 + 4 * s, true);
    const end = s + 1 < segments ? view.getUint32(8 + 4 * s, true) : encoded.length;
    if (start < 64 || end > encoded.length || end < start)
      throw new Error(`RLE segment ${s + 1} lies outside the frame`);
    const plane = planes.subarray(s * count, (s + 1) * count);
    let out = 0;
    let i = start;
    while (i < end && out < count) {
      const n = (encoded[i++]! << 24) >> 24; // signed byte
      if (n >= 0) {
        const run = Math.min(n + 1, count - out, end - i);
        plane.set(encoded.subarray(i, i + run), out);
        out += run;
        i += n + 1;
      } else if (n > -128) {
        const run = Math.min(1 - n, count - out);
        plane.fill(encoded[i++]!, out, out + run);
        out += run;
      }
    }
    if (out < count) throw new Error(`RLE segment ${s + 1} holds ${out} of ${count} bytes`);
  }
  if (segments === 1) return planes.slice(0, count);
  const out = new Uint16Array(count);
  for (let p = 0; p < count; p++) out[p] = (planes[p]! << 8) | planes[count + p]!;
  return out;
}
