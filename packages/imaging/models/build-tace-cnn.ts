/**
 * Writes the shipped model `tace-cnn-v1.onnx` and its preprocessing manifest
 * `tace-cnn-v1.preprocessing.json` next to this script. Deterministic: running it again gives the same
 * bytes (the test `test/deep/shipped-model.test.ts` checks that the committed file equals a fresh build).
 *
 * Run from the repository root: `npx tsx packages/imaging/models/build-tace-cnn.ts`
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTaceCnn, TACE_CNN_V1_MANIFEST } from '../src/deep/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const bytes = buildTaceCnn();
writeFileSync(join(here, 'tace-cnn-v1.onnx'), bytes);
writeFileSync(
  join(here, 'tace-cnn-v1.preprocessing.json'),
  `${JSON.stringify(TACE_CNN_V1_MANIFEST, null, 2)}\n`,
);
console.log(`tace-cnn-v1.onnx: ${bytes.length} bytes; node ${process.version}`);
