// Child process of hostile-child.test.ts: runs one hostile case (argv[2]) on the file or folder argv[3] under a
// small heap and prints the outcome as one JSON line: { code, message, milliseconds, maxRssMiB } (a V8
// out-of-memory abort or a hang prints nothing; the parent's timeout kills a hang).
import { resourceUsage } from 'node:process';
import { isTaceError } from '@tace/core';
import { extractCohort, extractFeatures, type Image, readImage } from '../../src/index.js';

function phantom(): { image: Image; mask: Image } {
  const size: [number, number, number] = [40, 40, 20];
  const n = size[0] * size[1] * size[2];
  const data = new Int16Array(n);
  const mask = new Uint8Array(n);
  for (let k = 0; k < size[2]; k++) {
    for (let j = 0; j < size[1]; j++) {
      for (let i = 0; i < size[0]; i++) {
        const v = i + size[0] * (j + size[1] * k);
        data[v] = ((i * 7 + j * 13 + k * 29) % 200) - 100;
        if (i >= 10 && i < 30 && j >= 10 && j < 30 && k >= 5 && k < 15) mask[v] = 1;
      }
    }
  }
  const grid = {
    size,
    spacing: [0.8, 0.8, 2] as [number, number, number],
    origin: [0, 0, 0] as [number, number, number],
    direction: [1, 0, 0, 0, 1, 0, 0, 0, 1] as Image['direction'],
  };
  return { image: { ...grid, data }, mask: { ...grid, data: mask } };
}

async function run(name: string, path: string): Promise<string> {
  const { image, mask } = phantom();
  const firstorder = { featureClass: { firstorder: null } };
  switch (name) {
    case 'read':
      return `read ${readImage(path).size.join('x')}`;
    case 'binCount':
      extractFeatures(image, mask, { ...firstorder, setting: { binCount: Number(path) } });
      return 'extracted';
    case 'spacing':
    case 'spacing-ibsi': {
      const s = Number(path);
      const compliance = name === 'spacing' ? 'pyradiomics' : 'ibsi';
      extractFeatures(image, mask, {
        ...firstorder,
        setting: { resampledPixelSpacing: [s, s, s], compliance },
      });
      return 'extracted';
    }
    case 'short-data':
      extractFeatures({ ...image, data: image.data.subarray(0, 100) }, mask, firstorder);
      return 'extracted';
    case 'cohort': {
      const { failed, table } = await extractCohort(path, firstorder, { threads: 1 });
      const errors = (table.error as string[]).filter((e) => e !== '');
      // the run must end with the bad patient failed and named: report it as that patient's error
      return `cohort ended: ${failed} failed: ${errors.join(' | ')}`;
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

const start = performance.now();
let outcome: { code: string; message: string };
try {
  outcome = { code: 'OK', message: await run(process.argv[2]!, process.argv[3]!) };
} catch (error) {
  outcome = isTaceError(error)
    ? { code: error.code, message: error.message }
    : { code: 'OTHER', message: `${(error as Error)?.name}: ${(error as Error)?.message ?? String(error)}` };
}
console.log(
  JSON.stringify({
    ...outcome,
    milliseconds: Math.round(performance.now() - start),
    maxRssMiB: Math.round(resourceUsage().maxRSS / 1024),
  }),
);
