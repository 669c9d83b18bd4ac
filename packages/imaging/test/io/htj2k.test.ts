// HTJ2K lossless (1.2.840.10008.1.2.4.201; issue 23 item 1), decoded by the optional @cornerstonejs/codec-openjph,
// must equal the uncompressed slices voxel for voxel. Debian's python3-pydicom (2.3.1) ships no HTJ2K test file,
// so test/fixtures/htj2k/make.py encodes 4 IBSI CT phantom slices with OpenJPH's ojph_compress -reversible true
// (Debian openjph-tools) and wraps them with pydicom into a temporary folder.
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
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTaceError } from '@tace/core';
import { sharedDataPath, sharedDataSkipMessage } from '@tace/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { readDicomSeries } from '../../src/index.js';
import { CODEC_PACKAGES } from '../../src/io/dicom-codecs.js';

const work = mkdtempSync(join(tmpdir(), 'tace-htj2k-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const script = fileURLToPath(new URL('../fixtures/htj2k/make.py', import.meta.url));
const PHANTOM = 'radiomics/ibsi/ct_phantom/dicom/image';
const phantom = sharedDataPath(PHANTOM);
const hasTools =
  spawnSync('ojph_compress', ['-v']).error === undefined &&
  spawnSync(PYTHON, ['-c', 'import pydicom, numpy']).status === 0;
const note =
  phantom === null
    ? ` (${sharedDataSkipMessage(PHANTOM)})`
    : hasTools
      ? ''
      : ' (skipped: ojph_compress or pydicom absent; apt-get install openjph-tools python3-pydicom python3-numpy)';

const requireHere = createRequire(import.meta.url);
/** The optional decoder is installed (its package.json may not be exported, its main may be absent). */
const hasCodec = [`${CODEC_PACKAGES.htj2k}/package.json`, CODEC_PACKAGES.htj2k].some((id) => {
  try {
    requireHere.resolve(id);
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(phantom === null || !hasTools)(`HTJ2K lossless phantom slices${note}`, () => {
  it('4 slices encoded by ojph_compress decode to the uncompressed HU voxel for voxel', () => {
    const src = join(work, 'slices');
    mkdirSync(src);
    for (const file of readdirSync(phantom!).sort().slice(24, 28)) {
      writeFileSync(join(src, file), readFileSync(join(phantom!, file)));
    }
    const out = join(work, 'htj2k');
    execFileSync(PYTHON, [script, src, out], { stdio: 'pipe' });
    const reference = readDicomSeries(src).image;
    if (!hasCodec) {
      expect(() => readDicomSeries(out)).toThrow(CODEC_PACKAGES.htj2k);
      try {
        readDicomSeries(out);
      } catch (error) {
        expect(isTaceError(error, 'MISSING_DEPENDENCY')).toBe(true);
      }
      return;
    }
    const image = readDicomSeries(out).image;
    expect(image.size).toEqual(reference.size);
    expect(image.size[2]).toBe(4);
    let n = 0;
    for (let i = 0; i < image.data.length; i++) if (image.data[i] !== reference.data[i]) n++;
    expect(n).toBe(0);
  });
});
