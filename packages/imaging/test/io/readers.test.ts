import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/index.js';
import {
  readDicomSeries,
  readImage,
  readNifti,
  readNrrd,
  readRtstruct,
  rtstructRoiNames,
  writeNifti,
  writeNrrd,
} from '../../src/index.js';
import { assertReadableSyntax } from '../../src/io/dicom-pixels.js';

const work = mkdtempSync(join(tmpdir(), 'tace-io-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function sha1(image: Image): string {
  const d = image.data;
  return createHash('sha1')
    .update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength))
    .digest('hex');
}

function sample(): Image {
  const data = new Int16Array(4 * 3 * 2).map((_, i) => i * 37 - 300);
  return {
    data,
    size: [4, 3, 2],
    spacing: [0.5, 0.75, 2.5],
    origin: [-10.25, 20.5, -3],
    direction: [0, 1, 0, -1, 0, 0, 0, 0, 1],
  };
}

function expectSameGeometry(a: Image, b: Image, tolerance: number): void {
  expect(a.size).toEqual(b.size);
  for (let d = 0; d < 3; d++) {
    expect(Math.abs(a.spacing[d]! - b.spacing[d]!)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(a.origin[d]! - b.origin[d]!)).toBeLessThanOrEqual(tolerance);
  }
  for (let d = 0; d < 9; d++)
    expect(Math.abs(a.direction[d]! - b.direction[d]!)).toBeLessThanOrEqual(tolerance);
}

describe('writeNrrd / readNrrd', () => {
  it('round-trips voxels (type kept) and LPS geometry exactly, gzip and raw', () => {
    for (const gzip of [true, false]) {
      const path = join(work, `a-${gzip}.nrrd`);
      writeNrrd(path, sample(), { gzip });
      const back = readNrrd(path);
      expect(back.data).toBeInstanceOf(Int16Array);
      expect(Array.from(back.data)).toEqual(Array.from(sample().data));
      expectSameGeometry(back, sample(), 1e-12);
      expect(readImage(path).size).toEqual([4, 3, 2]);
    }
  });
});

describe('writeNifti / readNifti', () => {
  it('round-trips voxels and geometry (float32 header: 1e-5 mm), .nii and .nii.gz, through qform and sform', () => {
    for (const name of ['b.nii', 'b.nii.gz']) {
      const path = join(work, name);
      writeNifti(path, sample());
      const back = readNifti(path);
      expect(Array.from(back.data)).toEqual(Array.from(sample().data));
      expectSameGeometry(back, sample(), 1e-5);
      expectSameGeometry(readImage(path), sample(), 1e-5);
    }
  });
});

/** A NIfTI-2 file (540-byte header, int64 dims, float64 fields) written by hand: sform scaling + offset. */
function nifti2(data: Int16Array, size: [number, number, number], littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(544 + data.byteLength);
  const v = new DataView(out.buffer);
  v.setInt32(0, 540, littleEndian);
  out.set([0x6e, 0x2b, 0x32, 0, 0x0d, 0x0a, 0x1a, 0x0a], 4);
  v.setInt16(12, 4, littleEndian); // int16
  v.setInt16(14, 16, littleEndian);
  [3, ...size, 1, 1, 1, 1].forEach((d, i) => {
    v.setBigInt64(16 + 8 * i, BigInt(d), littleEndian);
  });
  [1, 0.5, 0.75, 2.5, 0, 0, 0, 0].forEach((p, i) => {
    v.setFloat64(104 + 8 * i, p, littleEndian);
  });
  v.setBigInt64(168, 544n, littleEndian);
  v.setInt32(348, 1, littleEndian); // sform_code
  // RAS sform: x -> -x (i.e. LPS +x), y -> +y (LPS -y), z -> z
  const srow = [-0.5, 0, 0, 10, 0, 0.75, 0, -20, 0, 0, 2.5, 5];
  srow.forEach((x, i) => {
    v.setFloat64(400 + 8 * i, x, littleEndian);
  });
  data.forEach((x, i) => {
    v.setInt16(544 + 2 * i, x, littleEndian);
  });
  return out;
}

describe('NIfTI-2 and byte order', () => {
  it('reads NIfTI-2 in both byte orders: sform to LPS spacing, direction and origin', () => {
    const data = Int16Array.from({ length: 24 }, (_, i) => i - 5);
    for (const littleEndian of [true, false]) {
      const path = join(work, `v2-${littleEndian}.nii`);
      writeFileSync(path, nifti2(data, [4, 3, 2], littleEndian));
      const image = readImage(path);
      expect(Array.from(image.data)).toEqual(Array.from(data));
      expect(image.spacing).toEqual([0.5, 0.75, 2.5]);
      expect(image.origin).toEqual([-10, 20, 5]);
      expect(image.direction).toEqual([1, 0, 0, 0, -1, 0, 0, 0, 1]);
    }
  });
});

describe('readImage errors', () => {
  it('names a missing path and an unknown format', () => {
    expect(() => readImage(join(work, 'absent.nii'))).toThrow(/no such file/);
    const path = join(work, 'x.nrrd');
    writeNrrd(path, sample());
    const bad = join(work, 'bad.bin');
    writeFileSync(bad, 'hello world, not an image at all......');
    expect(() => readImage(bad)).toThrow(/unknown image format/);
  });
  it('rejects transfer syntaxes without a decoder naming them (JPEG 2000 Part 2 multi-component)', () => {
    const fake = { string: () => '1.2.840.10008.1.2.4.92' } as never;
    try {
      assertReadableSyntax(fake, 'slice.dcm');
      expect.unreachable();
    } catch (error) {
      expect(isTaceError(error, 'UNSUPPORTED')).toBe(true);
      expect((error as Error).message).toContain('1.2.840.10008.1.2.4.92');
    }
    expect(assertReadableSyntax({ string: () => '1.2.840.10008.1.2.4.90' } as never, 'slice.dcm')).toBe(
      '1.2.840.10008.1.2.4.90',
    );
  });
});

const PYRAD = 'radiomics/pyradiomics';
const pyrad = sharedDataPath(PYRAD);
describe.skipIf(pyrad === null)(
  `NRRD test images ${pyrad === null ? sharedDataSkipMessage(PYRAD) : ''}`,
  () => {
    // Hashes and spacing recorded by PyRadiomics in baseline_firstorder.csv (diagnostics_Image-original_*).
    it.each([
      [
        'brain1',
        '5c9ce3ca174f0f8324aa4d277e0fef82dc5ac566',
        [256, 256, 25],
        [0.7812499999999999, 0.7812499999999999, 6.499999999999998],
      ],
      [
        'brain2',
        'f2b8fbc4d5d1da08a1a70e79a301f8a830139438',
        [256, 256, 23],
        [0.7812499999999999, 0.7812499999999999, 6.499999999999998],
      ],
      ['breast1', '016951a8f9e8e5de21092d9d62b77262f92e04a5', [45, 120, 21], [0.664062, 0.664062, 2.1]],
    ])(
      '%s image: voxel SHA-1, size and spacing equal the PyRadiomics diagnostics',
      (name, hash, size, spacing) => {
        const image = readImage(`${pyrad}/${name}_image.nrrd`);
        expect(sha1(image)).toBe(hash);
        expect(image.size).toEqual(size);
        expect(image.spacing).toEqual(spacing);
      },
    );
    it('brain1 label: voxel SHA-1 equals diagnostics_Mask-original_Hash; origin from space origin in LPS', () => {
      const label = readNrrd(`${pyrad}/brain1_label.nrrd`);
      expect(sha1(label)).toBe('9dc2c3137b31fd872997d92c9a92d5178126d9d3');
      expect(label.origin).toEqual([-99.609374999999986, 99.609374999999986, -77.999999999999957]);
      expect(label.direction).toEqual([1, 0, 0, 0, -1, 0, 0, 0, 1]);
    });
  },
);

const CT = 'radiomics/ibsi/ct_phantom';
const ct = sharedDataPath(CT);
describe.skipIf(ct === null)(
  `IBSI CT phantom: DICOM vs NIfTI ${ct === null ? sharedDataSkipMessage(CT) : ''}`,
  () => {
    const series = ct === null ? null : readDicomSeries(`${ct}/dicom/image`);
    it('the DICOM series equals the NIfTI phantom voxel for voxel, with the same geometry (1e-4 mm)', () => {
      const nifti = readImage(`${ct}/nifti/phantom.nii.gz`);
      const dicom = series!.image;
      expect(dicom.data).toBeInstanceOf(Int16Array); // HU after RescaleSlope 1 / Intercept -1000
      expectSameGeometry(dicom, nifti, 1e-4);
      let differing = 0;
      for (let i = 0; i < nifti.data.length; i++) if (nifti.data[i] !== dicom.data[i]) differing++;
      expect(differing).toBe(0);
      expect(series!.unevenSpacing).toBe(false);
      expect(series!.sliceGaps.every((g) => Math.abs(g - 3) < 1e-4)).toBe(true);
    });
    it('sorts by ImagePositionPatient (InstanceNumber runs the other way)', () => {
      expect(
        series!.files[0]!.endsWith('DCM_IMG_00059.dcm') || series!.files[0]!.endsWith('DCM_IMG_00000.dcm'),
      ).toBe(true);
      expect(series!.image.origin[2]).toBeCloseTo(-100.4, 4);
    });
    it('readImage on the folder reads the series', () => {
      expect(readImage(`${ct}/dicom/image`).size).toEqual([204, 201, 60]);
    });
    it('RTSTRUCT GTV-1 rasterised on the CT grid matches the NIfTI mask (Dice > 0.99)', () => {
      const path = `${ct}/dicom/mask/DCM_RS_00060.dcm`;
      expect(rtstructRoiNames(path)).toEqual(['GTV-1']);
      const mask = readRtstruct(path, series!.image, { roi: 'gtv-1' });
      const reference = readImage(`${ct}/nifti/mask.nii.gz`);
      let a = 0;
      let b = 0;
      let both = 0;
      for (let i = 0; i < reference.data.length; i++) {
        const x = mask.data[i]! > 0;
        const y = reference.data[i]! > 0;
        if (x) a++;
        if (y) b++;
        if (x && y) both++;
      }
      const dice = (2 * both) / (a + b);
      console.log(`RTSTRUCT GTV-1 vs NIfTI mask: Dice ${dice} (${a} vs ${b} voxels)`);
      expect(dice).toBeGreaterThan(0.99);
    });
    it('a missing slice is reported as uneven spacing, or read with the mean gap when allowed', () => {
      const folder = join(work, 'uneven');
      mkdirSync(folder);
      for (const name of readdirSync(`${ct}/dicom/image`)) {
        if (name !== 'DCM_IMG_00030.dcm') copyFileSync(`${ct}/dicom/image/${name}`, join(folder, name));
      }
      expect(() => readDicomSeries(folder)).toThrow(
        /unevenly spaced \(gaps 3\.000 to 6\.000 mm; the gap of 6\.000 mm lies between .*DCM_IMG_00031\.dcm and .*DCM_IMG_00029\.dcm\)/,
      );
      const read = readDicomSeries(folder, { allowUnevenSpacing: true });
      expect(read.unevenSpacing).toBe(true);
      expect(read.image.size[2]).toBe(59);
      expect(read.image.spacing[2]).toBeCloseTo(177 / 58, 4);
    });
    it('an unknown ROI name lists the ROIs present', () => {
      expect(() =>
        readRtstruct(`${ct}/dicom/mask/DCM_RS_00060.dcm`, series!.image, { roi: 'liver' }),
      ).toThrow(/GTV-1/);
    });
  },
);
