import { fileURLToPath } from 'node:url';
import { expect, it, vi } from 'vitest';
import { extractFeatures, loadModel } from '../../src/index.js';

// onnxruntime-node is an optional peer dependency: simulate its absence.
vi.mock('onnxruntime-node', () => {
  throw Object.assign(new Error("Cannot find package 'onnxruntime-node'"), { code: 'ERR_MODULE_NOT_FOUND' });
});

const shipped = fileURLToPath(new URL('../../models/tace-cnn-v1.onnx', import.meta.url));

it('without onnxruntime-node the package loads and loadModel throws MISSING_DEPENDENCY with the install command', async () => {
  expect(typeof extractFeatures).toBe('function');
  await expect(loadModel(shipped)).rejects.toMatchObject({
    code: 'MISSING_DEPENDENCY',
    param: 'onnxruntime-node',
    remedy: 'npm install onnxruntime-node',
  });
});
