import { createRequire } from 'node:module';
import { TaceError } from './tace-error.js';

const requireFromHere = createRequire(import.meta.url);

/**
 * Loads an optional peer dependency (a heavy part that only one feature needs: Parquet's wasm, the ONNX runtime,
 * fonts for PNG) the first time that feature runs, so a user pays only for what they use.
 * @param name the npm package, e.g. `'parquet-wasm'`.
 * @param feature what needs it, for the message, e.g. `'reading and writing Parquet files'`.
 * @throws {TaceError} `MISSING_DEPENDENCY` naming the package and the command that installs it.
 * @example const pq = requireOptional<typeof import('parquet-wasm')>('parquet-wasm', 'Parquet files');
 */
export function requireOptional<T>(name: string, feature: string): T {
  try {
    return requireFromHere(name) as T;
  } catch (error) {
    throw missingDependency(name, feature, error);
  }
}

/**
 * The `import()` counterpart of {@link requireOptional}, for ES-module-only packages.
 * @throws {TaceError} `MISSING_DEPENDENCY` naming the package and the command that installs it.
 * @example const ort = await importOptional<typeof import('onnxruntime-node')>('onnxruntime-node', 'the deep-learning arm');
 */
export async function importOptional<T>(name: string, feature: string): Promise<T> {
  try {
    return (await import(name)) as T;
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
        remedy: `reinstall it: npm install ${name}`,
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
