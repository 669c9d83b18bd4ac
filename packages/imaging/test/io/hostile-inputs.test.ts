// Hostile inputs of issue 19 for the readers and settings (items 1, 5, 6, 10 and the messages): each test feeds
// the input and asserts the named error or the correct result. The ones that could hang or exhaust memory run
// in child processes in hostile-child.test.ts.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isTaceError } from '@tace/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  extractFeatures,
  formatNifti,
  type Image,
  parseNifti,
  parseParameters,
  readDicomSeries,
  readImage,
  readNiftiVolumes,
  readNrrd,
  resampleToSpacing,
  resolveSettings,
  rtstructRoiNames,
} from '../../src/index.js';
import { parserReason } from '../../src/io/dicom-parse.js';
import { ctSliceFile, enhancedCtFile } from './dicom-files.js';

const work = mkdtempSync(join(tmpdir(), 'tace-hostile-io-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The TaceError `fn` throws (fails the test when it returns or throws anything else). */
function caught(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isTaceError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a TaceError');
}

const pixels = (k: number) => new Int16Array(16 * 16).map((_, i) => 1000 + 2 * ((i * 7 + k) % 45));

/** Offset of the PixelData element (7fe0,0010) in a file of ctSliceFile. */
function pixelDataOffset(bytes: Uint8Array): number {
  for (let i = 132; i + 4 < bytes.length; i++) {
    if (bytes[i] === 0xe0 && bytes[i + 1] === 0x7f && bytes[i + 2] === 0x10 && bytes[i + 3] === 0) return i;
  }
  throw new Error('no PixelData');
}

/**
 * A 5-slice series (z = 0, 2, ..., 8 mm) in `name`; slice `cut` (if any) cut just before its PixelData
 * element (the file then parses, without pixels) or, with `at`, after `at` bytes.
 */
function series(name: string, cut?: number, at?: number): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let k = 0; k < 5; k++) {
    const bytes = ctSliceFile(16, 16, 2 * k, pixels(k));
    const end = at ?? pixelDataOffset(bytes);
    writeFileSync(join(dir, `slice-${k}.dcm`), k === cut ? bytes.subarray(0, end) : bytes);
  }
  return dir;
}

describe('issue 19.1: a DICOM file that should be a slice and is not', () => {
  it('the intact series reads 5 slices in HU', () => {
    const { image, skipped } = readDicomSeries(series('intact'));
    expect(image.size).toEqual([16, 16, 5]);
    expect(image.data[0]).toBe(pixels(0)[0]! - 1024);
    expect(skipped).toEqual([]);
  });

  for (const [where, k] of [
    ['first', 0],
    ['middle', 2],
    ['last', 4],
  ] as const) {
    it(`a ${where} slice cut before PixelData (700 bytes, preamble kept) is an error naming it`, () => {
      const dir = series(`cut-${where}`, k);
      const error = caught(() => readDicomSeries(dir));
      expect(error.code).toBe('PARSE_ERROR');
      expect(error.message).toContain(join(dir, `slice-${k}.dcm`));
      expect(error.message).toMatch(
        /should be a slice of the series but has no PixelData \(\d+ bytes: the file is probably truncated\)/,
      );
      // allowUnevenSpacing does not hide it (it read the gap silently before)
      expect(caught(() => readDicomSeries(dir, { allowUnevenSpacing: true })).message).toContain(
        `slice-${k}.dcm`,
      );
      // so does readImage on the folder and on a sibling file
      expect(caught(() => readImage(join(dir, `slice-${(k + 1) % 5}.dcm`))).message).toContain(
        `slice-${k}.dcm`,
      );
      // cut at 700 bytes (inside an element): the parser's reason, naming the file
      const inside = series(`cut700-${where}`, k, 700);
      const parse = caught(() => readDicomSeries(inside));
      expect(parse.message).toContain(join(inside, `slice-${k}.dcm`));
      expect(parse.message).toMatch(
        /should be a slice of the series but does not parse \(.*buffer overrun\): it is probably truncated/,
      );
    });
  }

  it("{ invalidFiles: 'skip' } reports the skip; the gap it leaves in the middle is named", () => {
    const edge = readDicomSeries(series('skip-last', 4), { invalidFiles: 'skip' });
    expect(edge.image.size).toEqual([16, 16, 4]);
    expect(edge.skipped).toHaveLength(1);
    expect(edge.skipped[0]!.path).toContain('slice-4.dcm');
    expect(edge.skipped[0]!.reason).toMatch(/no PixelData/);
    const dir = series('skip-middle', 2);
    const uneven = caught(() => readDicomSeries(dir, { invalidFiles: 'skip' }));
    expect(uneven.code).toBe('GEOMETRY_MISMATCH');
    expect(uneven.message).toContain(
      `the gap of 4.000 mm lies between ${join(dir, 'slice-1.dcm')} and ${join(dir, 'slice-3.dcm')}`,
    );
    const read = readDicomSeries(dir, { invalidFiles: 'skip', allowUnevenSpacing: true });
    expect(read.unevenSpacing).toBe(true);
    expect(read.skipped.map((s) => s.path)).toEqual([join(dir, 'slice-2.dcm')]);
  });

  it('a file cut inside the PixelData is an error naming it (or a reported skip)', () => {
    const dir = series('cut-pixels');
    const bytes = ctSliceFile(16, 16, 4, pixels(2));
    writeFileSync(join(dir, 'slice-2.dcm'), bytes.subarray(0, bytes.length - 100));
    const error = caught(() => readDicomSeries(dir));
    expect(error.message).toContain('slice-2.dcm');
    expect(error.message).toMatch(/(truncated|buffer overrun)/);
    expect(readDicomSeries(dir, { invalidFiles: 'skip', allowUnevenSpacing: true }).skipped).toHaveLength(1);
  });

  it("a DICOM file that does not parse prints the parser's reason, not [object Object]", () => {
    const dir = join(work, 'unparsable');
    mkdirSync(dir);
    const bytes = new Uint8Array(700);
    bytes.set([68, 73, 67, 77], 128);
    writeFileSync(join(dir, 'a.dcm'), bytes);
    const error = caught(() => readDicomSeries(dir));
    expect(error.message).not.toContain('[object Object]');
    expect(error.message).toMatch(
      /a\.dcm: should be a slice of the series but does not parse \(.*missing required meta header attribute 0002,0010\)/,
    );
    expect(caught(() => rtstructRoiNames(join(dir, 'a.dcm'))).message).toMatch(
      /a\.dcm: not a readable DICOM file \(dicomParser\.parseDicom: missing required meta header attribute 0002,0010\)/,
    );
    // dicom-parser also throws plain objects { exception, dataSet } and strings
    expect(parserReason({ exception: 'buffer overrun', dataSet: {} })).toBe('buffer overrun');
    expect(parserReason('a string')).toBe('a string');
    expect(parserReason({ code: 7 })).toBe('{"code":7}');
  });

  it('files without the DICM preamble (README, notes) are still ignored', () => {
    const dir = series('with-readme');
    writeFileSync(join(dir, 'README.txt'), 'exported by PACS\n');
    expect(readDicomSeries(dir).image.size).toEqual([16, 16, 5]);
  });
});

describe('issue 19.5: NIfTI and NRRD headers that point the wrong way', () => {
  const image: Image = {
    data: new Int16Array(4 * 3 * 2).map((_, i) => i - 5),
    size: [4, 3, 2],
    spacing: [1, 1, 2],
    origin: [0, 0, 0],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1],
  };

  it('a NIfTI vox_offset inside the header (100) is a PARSE_ERROR, not voxels read from header bytes', () => {
    const bytes = formatNifti(image);
    new DataView(bytes.buffer).setFloat32(108, 100, true);
    const error = caught(() => parseNifti(bytes, 'inside.nii'));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(/inside\.nii: vox_offset 100 points inside the 348-byte NIfTI-1 header/);
    new DataView(bytes.buffer).setFloat32(108, 352, true);
    expect(Array.from(parseNifti(bytes).data)).toEqual(Array.from(image.data));
  });

  const nrrd = (lines: string[], body: Uint8Array | string = new Uint8Array(24)) => {
    const head = new TextEncoder().encode(
      ['NRRD0004', 'type: uchar', 'dimension: 3', 'sizes: 4 3 2', 'encoding: raw', ...lines, '', ''].join(
        '\n',
      ),
    );
    const data = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const out = new Uint8Array(head.length + data.length);
    out.set(head);
    out.set(data, head.length);
    return out;
  };

  it('NRRD NaN, zero or infinite spacing is a PARSE_ERROR (was NaN shape features)', () => {
    for (const line of [
      'space directions: (NaN,0,0) (0,1,0) (0,0,1)',
      'space directions: (0,0,0) (0,1,0) (0,0,1)',
      'space directions: (1,0,0) (0,inf,0) (0,0,1)',
      'spacings: 1 NaNx 2',
      'spacings: 1 0 2',
    ]) {
      const path = join(work, 'nan.nrrd');
      writeFileSync(path, nrrd([line]));
      const error = caught(() => readNrrd(path));
      expect(error.code, line).toBe('PARSE_ERROR');
      expect(error.message).toMatch(/nan\.nrrd: NRRD (space direction|spacing) .* not (a )?finite/);
    }
  });

  it('NRRD line skip is honoured (lines skipped before the data, then byte skip)', () => {
    const voxels = new Uint8Array(24).map((_, i) => 100 + i);
    const path = join(work, 'lines.nrrd');
    const text = 'first comment line\nsecond line\n';
    const body = new Uint8Array(text.length + 3 + 24);
    body.set(new TextEncoder().encode(text));
    body.set(voxels, text.length + 3);
    writeFileSync(path, nrrd(['line skip: 2', 'byte skip: 3'], body));
    expect(Array.from(readNrrd(path).data)).toEqual(Array.from(voxels));
    writeFileSync(path, nrrd(['line skip: 5'], 'one line only\n'));
    expect(caught(() => readNrrd(path)).message).toMatch(/line skip 5 passes the end of the data/);
  });

  it('a detached data file outside the header folder is refused unless allowed', () => {
    const folder = join(work, 'nhdr', 'inner');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(work, 'nhdr', 'outside.raw'), new Uint8Array(24).fill(7));
    writeFileSync(join(folder, 'inside.raw'), new Uint8Array(24).fill(3));
    const header = (file: string) => {
      const path = join(folder, 'a.nhdr');
      writeFileSync(path, nrrd([`data file: ${file}`], ''));
      return path;
    };
    expect(readNrrd(header('inside.raw')).data[0]).toBe(3);
    for (const file of [
      '../outside.raw',
      '../../nhdr/outside.raw',
      join(work, 'nhdr', 'outside.raw'),
      '/etc/passwd',
    ]) {
      const error = caught(() => readNrrd(header(file)));
      expect(error.code).toBe('IO_ERROR');
      expect(error.message).toMatch(/a\.nhdr: detached data file ".*" lies outside the header's folder/);
    }
    expect(readNrrd(header('../outside.raw'), { allowDataFileOutsideFolder: true }).data[0]).toBe(7);
    // readImage on a detached header keeps the default: refused
    expect(caught(() => readImage(header('../outside.raw'))).code).toBe('IO_ERROR');
  });
});

describe('issue 19.6 and 19.10: in-memory images and settings', () => {
  const size: [number, number, number] = [10, 10, 6];
  const geometry = {
    size,
    spacing: [1, 1, 1] as [number, number, number],
    origin: [0, 0, 0] as [number, number, number],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'],
  };
  const ct: Image = { ...geometry, data: new Float32Array(600).map((_, i) => (i * 37) % 200) };
  const mask: Image = {
    ...geometry,
    data: new Uint8Array(600).map((_, i) => (i % 10 > 2 && i % 10 < 8 && i > 100 && i < 500 ? 1 : 0)),
  };
  const firstorder = { featureClass: { firstorder: null } };

  it('data shorter than the size is a LENGTH_MISMATCH (was: Mean 0)', () => {
    const error = caught(() => extractFeatures({ ...ct, data: ct.data.subarray(0, 300) }, mask, firstorder));
    expect(error.code).toBe('LENGTH_MISMATCH');
    expect(error.message).toMatch(/image\.data has 300 voxels, but its size 10 x 10 x 6 needs 600/);
    expect(
      caught(() => extractFeatures(ct, { ...mask, data: new Uint8Array(601) }, firstorder)).message,
    ).toMatch(/mask\.data has 601/);
    expect(
      caught(() => extractFeatures({ ...ct, spacing: [1, Number.NaN, 1] }, mask, firstorder)).message,
    ).toMatch(/image\.spacing must be three finite positive/);
  });

  it('an unknown setting is rejected with the nearest known key (as PyRadiomics validates its schema)', () => {
    const error = caught(() => resolveSettings({ binwidth: 10 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/unknown setting "binwidth"; did you mean "binWidth"\?/);
    expect(caught(() => resolveSettings({ resampledPixelSpacin: [1, 1, 1] })).message).toMatch(
      /did you mean "resampledPixelSpacing"/,
    );
    expect(caught(() => resolveSettings({ interpolater: 'sitkLinear' })).message).toMatch(
      /did you mean "interpolator"/,
    );
    const far = caught(() => resolveSettings({ zzzzqqqq: 1 })).message;
    expect(far).toMatch(/unknown setting "zzzzqqqq"/);
    expect(far).not.toMatch(/did you mean/);
    // through a parameter file and extractFeatures
    const parameters = parseParameters('setting:\n  binwidth: 10\n');
    expect(caught(() => extractFeatures(ct, mask, parameters)).message).toMatch(/did you mean "binWidth"/);
    // PyRadiomics schema keys without a typed setting, and extra, pass through
    const settings = resolveSettings({ gradientUseSpacing: false, lbp2DRadius: 2, extra: { myKey: 1 } });
    expect(settings.extra).toEqual({ gradientUseSpacing: false, lbp2DRadius: 2, myKey: 1 });
  });

  it('binCount above maxGrayLevels is a named error before allocating; maxGrayLevels raises it', () => {
    expect(caught(() => resolveSettings({ binCount: 20_000 })).message).toMatch(
      /binCount 20000 is more than the limit of 10000 grey levels \(one 20000 x 20000 texture matrix would need 2\.98 GiB\)/,
    );
    expect(resolveSettings({ binCount: 20_000, maxGrayLevels: 20_000 }).binCount).toBe(20_000);
    expect(caught(() => resolveSettings({ maxVoxels: 0 })).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => resolveSettings({ resampledPixelSpacing: [1, -1, 1] })).message).toMatch(
      /must be >= 0 mm/,
    );
  });

  it('a resampled grid above maxVoxels states its size; maxVoxels raises the limit', () => {
    const roi = Uint8Array.from(mask.data);
    const error = caught(() => resampleToSpacing(ct, roi, [0.1, 0.1, 0.1], { maxVoxels: 1000 }));
    expect(error.message).toMatch(
      /the resampled grid would have \d+ x \d+ x \d+ = \d+ voxels \(.* as float64\), more than the limit of 1000 voxels/,
    );
    expect(error.message).toMatch(/maxVoxels/);
    const limited = { ...firstorder, setting: { resampledPixelSpacing: [0.5, 0.5, 0.5], maxVoxels: 1000 } };
    expect(caught(() => extractFeatures(ct, mask, limited)).message).toMatch(
      /more than the limit of 1000 voxels/,
    );
    const ibsi = {
      ...firstorder,
      setting: { resampledPixelSpacing: [0.5, 0.5, 0.5], maxVoxels: 1000, compliance: 'ibsi' },
    };
    expect(caught(() => extractFeatures(ct, mask, ibsi as never)).message).toMatch(
      /more than the limit of 1000 voxels/,
    );
    const raised = { ...firstorder, setting: { resampledPixelSpacing: [0.5, 0.5, 0.5], maxVoxels: 1e6 } };
    expect(Number.isFinite(extractFeatures(ct, mask, raised).features.original_firstorder_Mean)).toBe(true);
  });

  it('an infinite voxel in the ROI says the image has non-finite voxels, how many and where (not "use a larger binWidth")', () => {
    const data = Float32Array.from(ct.data);
    data[2 * 100 + 3 * 10 + 4] = Number.POSITIVE_INFINITY; // (4, 3, 2)
    data[2 * 100 + 3 * 10 + 5] = Number.NEGATIVE_INFINITY;
    const error = caught(() => extractFeatures({ ...ct, data }, mask, firstorder));
    expect(error.message).not.toMatch(/larger binWidth/);
    expect(error.message).toMatch(
      /image has 2 non-finite \(infinite\) voxels inside the ROI, the first at index \(4, 3, 2\) = Infinity/,
    );
  });
});

describe('4D NIfTI (issue 23): phases as volumes', () => {
  it('reads each volume with { volume } or all with readNiftiVolumes; without it names the count', () => {
    const grid = {
      size: [3, 2, 2] as [number, number, number],
      spacing: [1, 1, 2] as [number, number, number],
      origin: [5, -3, 1] as [number, number, number],
      direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'],
    };
    const phases = [0, 1, 2].map((p) => new Int16Array(12).map((_, i) => 100 * p + i));
    // a 3D file made 4D: dims[0] = 4, dims[4] = 3, the three volumes one after the other
    const header = formatNifti({ ...grid, data: phases[0]! });
    const bytes = new Uint8Array(352 + 3 * 24);
    bytes.set(header.subarray(0, 352));
    phases.forEach((p, k) => {
      bytes.set(new Uint8Array(p.buffer), 352 + 24 * k);
    });
    const view = new DataView(bytes.buffer);
    view.setInt16(40, 4, true);
    view.setInt16(48, 3, true);
    const path = join(work, 'phases.nii.gz');
    writeFileSync(path, gzipSync(bytes));
    const error = caught(() => readImage(path));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/a 4D NIfTI with 3 volumes \(dims 3x2x2x3\); choose one with \{ volume \}/);
    for (let k = 0; k < 3; k++) {
      const one = parseNifti(bytes, 'phases', { volume: k });
      expect(Array.from(one.data)).toEqual(Array.from(phases[k]!));
      expect(one.origin).toEqual(grid.origin);
    }
    const all = readNiftiVolumes(path);
    expect(all.map((v) => Array.from(v.data))).toEqual(phases.map((p) => Array.from(p)));
    expect(caught(() => parseNifti(bytes, 'phases', { volume: 3 })).message).toMatch(
      /volume must be an integer in \[0, 2\]/,
    );
    expect(caught(() => parseNifti(bytes.subarray(0, 352 + 40), 'cut')).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => parseNifti(bytes.subarray(0, 352 + 40), 'cut', { volume: 0 })).message).toMatch(
      /for 3 volumes/,
    );
  });
});

describe('enhanced multi-frame CT (issue 23): frames placed by their functional groups', () => {
  it('equals the classic series of the same slices, frames stored out of order with per-frame rescale', () => {
    const classic = series('classic-for-enhanced');
    const reference = readDicomSeries(classic).image;
    // the same five slices, stored in the order 3, 0, 4, 1, 2 with stored = (HU - intercept) / slope
    const order = [3, 0, 4, 1, 2];
    const frames = order.map((k) => {
      const slope = k % 2 === 0 ? 1 : 2;
      const intercept = k % 2 === 0 ? -1024 : -1000;
      const hu = pixels(k).map((p) => p - 1024);
      return { z: 2 * k, slope, intercept, pixels: hu.map((h) => (h - intercept) / slope) };
    });
    // odd-slice values must be representable: (p - 1024 + 1000) / 2 exact when p is even
    for (const f of frames) for (const v of f.pixels) expect(Number.isInteger(v)).toBe(true);
    const dir = join(work, 'enhanced');
    mkdirSync(dir);
    writeFileSync(join(dir, 'enhanced.dcm'), enhancedCtFile(16, 16, frames));
    const read = readDicomSeries(dir);
    expect(read.image.size).toEqual([16, 16, 5]);
    expect(read.image.spacing).toEqual(reference.spacing);
    expect(read.image.origin).toEqual(reference.origin);
    expect(read.files).toEqual([2, 4, 5, 1, 3].map((f) => `${join(dir, 'enhanced.dcm')}#${f}`));
    expect(Array.from(read.image.data)).toEqual(Array.from(reference.data));
  });
});
