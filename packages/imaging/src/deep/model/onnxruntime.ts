import { importOptional } from '@tace/core';

/** The onnxruntime-node module (an optional peer dependency of @tace/imaging). */
export type OnnxRuntime = typeof import('onnxruntime-node');

let runtime: Promise<OnnxRuntime> | null = null;

/**
 * Loads onnxruntime-node the first time a model is loaded (`await import('onnxruntime-node')`), so the
 * radiomics part of the package works without it.
 *
 * @throws {TaceError} `MISSING_DEPENDENCY` (param `'onnxruntime-node'`) when it is not installed or fails
 *   to load; remedy `npm install onnxruntime-node`.
 */
export function loadOnnxRuntime(): Promise<OnnxRuntime> {
  runtime ??= importOptional(
    () => import('onnxruntime-node'),
    'onnxruntime-node',
    'the deep-learning arm (loadModel)',
  ).catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
}
