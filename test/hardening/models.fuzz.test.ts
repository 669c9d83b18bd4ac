import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TaceError } from '@tace/core';
import { loadModel, readParameterFile, releaseModel, resolveSettings } from '@tace/imaging';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED, READER_CASES } from './cases.js';
import {
  applyBinaryMutation,
  applyTextMutation,
  binaryMutation,
  cutPoints,
  type FuzzOutcome,
  fuzzFolder,
  readMutated,
  tally,
  textMutation,
} from './fuzz-harness.js';

const folder = fuzzFolder('models');
afterAll(folder.dispose);

const PARAMS_YAML = `# PyRadiomics-style parameter file
imageType:
  Original: {}
  LoG:
    sigma: [1.0, 3.0]
featureClass:
  firstorder:
  glcm: [Contrast, Idmn]
setting:
  binWidth: 25
  resampledPixelSpacing: [1, 1, 1]
  interpolator: sitkBSpline
  normalize: false
  label: 1
`;

const HOSTILE_PARAMS = [
  'setting: [1, 2',
  '  binWidth: -3',
  '  binWidth: .nan',
  '  resampledPixelSpacing: [0, -1, 1e308]',
  '  interpolator: sitkMagic',
  'unknownSection: {}',
  '&a [*a, *a, *a, *a]',
  'a: &anchor\n  b: *anchor',
  '!!python/object:os.system {}',
  '---\n---',
  '"',
];

/** Reads a parameter file and resolves its settings; a bad setting must also be a TaceError. */
function readAndResolve(path: string): unknown {
  const parameters = readParameterFile(path);
  try {
    return resolveSettings(parameters.setting ?? {});
  } catch (error) {
    if (!(error instanceof TaceError)) throw error;
    return error.code;
  }
}

describe('readParameterFile: mutated YAML/JSON ends in parameters or a TaceError naming the file', () => {
  const c = READER_CASES.parameters;
  it(`${c.truncations} truncations and ${c.mutations} mutations of YAML and JSON seeds`, async () => {
    const yamlPath = join(folder.dir, 'seed.yaml');
    const outcomes: FuzzOutcome[] = [];
    const bytes = new TextEncoder().encode(PARAMS_YAML);
    expect(await readMutated(yamlPath, bytes, readAndResolve)).toEqual({ kind: 'ok' });
    const json = JSON.stringify(readParameterFile(yamlPath), null, 1);
    const breaks = [...PARAMS_YAML.matchAll(/[\n:]/g)].map((m) => m.index!);
    for (const at of cutPoints(bytes.length, breaks, c.truncations)) {
      outcomes.push(
        await readMutated(join(folder.dir, `cut-${at}.yaml`), bytes.slice(0, at), readAndResolve),
      );
    }
    let k = 0;
    for (const [seed, ext] of [
      [PARAMS_YAML, 'yaml'],
      [json, 'json'],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(textMutation(seed.split('\n').length, seed.length, HOSTILE_PARAMS), async (m) => {
          const path = join(folder.dir, `m-${k++}.${ext}`);
          outcomes.push(
            await readMutated(path, new TextEncoder().encode(applyTextMutation(seed, m)), readAndResolve),
          );
        }),
        { seed: FUZZ_SEED, numRuns: c.mutations / 2 },
      );
    }
    expect(outcomes).toHaveLength(c.truncations + c.mutations);
    console.log('parameters', tally(outcomes));
  });

  it('a YAML alias bomb (billion laughs) ends quickly in a TaceError', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      bomb.push(`${next}: &${next} [${new Array(9).fill(`*${prev}`).join(',')}]`);
    }
    bomb.push('setting: *j');
    expect(READER_CASES.parameters.crafted).toBe(1);
    const outcome = await readMutated(
      join(folder.dir, 'bomb.yaml'),
      new TextEncoder().encode(bomb.join('\n')),
      readAndResolve,
    );
    expect(outcome.kind).toBe('error');
  });
});

const models = resolve(import.meta.dirname, '../../packages/imaging/models');
const MODEL = join(models, 'tace-cnn-v1.onnx');
const MANIFEST = readFileSync(join(models, 'tace-cnn-v1.preprocessing.json'), 'utf8');

async function loadAndRelease(path: string, preprocessing?: string): Promise<void> {
  const model = await loadModel(
    path,
    preprocessing === undefined ? { preprocessing: MANIFEST_OBJECT } : { preprocessing },
  );
  await releaseModel(model);
}
const MANIFEST_OBJECT = JSON.parse(MANIFEST);

const HOSTILE_MANIFEST = [
  '  "cropSize": [1e9, 1e9, 1e9],',
  '  "cropSize": [-32, 32, 32],',
  '  "cropSize": [32, 32],',
  '  "targetSpacing": [0, 3, 3],',
  '  "huWindow": [300, -100],',
  '  "layout": "NHWC",',
  '  "version": 99,',
  '  "slices": -1,',
  '  "phases": [],',
  '  "padValue": "minus",',
  '  "normalisation": null,',
  '  "__proto__": {"polluted": true},',
];

describe('loadModel: a mutated preprocessing manifest or model file ends in a model or a TaceError', () => {
  const cm = READER_CASES.manifest;
  it(`${cm.truncations} truncations and ${cm.mutations} mutations of the shipped manifest`, async () => {
    const model = join(folder.dir, 'model.onnx');
    copyFileSync(MODEL, model);
    const bytes = new TextEncoder().encode(MANIFEST);
    const read = (path: string) => loadAndRelease(model, path);
    const outcomes: FuzzOutcome[] = [];
    expect(await readMutated(join(folder.dir, 'intact.json'), bytes, read)).toEqual({ kind: 'ok' });
    for (const at of cutPoints(bytes.length, [1, bytes.length - 2], cm.truncations)) {
      outcomes.push(await readMutated(join(folder.dir, `cut-${at}.json`), bytes.slice(0, at), read));
    }
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        textMutation(MANIFEST.split('\n').length, MANIFEST.length, HOSTILE_MANIFEST),
        async (m) => {
          const path = join(folder.dir, `manifest-${k++}.json`);
          outcomes.push(
            await readMutated(path, new TextEncoder().encode(applyTextMutation(MANIFEST, m)), read),
          );
        },
      ),
      { seed: FUZZ_SEED, numRuns: cm.mutations },
    );
    expect(outcomes).toHaveLength(cm.truncations + cm.mutations);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log('manifest', tally(outcomes));
  });

  const co = READER_CASES.onnx;
  it(`${co.truncations} truncations and ${co.mutations} mutations of the ONNX file, and non-ONNX files`, async () => {
    const seed = new Uint8Array(readFileSync(MODEL));
    const outcomes: FuzzOutcome[] = [];
    for (const at of cutPoints(seed.length, [2, 16, seed.length - 16], co.truncations)) {
      outcomes.push(
        await readMutated(join(folder.dir, `cut-${at}.onnx`), seed.slice(0, at), (p) => loadAndRelease(p)),
      );
    }
    let k = 0;
    await fc.assert(
      fc.asyncProperty(binaryMutation(seed.length, []), async (m) => {
        const path = join(folder.dir, `model-${k++}.onnx`);
        outcomes.push(await readMutated(path, applyBinaryMutation(seed, m), (p) => loadAndRelease(p)));
      }),
      { seed: FUZZ_SEED, numRuns: co.mutations },
    );
    expect(outcomes).toHaveLength(co.truncations + co.mutations);
    // Files that are not ONNX at all: JSON, a PyTorch zip, empty.
    const notOnnx = [
      ['not-a-model.onnx', new TextEncoder().encode(MANIFEST)],
      ['torch.onnx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)])],
      ['empty.onnx', new Uint8Array()],
    ] as const;
    expect(notOnnx).toHaveLength(co.crafted);
    for (const [name, bytes] of notOnnx) {
      expect((await readMutated(join(folder.dir, name), bytes, (p) => loadAndRelease(p))).kind).toBe('error');
    }
    console.log('onnx', tally(outcomes));
  });
});
