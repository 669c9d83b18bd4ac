// JPEG extended (process 2 & 4, 12-bit lossy; issue 23 item 1), decoded here (src/io/jpeg-extended/) with
// libjpeg's islow IDCT, must equal what dcmtk's dcmdjpeg (IJG 12-bit, islow) decodes, voxel for voxel:
// - pydicom's JPGExtended.dcm and JPEG-lossy.dcm (Debian python3-pydicom, read in place; 12-bit NM, 256 x 1024);
// - 12 slices of the IBSI CT phantom (../shared/data) encoded by dcmcjpeg +ee (12-bit, optimised Huffman tables);
// both through test/fixtures/compressed-dicom/make-extended.sh into a temporary folder.
// The 8-bit paths (SOF0 and SOF1 with 16-bit quantisation tables, restart intervals, edge blocks) are checked
// against libjpeg-turbo's djpeg -dct int on images encoded by cjpeg (Debian libjpeg-turbo-progs).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type Image, readDicomSeries } from '../../src/index.js';
import { decodeJpegExtended } from '../../src/io/jpeg-extended/decode.js';

const work = mkdtempSync(join(tmpdir(), 'tace-jpeg12-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const script = fileURLToPath(new URL('../fixtures/compressed-dicom/make-extended.sh', import.meta.url));
const has = (tool: string, flag: string) => spawnSync(tool, [flag]).status === 0;
const hasDcmtk = has('dcmdjpeg', '--version');
const dcmtkNote = hasDcmtk ? '' : ' (skipped: dcmtk absent; apt-get install dcmtk)';

function differing(a: Image, b: Image): number {
  expect(a.size).toEqual(b.size);
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) n++;
  return n;
}

/** Runs make-extended.sh on folder `src` into `out`; returns [ours, dcmdjpeg's] HU volumes. */
function decodeBoth(src: string, out: string, mode: 'encode' | 'decode-only'): [Image, Image] {
  execFileSync('sh', [script, src, out, mode], { stdio: 'pipe' });
  return [readDicomSeries(join(out, 'jpeg-extended')).image, readDicomSeries(join(out, 'dcmdjpeg')).image];
}

const PYDICOM = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const pydicomFiles = ['JPGExtended.dcm', 'JPEG-lossy.dcm'];
const hasPydicom = existsSync(join(PYDICOM, pydicomFiles[0]!));

describe.skipIf(!hasPydicom || !hasDcmtk)(
  `pydicom's 12-bit JPEG extended files decode as dcmdjpeg decodes them${hasPydicom ? dcmtkNote : ` (skipped: ${PYDICOM} absent; apt-get install python3-pydicom)`}`,
  () => {
    for (const file of pydicomFiles) {
      it(`${file}: 256 x 1024, every sample equal`, () => {
        const src = join(work, `src-${file}`);
        mkdirSync(src);
        writeFileSync(join(src, file), readFileSync(join(PYDICOM, file)));
        const [ours, dcmtk] = decodeBoth(src, join(work, `out-${file}`), 'decode-only');
        expect(ours.size).toEqual([256, 1024, 1]);
        expect(differing(ours, dcmtk)).toBe(0);
        expect(ours.data.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(100); // not a blank frame
      });
    }
  },
);

const PHANTOM = 'radiomics/ibsi/ct_phantom/dicom/image';
const phantom = sharedDataPath(PHANTOM);
describe.skipIf(phantom === null || !hasDcmtk)(
  `the IBSI CT phantom through dcmcjpeg +ee decodes as dcmdjpeg decodes it${phantom === null ? ` (${sharedDataSkipMessage(PHANTOM)})` : dcmtkNote}`,
  () => {
    it('12 slices of 12-bit JPEG extended: the HU volume equals dcmdjpeg voxel for voxel', () => {
      const src = join(work, 'phantom-slices');
      mkdirSync(src);
      for (const file of readdirSync(phantom!).sort().slice(24, 36)) {
        writeFileSync(join(src, file), readFileSync(join(phantom!, file)));
      }
      const [ours, dcmtk] = decodeBoth(src, join(work, 'phantom'), 'encode');
      expect(ours.size[2]).toBe(12);
      expect(differing(ours, dcmtk)).toBe(0);
      // lossy: not equal to the uncompressed slices
      expect(differing(ours, readDicomSeries(src).image)).toBeGreaterThan(0);
    });
  },
);

/** A deterministic 8-bit test picture: a gradient, a bright disc and hashed noise. */
function picture(width: number, height: number): Uint8Array {
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const disc = (x - width / 3) ** 2 + (y - height / 2) ** 2 < (width / 5) ** 2 ? 90 : 0;
      const noise = (((x * 73856093) ^ (y * 19349663)) >>> 0) % 41;
      pixels[y * width + x] = Math.min(255, (((x * 150) / width + y) % 160) + disc + noise);
    }
  }
  return pixels;
}

function pgm(width: number, height: number, pixels: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + pixels.length);
  out.set(header);
  out.set(pixels, header.length);
  return out;
}

/** The pixels of a binary PGM written by djpeg. */
function readPgm(bytes: Uint8Array): { width: number; height: number; pixels: Uint8Array } {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  const match = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(text)!;
  const width = Number(match[1]);
  const height = Number(match[2]);
  return { width, height, pixels: bytes.subarray(match[0].length, match[0].length + width * height) };
}

const hasCjpeg =
  spawnSync('cjpeg', ['-version']).status === 0 && spawnSync('djpeg', ['-version']).status === 0;
describe.skipIf(!hasCjpeg)(
  `8-bit sequential JPEG decodes as libjpeg-turbo's djpeg -dct int${hasCjpeg ? '' : ' (skipped: cjpeg/djpeg absent; apt-get install libjpeg-turbo-progs)'}`,
  () => {
    const cases: [name: string, width: number, height: number, args: string[], sof: number][] = [
      ['baseline, quality 90', 64, 48, ['-quality', '90'], 0xc0],
      ['edge blocks (37 x 29), restart every 3 blocks', 37, 29, ['-quality', '75', '-restart', '3B'], 0xc0],
      [
        'restart every block row, optimised tables',
        100,
        41,
        ['-quality', '60', '-restart', '1', '-optimize'],
        0xc0,
      ],
      ['extended (SOF1) with 16-bit quantisation tables, quality 2', 48, 40, ['-quality', '2'], 0xc1],
    ];
    for (const [name, width, height, args, sof] of cases) {
      it(name, () => {
        const stem = join(work, `cjpeg-${width}x${height}-${args.join('')}`);
        writeFileSync(`${stem}.pgm`, pgm(width, height, picture(width, height)));
        execFileSync('cjpeg', [...args, '-grayscale', '-outfile', `${stem}.jpg`, `${stem}.pgm`]);
        execFileSync('djpeg', ['-dct', 'int', '-pnm', '-outfile', `${stem}.out.pgm`, `${stem}.jpg`]);
        const jpeg = new Uint8Array(readFileSync(`${stem}.jpg`));
        expect(jpeg.includes(sof)).toBe(true);
        const reference = readPgm(new Uint8Array(readFileSync(`${stem}.out.pgm`)));
        const frame = decodeJpegExtended(jpeg);
        expect([frame.width, frame.height, frame.precision]).toEqual([width, height, 8]);
        let n = 0;
        for (let i = 0; i < width * height; i++) if (frame.samples[i] !== reference.pixels[i]) n++;
        expect(n).toBe(0);
      });
    }
  },
);
