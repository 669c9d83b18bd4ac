// DICOM SEG (issue 23, item 2): binary (bit-packed) and fractional segmentations, segment numbers and labels,
// frames placed by their Plane Position (stored in reverse order here), on the IBSI CT phantom: a SEG written
// from the phantom's NIfTI mask (test/io/dicom-files.ts segFile, at test time) reads back equal to that mask on
// the DICOM CT grid; hostile SEGs (overlap, unknown segment, off-grid frame) end in named errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { dicomSegSegments, type Image, readDicomSeg, readDicomSeries, readImage } from '../../src/index.js';
import { segFile } from './dicom-files.js';

const work = mkdtempSync(join(tmpdir(), 'tace-seg-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function framesOf(
  mask: Image,
  segment: number,
  value: number,
  scale = 1,
): { k: number; segment: number; pixels: Uint8Array }[] {
  const [nx, ny, nz] = mask.size;
  const out: { k: number; segment: number; pixels: Uint8Array }[] = [];
  for (let k = nz - 1; k >= 0; k--) {
    const plane = mask.data.subarray(k * nx * ny, (k + 1) * nx * ny);
    if (!plane.some((v) => v === value)) continue;
    out.push({ k, segment, pixels: Uint8Array.from(plane, (v) => (v === value ? scale : 0)) });
  }
  return out;
}

function gridOf(image: Image) {
  return {
    rows: image.size[1],
    columns: image.size[0],
    origin: image.origin,
    spacing: image.spacing,
    direction: image.direction,
  };
}

const small: Image = {
  data: new Uint8Array(6 * 5 * 4).map((_, i) => (i % 6 > 1 && i % 6 < 5 ? (i < 60 ? 1 : 2) : 0)),
  size: [6, 5, 4],
  spacing: [0.5, 0.75, 2],
  origin: [-10, -10, 3],
  direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
};

describe('readDicomSeg on a small grid', () => {
  const segments = [
    { number: 1, label: 'Liver' },
    { number: 2, label: 'Tumor' },
  ];
  const path = join(work, 'two.dcm');
  writeFileSync(path, segFile(gridOf(small), segments, [...framesOf(small, 1, 1), ...framesOf(small, 2, 2)]));

  it('lists the segments and reads them as a label map by number, or one by label', () => {
    expect(dicomSegSegments(path)).toEqual(segments);
    expect(Array.from(readDicomSeg(path, small).data)).toEqual(Array.from(small.data));
    const tumor = readDicomSeg(path, small, { segment: 'tumor' });
    expect(Array.from(tumor.data)).toEqual(Array.from(small.data, (v) => (v === 2 ? 1 : 0)));
    expect(tumor.origin).toEqual(small.origin);
  });

  it('a fractional SEG keeps voxels at or above the threshold', () => {
    const frames = framesOf(small, 1, 1, 200);
    frames[0]!.pixels[frames[0]!.pixels.findIndex((v) => v > 0)] = 100; // 100/255 < 0.5
    const fractional = join(work, 'fractional.dcm');
    writeFileSync(fractional, segFile(gridOf(small), segments.slice(0, 1), frames, true));
    const read = readDicomSeg(fractional, small);
    let inside = 0;
    for (const v of read.data) inside += v;
    let expected = 0;
    for (const v of small.data) expected += v === 1 ? 1 : 0;
    expect(inside).toBe(expected - 1);
    expect(
      readDicomSeg(fractional, small, { fractionalThreshold: 0.3 }).data.reduce((a, b) => a + b, 0),
    ).toBe(expected);
  });

  it('overlapping segments, an unknown segment and an off-grid frame are named errors', () => {
    const overlap = join(work, 'overlap.dcm');
    writeFileSync(
      overlap,
      segFile(gridOf(small), segments, [...framesOf(small, 1, 1), ...framesOf(small, 2, 1)]),
    );
    expect(() => readDicomSeg(overlap, small)).toThrow(/segments overlap at \d+ voxels/);
    expect(readDicomSeg(overlap, small, { segment: 2 }).data.some((v) => v === 1)).toBe(true);
    try {
      readDicomSeg(path, small, { segment: 'Spleen' });
      expect.unreachable();
    } catch (error) {
      expect(isTaceError(error, 'INVALID_ARGUMENT')).toBe(true);
      expect((error as Error).message).toMatch(/no segment "Spleen"/);
    }
    const shifted = { ...small, origin: [-10.2, -10, 3] as Image['origin'] };
    expect(() => readDicomSeg(path, shifted)).toThrow(/does not lie on a plane of the reference grid/);
  });
});

const PHANTOM = 'radiomics/ibsi/ct_phantom';
const phantom = sharedDataPath(PHANTOM);
describe.skipIf(phantom === null)(
  `a SEG written from the IBSI CT phantom mask reads back equal to the NIfTI mask${phantom === null ? ` (${sharedDataSkipMessage(PHANTOM)})` : ''}`,
  () => {
    it('binary and fractional, frames in reverse order, on the DICOM CT grid', () => {
      const ct = readDicomSeries(join(phantom!, 'dicom/image')).image;
      const mask = readImage(join(phantom!, 'nifti/mask.nii.gz'));
      const dir = join(work, 'phantom');
      mkdirSync(dir);
      const label = { number: 1, label: 'GTV-1' };
      for (const fractional of [false, true]) {
        const path = join(dir, `seg-${fractional}.dcm`);
        writeFileSync(
          path,
          segFile(gridOf(ct), [label], framesOf(mask, 1, 1, fractional ? 255 : 1), fractional),
        );
        const read = readDicomSeg(path, ct);
        let differing = 0;
        let inside = 0;
        for (let i = 0; i < read.data.length; i++) {
          if (read.data[i] !== (mask.data[i] === 1 ? 1 : 0)) differing++;
          inside += read.data[i]!;
        }
        expect(inside).toBeGreaterThan(1000);
        expect(differing).toBe(0);
      }
    }, 60_000);
  },
);
