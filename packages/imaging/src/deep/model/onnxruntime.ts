import { TaceError } from '@tace/core';

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
  runtime ??= import('onnxruntime-node').catch((error: unknown) => {
    runtime = null;
    const code = (error as { code?: string }).code;
    const absent = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
    throw new TaceError(
      'MISSING_DEPENDENCY',
      absent
        ? 'the deep-learning arm (loadModel) needs the optional package onnxruntime-node, which is not installed'
        : `onnxruntime-node could not be loaded for the deep-learning arm: ${String(error)}`,
      { param: 'onnxruntime-node', remedy: 'npm install onnxruntime-node', cause: error },
    );
  });
  return runtime;
}
