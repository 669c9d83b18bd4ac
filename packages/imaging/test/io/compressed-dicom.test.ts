// Compressed and re-encoded DICOM (issue 23, item 1): each lossless transfer syntax must decode to the same
// stored values (and so the same HU volume) as its uncompressed twin, voxel for voxel.
// - pydicom's test files (Debian python3-pydicom), read in place: MR_small in RLE, JPEG 2000 lossless, JPEG-LS
//   lossless, big endian, explicit and implicit little endian;
// - the IBSI CT phantom series (../shared/data) re-encoded by dcmtk (Debian dcmtk) with the committed script
//   test/fixtures/compressed-dicom/make-series.sh into a temporary folder: JPEG lossless SV1 and process 14,
//   JPEG-LS, RLE, deflated, big endian. (12-bit JPEG extended, lossy, is compared with dcmdjpeg's decoding in
//   jpeg-extended.test.ts.)
// The decoders are optional packages: without them each case checks the MISSING_DEPENDENCY error instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Image, readDicomSeries } from '../../src/index.js';
import { CODEC_PACKAGES } from '../../src/io/dicom-codecs.js';

const work = mkdtempSync(join(tmpdir(), 'tace-codecs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const requireHere = createRequire(import.meta.url);

function installed(name: string): boolean {
  try {
    requireHere.resolve(`${name}/package.json`);
    return true;
  } catch {
    try {
      requireHere.resolve(name);
      return true;
    } catch {
      return false;
    }
  }
}

/** Reads one file as a one-slice series (copied alone into a folder). */
function readOne(path: string): Image {
  const dir = join(work, `one-${basename(path)}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path, join(dir, basename(path)));
  return readDicomSeries(dir).image;
}

function differing(a: Image, b: Image): number {
  expect(a.size).toEqual(b.size);
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) n++;
  return n;
}

/** Reads `read()`; with the codec installed it must equal `reference`, without it name the package. */
function expectDecoded(codec: string | null, read: () => Image, reference: Image): void {
  if (codec === null || installed(codec)) {
    expect(differing(read(), reference)).toBe(0);
    return;
  }
  try {
    read();
    expect.unreachable();
  } catch (error) {
    expect(isTaceError(error, 'MISSING_DEPENDENCY')).toBe(true);
    expect((error as Error).message).toContain(codec);
  }
}

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const hasPydicom = existsSync(join(PYDICOM, 'MR_small.dcm'));
const pydicomNote = hasPydicom ? '' : ` (skipped: ${PYDICOM} absent; apt-get install python3-pydicom)`;

describe.skipIf(!hasPydicom)(`pydicom's test files decode to their uncompressed twin${pydicomNote}`, () => {
  const reference = () => readOne(join(PYDICOM, 'MR_small.dcm'));
  const cases: [file: string, codec: string | null][] = [
    ['MR_small_RLE.dcm', null],
    ['MR_small_jp2klossless.dcm', CODEC_PACKAGES.jpeg2000],
    ['MR_small_jpeg_ls_lossless.dcm', CODEC_PACKAGES['jpeg-ls']],
    ['MR_small_bigendian.dcm', null],
    ['MR_small_expb.dcm', null],
    ['MR_small_implicit.dcm', null],
  ];
  for (const [file, codec] of cases) {
    it(`${file} equals MR_small.dcm voxel for voxel`, () => {
      expectDecoded(codec, () => readOne(join(PYDICOM, file)), reference());
    });
  }

  it('a deflated data set (image_dfl.dcm) reads, as the explicit little-endian file it inflates to', () => {
    const image = readOne(join(PYDICOM, 'image_dfl.dcm'));
    expect(image.size[2]).toBe(1);
    expect(image.data.length).toBe(image.size[0] * image.size[1]);
  });
});

const PHANTOM = 'radiomics/ibsi/ct_phantom/dicom/image';
const phantom = sharedDataPath(PHANTOM);
const hasDcmtk = spawnSync('dcmcjpeg', ['--version']).status === 0;
const dcmtkNote =
  phantom === null
    ? ` (${sharedDataSkipMessage(PHANTOM)})`
    : hasDcmtk
      ? ''
      : ' (skipped: dcmtk absent; apt-get install dcmtk)';

describe.skipIf(phantom === null || !hasDcmtk)(
  `the IBSI CT phantom re-encoded by dcmtk decodes to the same HU volume${dcmtkNote}`,
  () => {
    const out = join(work, 'phantom');
    const script = fileURLToPath(new URL('../fixtures/compressed-dicom/make-series.sh', import.meta.url));
    let reference: Image;
    // 6 x 60 dcmtk runs: about 10 s quiet, 60 s under load
    beforeAll(() => {
      execFileSync('sh', [script, phantom!, out], { stdio: 'pipe' });
      reference = readDicomSeries(phantom!).image;
    }, 600_000);
    const series = () => reference;
    const cases: [folder: string, codec: string | null][] = [
      ['jpeg-lossless-sv1', CODEC_PACKAGES['jpeg-lossless']],
      ['jpeg-lossless-p14', CODEC_PACKAGES['jpeg-lossless']],
      ['jpeg-ls', CODEC_PACKAGES['jpeg-ls']],
      ['rle', null],
      ['deflated', null],
      ['big-endian', null],
    ];
    for (const [folder, codec] of cases) {
      it(`${folder}: 60 slices equal the uncompressed series voxel for voxel (HU)`, () => {
        const ref = series();
        expectDecoded(codec, () => readDicomSeries(join(out, folder)).image, ref);
      }, 60_000);
    }
  },
);
