import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import {
  formatNifti,
  formatNrrd,
  type Image,
  readDicomSeries,
  readImage,
  readNifti,
  readNrrd,
  readRtstruct,
} from '@tace/imaging';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, READER_CASES, type ReaderCases } from './cases.js';
import { ctSlice, rtstructFile, slicePixels } from './dicom-builder.js';
import {
  applyBinaryMutation,
  type BinaryField,
  binaryMutation,
  cutPoints,
  type FuzzOutcome,
  fuzzFolder,
  readMutated,
  tally,
} from './fuzz-harness.js';

const folder = fuzzFolder('images');
afterAll(folder.dispose);

/** A mutated image must still be coherent: one voxel per grid point. */
function checkedImage(read: (path: string) => Image): (path: string) => Image {
  return (path) => {
    const image = read(path);
    expect(image.data.length).toBe(image.size[0] * image.size[1] * image.size[2]);
    return image;
  };
}

function smallImage(): Image {
  const data = new Int16Array(6 * 5 * 4).map((_, i) => (i * 37) % 200);
  return {
    data,
    size: [6, 5, 4],
    spacing: [0.8, 0.8, 2.5],
    origin: [-12, 30, 5],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  };
}

async function fuzzBytes(
  label: string,
  ext: string,
  seed: Uint8Array,
  c: { truncations: number; runs: number; boundaries: number[]; fields: BinaryField[] },
  read: (path: string) => unknown,
  at: (name: string) => { path: string; names?: string } = (name) => ({ path: join(folder.dir, name) }),
): Promise<FuzzOutcome[]> {
  const outcomes: FuzzOutcome[] = [];
  for (const cut of cutPoints(seed.length, c.boundaries, c.truncations)) {
    const target = at(`${label}-cut-${cut}${ext}`);
    outcomes.push(await readMutated(target.path, seed.slice(0, cut), read, target.names));
  }
  let k = 0;
  await fc.assert(
    fc.asyncProperty(binaryMutation(seed.length, c.fields), async (m) => {
      const target = at(`${label}-m-${k++}${ext}`);
      outcomes.push(await readMutated(target.path, applyBinaryMutation(seed, m), read, target.names));
    }),
    { seed: FUZZ_SEED, numRuns: c.runs },
  );
  return outcomes;
}

const NIFTI1_FIELDS: BinaryField[] = [
  { offset: 0, type: 'int32' }, // sizeof_hdr
  ...[0, 1, 2, 3, 4].map((i) => ({ offset: 40 + 2 * i, type: 'int16' as const })), // dim[0..4]
  { offset: 70, type: 'int16' }, // datatype
  { offset: 72, type: 'int16' }, // bitpix
  { offset: 76, type: 'float32' }, // pixdim[0] (qfac)
  { offset: 80, type: 'float32' },
  { offset: 108, type: 'float32' }, // vox_offset
  { offset: 112, type: 'float32' }, // scl_slope
  { offset: 252, type: 'int16' }, // qform_code
  { offset: 254, type: 'int16' }, // sform_code
  { offset: 256, type: 'float32' }, // quatern_b
  { offset: 280, type: 'float32' }, // srow_x[0]
];

function counts(c: ReaderCases, boundaries: number[], fields: BinaryField[]) {
  return { truncations: c.truncations, runs: c.mutations, boundaries, fields };
}

describe('NIfTI readers: mutated bytes end in an image or a TaceError naming the file', () => {
  const c = READER_CASES.nifti;
  it(`${c.truncations} truncations and ${c.mutations} mutations of a NIfTI-1 seed`, async () => {
    const seed = formatNifti(smallImage());
    const read = checkedImage(readNifti);
    const half = c.mutations / 2;
    const outcomes = [
      ...(await fuzzBytes('n1', '.nii', seed, { ...counts(c, [348, 352], NIFTI1_FIELDS), runs: half }, read)),
      // through readImage (format detection by content), on the same seed
      ...(await fuzzBytes(
        'img',
        '.nii',
        seed,
        { ...counts(c, [], NIFTI1_FIELDS), truncations: 0, runs: half },
        checkedImage(readImage),
      )),
    ];
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('nifti', tally(outcomes));
  });

  it(`${c.crafted} crafted files: corrupt gzip through readImage, a gzip bomb, a missing path`, async () => {
    const gz = gzipSync(formatNifti(smallImage()));
    gz[gz.length - 6]! ^= 0xff; // CRC/size trailer damaged
    // a valid 6x5x4 int16 header followed by 64 MiB of zeros: inflation stops at the declared 592 bytes
    const header = formatNifti(smallImage()).slice(0, 352);
    const plain = new Uint8Array(header.length + 64 * 1024 * 1024);
    plain.set(header); // (spreading 64 Mi elements into an array literal took 40 s under load)
    const bomb = gzipSync(plain);
    const crafted = [
      await readMutated(join(folder.dir, 'bad.nii.gz'), gz, readImage),
      await readMutated(join(folder.dir, 'bomb.nii.gz'), bomb, readNifti),
      await readMutated(
        join(folder.dir, 'present.nii'),
        new Uint8Array(1),
        () => readNifti(join(folder.dir, 'absent.nii')),
        'absent.nii',
      ),
    ];
    expect(crafted).toHaveLength(c.crafted);
    for (const outcome of crafted) expect(outcome.kind).toBe('error');
  });

  const phantom = sharedDataPath('radiomics/ibsi/digital_phantom/phantom.nii.gz');
  it.skipIf(phantom === null)(
    `${c.shared} mutations of the IBSI digital phantom${phantom === null ? ` (${sharedDataSkipMessage('radiomics/ibsi/digital_phantom/phantom.nii.gz')})` : ''}`,
    async () => {
      const seed = new Uint8Array(gunzipSync(readFileSync(phantom!)));
      const outcomes = await fuzzBytes(
        'ibsi',
        '.nii',
        seed,
        { ...counts(c, [], NIFTI1_FIELDS), truncations: 0, runs: c.shared },
        checkedImage(readNifti),
      );
      expect(outcomes).toHaveLength(c.shared);
      console.log('nifti ibsi', tally(outcomes));
    },
  );
});

describe('NRRD reader: mutated bytes end in an image or a TaceError naming the file', () => {
  const c = READER_CASES.nrrd;
  it(`${c.truncations} truncations and ${c.mutations} mutations of raw and gzip NRRD seeds`, async () => {
    const raw = formatNrrd(smallImage(), { gzip: false });
    const gz = formatNrrd(smallImage(), { gzip: true });
    const headerEnd = new TextDecoder('latin1').decode(raw).indexOf('\n\n') + 2;
    const half = c.mutations / 2;
    const outcomes = [
      ...(await fuzzBytes(
        'raw',
        '.nrrd',
        raw,
        { ...counts(c, [headerEnd, 4, 9], []), runs: half },
        checkedImage(readNrrd),
      )),
      ...(await fuzzBytes(
        'gz',
        '.nrrd',
        gz,
        { ...counts(c, [], []), truncations: 0, runs: half },
        checkedImage(readImage),
      )),
    ];
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('nrrd', tally(outcomes));
  });

  it('header lines claiming huge, negative or non-numeric sizes, unknown types and detached devices fail by name', async () => {
    const raw = new TextDecoder('latin1').decode(formatNrrd(smallImage(), { gzip: false }));
    const hostile = [
      ['sizes: 6 5 4', 'sizes: 100000 100000 100000'],
      ['sizes: 6 5 4', 'sizes: -6 5 4'],
      ['sizes: 6 5 4', 'sizes: 6 NaN 4'],
      ['sizes: 6 5 4', 'sizes: 6 5'],
      ['type: short', 'type: complex128'],
      ['encoding: raw', 'encoding: bzip2'],
      ['encoding: raw', 'encoding: gzip'],
      ['dimension: 3', 'dimension: 9'],
      ['endian: little', 'byte skip: -5'],
      ['endian: little', 'data file: /dev/zero'],
      ['endian: little', 'data file: ../../../etc/shadow-missing'],
      ['space origin: (-12,30,5)', 'space origin: [nonsense'],
    ];
    expect(hostile).toHaveLength(READER_CASES.nrrd.crafted - 2); // + byte skip -1 and the gzip bomb
    for (const [from, to] of hostile) {
      const path = join(folder.dir, `hostile-${hostile.findIndex((h) => h[1] === to)}.nrrd`);
      const outcome = await readMutated(path, new TextEncoder().encode(raw.replace(from!, to!)), readNrrd);
      expect(outcome.kind, `${to}`).toBe('error');
    }
  });

  it('byte skip -1 reads the last voxels of an int16 file; a gzip bomb stops at the declared size', async () => {
    const image = smallImage();
    const raw = new TextDecoder('latin1').decode(formatNrrd(image, { gzip: false }));
    const headerEnd = raw.indexOf('\n\n') + 2;
    const header = raw.slice(0, headerEnd - 1).replace('endian: little', 'endian: little\nbyte skip: -1');
    const junk = new Uint8Array(37).fill(0xab);
    const body = new Uint8Array(image.data.buffer);
    const skipped = new Uint8Array([...new TextEncoder().encode(`${header}\n`), ...junk, ...body]);
    const path = join(folder.dir, 'skip-1.nrrd');
    expect(await readMutated(path, skipped, readNrrd)).toEqual({ kind: 'ok' });
    expect(readNrrd(path).data).toEqual(image.data);
    // 240 declared bytes, 64 MiB of zeros compressed
    const bomb = new Uint8Array([
      ...new TextEncoder().encode(`${raw.slice(0, headerEnd).replace('encoding: raw', 'encoding: gzip')}`),
      ...gzipSync(new Uint8Array(64 * 1024 * 1024)),
    ]);
    expect((await readMutated(join(folder.dir, 'bomb.nrrd'), bomb, readNrrd)).kind).toBe('error');
  });

  const prostate = sharedDataPath('radiomics/pyradiomics/prostate_phantom_subvolume.nrrd');
  it.skipIf(prostate === null)(
    `${c.shared} mutations of the PyRadiomics prostate phantom${prostate === null ? ` (${sharedDataSkipMessage('radiomics/pyradiomics/prostate_phantom_subvolume.nrrd')})` : ''}`,
    async () => {
      const seed = new Uint8Array(readFileSync(prostate!));
      const outcomes = await fuzzBytes(
        'prostate',
        '.nrrd',
        seed,
        { ...counts(c, [], []), truncations: 0, runs: c.shared },
        checkedImage(readNrrd),
      );
      expect(outcomes).toHaveLength(c.shared);
      console.log('nrrd prostate', tally(outcomes));
    },
  );
});

/** Writes a 4-slice series into `dir`; returns the bytes of slice 2 (the one the fuzzer mutates). */
function writeSeries(dir: string): Uint8Array {
  mkdirSync(dir, { recursive: true });
  let target = new Uint8Array();
  for (let k = 0; k < 4; k++) {
    const bytes = ctSlice({ rows: 32, columns: 32, z: 2 * k, pixels: slicePixels(32, 32, k) });
    if (k === 2) target = bytes;
    else writeFileSync(join(dir, `slice-${k}.dcm`), bytes);
  }
  return target;
}

/** Explicit-VR offsets of the value of `tag` (`gggg,eeee`) in a file built by dicom-builder, or -1. */
function valueOffset(bytes: Uint8Array, tag: string): number {
  const [g, e] = tag.split(',').map((h) => Number.parseInt(h, 16));
  for (let i = 132; i + 8 < bytes.length; i++) {
    if (
      bytes[i] === (g! & 0xff) &&
      bytes[i + 1] === g! >> 8 &&
      bytes[i + 2] === (e! & 0xff) &&
      bytes[i + 3] === e! >> 8
    ) {
      const vr = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!);
      return i + (['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr) ? 12 : 8);
    }
  }
  return -1;
}

describe('readDicomSeries: one mutated slice in a series ends in a volume or a TaceError naming the folder', () => {
  const c = READER_CASES.dicom;
  it(`${c.truncations} truncations and ${c.mutations} mutations of one slice`, async () => {
    const probe = writeSeries(join(folder.dir, 'probe'));
    writeFileSync(join(folder.dir, 'probe', 'slice-2.dcm'), probe);
    expect(readDicomSeries(join(folder.dir, 'probe')).image.size).toEqual([32, 32, 4]);
    const fields: BinaryField[] = [
      { offset: valueOffset(probe, '0028,0010'), type: 'uint16' }, // Rows
      { offset: valueOffset(probe, '0028,0011'), type: 'uint16' }, // Columns
      { offset: valueOffset(probe, '0028,0100'), type: 'uint16' }, // BitsAllocated
      { offset: valueOffset(probe, '0028,0101'), type: 'uint16' }, // BitsStored
      { offset: valueOffset(probe, '0028,0002'), type: 'uint16' }, // SamplesPerPixel
      { offset: valueOffset(probe, '7fe0,0010') - 4, type: 'uint32' }, // PixelData length
      { offset: valueOffset(probe, '0020,0032') - 2, type: 'uint16' }, // ImagePositionPatient length
    ];
    const pixelsAt = valueOffset(probe, '7fe0,0010');
    let n = 0;
    const at = (name: string) => {
      const dir = join(folder.dir, `series-${n++}`);
      writeSeries(dir);
      return { path: join(dir, `${name}.dcm`), names: dir };
    };
    const read = (path: string) => checkedImage((p) => readDicomSeries(dirname(p)).image)(path);
    const outcomes = await fuzzBytes(
      'slice',
      '',
      probe,
      counts(c, [128, 132, pixelsAt - 12, pixelsAt], fields),
      read,
      at,
    );
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('dicom', tally(outcomes));
  });

  it(`${c.crafted} crafted cases: a truncated first or last slice fails (never a silently shorter volume), a missing folder`, async () => {
    const outcomes: FuzzOutcome[] = [];
    for (const k of [0, 3]) {
      const dir = join(folder.dir, `edge-${k}`);
      writeFileSync(join(dir, 'slice-2.dcm'), writeSeries(dir));
      const bytes = readFileSync(join(dir, `slice-${k}.dcm`));
      outcomes.push(
        await readMutated(
          join(dir, `slice-${k}.dcm`),
          bytes.subarray(0, 600),
          (p) => readDicomSeries(dirname(p)),
          dir,
        ),
      );
    }
    const missing = join(folder.dir, 'no-such-series');
    outcomes.push(
      await readMutated(
        join(folder.dir, 'unused.dcm'),
        new Uint8Array(1),
        () => readDicomSeries(missing),
        missing,
      ),
    );
    expect(outcomes).toHaveLength(c.crafted);
    for (const outcome of outcomes) expect(outcome.kind).toBe('error');
  });

  const ibsi = sharedDataPath('radiomics/ibsi/ct_phantom/dicom/image');
  it.skipIf(ibsi === null)(
    `${c.shared} mutations of one IBSI CT phantom slice${ibsi === null ? ` (${sharedDataSkipMessage('radiomics/ibsi/ct_phantom/dicom/image')})` : ''}`,
    async () => {
      const names = readdirSync(ibsi!).sort();
      const victim = names[Math.floor(names.length / 2)]!;
      const seed = new Uint8Array(readFileSync(join(ibsi!, victim)));
      let n = 0;
      const at = () => {
        const dir = join(folder.dir, `ibsi-${n++}`);
        mkdirSync(dir);
        for (const name of names) if (name !== victim) copyFileSync(join(ibsi!, name), join(dir, name));
        return { path: join(dir, victim), names: dir };
      };
      const read = (path: string) => checkedImage((p) => readDicomSeries(dirname(p)).image)(path);
      const outcomes = await fuzzBytes(
        'ibsi',
        '',
        seed,
        { ...counts(c, [], []), truncations: 0, runs: c.shared },
        read,
        at,
      );
      expect(outcomes).toHaveLength(c.shared);
      console.log('dicom ibsi', tally(outcomes));
    },
  );
});

describe('readRtstruct: mutated RTSTRUCT bytes end in a mask or a TaceError naming the file', () => {
  const c = READER_CASES.rtstruct;
  it(`${c.truncations} truncations and ${c.mutations} mutations`, async () => {
    const dir = join(folder.dir, 'rt-series');
    writeFileSync(join(writeSeriesDir(dir), 'slice-2.dcm'), writeSeries(dir));
    const reference = readDicomSeries(dir).image;
    const seed = rtstructFile('GTV-1', [0, 2, 4], -6, -2);
    const good = join(folder.dir, 'rs-good.dcm');
    writeFileSync(good, seed);
    const mask = readRtstruct(good, reference);
    expect(mask.data.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const read = (path: string) => readRtstruct(path, reference);
    const contourAt = valueOffset(seed, '3006,0050');
    const fields: BinaryField[] = [
      { offset: valueOffset(seed, '3006,0020') - 4, type: 'uint32' }, // StructureSetROISequence length
      { offset: valueOffset(seed, '3006,0039') - 4, type: 'uint32' }, // ROIContourSequence length
      { offset: contourAt - 2, type: 'uint16' }, // ContourData length
    ];
    const outcomes = await fuzzBytes(
      'rs',
      '.dcm',
      seed,
      counts(c, [132, contourAt - 8, contourAt], fields),
      read,
    );
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('rtstruct', tally(outcomes));
  });
});

function writeSeriesDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
