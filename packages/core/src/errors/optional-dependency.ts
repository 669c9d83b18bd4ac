import { TaceError } from './tace-error.js';

/**
 * Loads an optional peer dependency (a heavy part that only one feature needs: Parquet's wasm, HDF5's wasm,
 * the ONNX runtime) the first time that feature runs, so a user pays only for what they use. `load` is the
 * caller's own `require` of the package, so that it resolves from the calling package (a peer dependency is
 * visible to the package that declares it, not to @tace/core).
 * @param load e.g. `() => createRequire(import.meta.url)('parquet-wasm')`.
 * @param name the npm package, e.g. `'parquet-wasm'`.
 * @param feature what needs it, for the message, e.g. `'reading and writing Parquet files'`.
 * @throws {TaceError} `MISSING_DEPENDENCY` naming the package and the command that installs it.
 * @example const pq = requireOptional(() => require('parquet-wasm'), 'parquet-wasm', 'Parquet files');
 */
export function requireOptional<T>(load: () => T, name: string, feature: string): T {
  try {
    return load();
  } catch (error) {
    throw missingDependency(name, feature, error);
  }
}

/**
 * The `import()` counterpart of {@link requireOptional}, for ES modules: `load` is the caller's own dynamic
 * import, e.g. `() => import('h5wasm/node')`.
 * @throws {TaceError} `MISSING_DEPENDENCY` naming the package and the command that installs it.
 * @example const ort = await importOptional(() => import('onnxruntime-node'), 'onnxruntime-node', 'the deep-learning arm');
 */
export async function importOptional<T>(load: () => Promise<T>, name: string, feature: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw missingDependency(name, feature, error);
  }
}

function missingDependency(name: string, feature: string, error: unknown): TaceError {
  const code = (error as { code?: string }).code;
  if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') {
    return new TaceError(
      'MISSING_DEPENDENCY',
      `${name} could not be loaded for ${feature}: ${String(error)}`,
      {
        param: name,
        remedy: `npm install ${name}`,
        cause: error,
      },
    );
  }
  return new TaceError(
    'MISSING_DEPENDENCY',
    `${feature} needs the optional package ${name}, which is not installed`,
    {
      param: name,
      remedy: `npm install ${name}`,
      cause: error,
    },
  );
}
