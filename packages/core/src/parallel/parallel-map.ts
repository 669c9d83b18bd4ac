import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { assertInteger } from '../errors/assert.js';
import { describeValue, TaceError } from '../errors/tace-error.js';
import { type ProgressCallback, reportProgress } from '../progress/progress-callback.js';
import { workerExecArgv } from './exec-argv.js';
import type { ResultMessage, TaskMessage, WorkerSetup } from './worker-protocol.js';

/** Options of {@link parallelMap}. */
export interface ParallelMapOptions {
  /**
   * The module holding the task function: an absolute path, a path relative to the current directory, or a
   * `file:` URL (e.g. `new URL('./features-task.js', import.meta.url)`). A `.ts` module is loaded through
   * `tsx` (for tests and notebooks running from the sources).
   */
  module: string | URL;
  /** Name of the exported task function `(item, index, context) => result` (may be async). */
  exportName: string;
  /**
   * Number of worker threads.
   * @default min(items.length, os.availableParallelism())
   */
  threads?: number;
  /** Read-only data given to every call as third argument (copied once into each worker). @default undefined */
  context?: unknown;
  /** Called after each finished item with `{ done, total, label }`. @default undefined */
  onProgress?: ProgressCallback;
  /** Label of the progress events. @default 'items' */
  label?: string;
}

/**
 * Maps `items` through an exported function of a module, on `worker_threads`, and returns the results in
 * input order. Items and results cross threads by structured clone (numbers, strings, plain objects, typed
 * arrays). Each item is handed to the next free worker; the results do not depend on the number of threads
 * or on scheduling as long as the task is a pure function of (item, index, context) (seeded randomness per item).
 * On the first failure the remaining work is cancelled and the workers stopped.
 * @throws {TaceError} `WORKER_ERROR` naming the item (index and value) and the original message; `INVALID_ARGUMENT`
 * for a bad `threads`.
 * @example
 * ```ts
 * // features-task.ts: export function extract(path: string) { return computeFeatures(readImage(path)); }
 * const rows = await parallelMap(paths, { module: new URL('./features-task.js', import.meta.url), exportName: 'extract' });
 * ```
 */
export async function parallelMap<T, R>(items: readonly T[], options: ParallelMapOptions): Promise<R[]> {
  const total = items.length;
  const threads = options.threads ?? Math.max(1, Math.min(total, availableParallelism()));
  assertInteger(threads, 'threads', 1);
  const label = options.label ?? 'items';
  const results = new Array<R>(total);
  if (total === 0) return results;
  const moduleUrl = toModuleUrl(options.module);
  const setup: WorkerSetup = { moduleUrl, exportName: options.exportName, context: options.context };
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
  const needsTsx = workerUrl.pathname.endsWith('.ts') || /\.[cm]?ts$/.test(new URL(moduleUrl).pathname);
  const execArgv = workerExecArgv(process.execArgv);
  const startWorker = (): Worker => {
    if (!needsTsx) return new Worker(workerUrl, { workerData: setup, execArgv });
    // A worker entry in TypeScript: register tsx's ESM hooks inside the worker first (execArgv '--import tsx'
    // does not apply to the worker's own entry point on Node 20), then import the entry.
    const bootstrap = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
    return new Worker(bootstrap, { eval: true, workerData: setup, execArgv });
  };

  return new Promise<R[]>((resolvePromise, reject) => {
    const workers: Worker[] = [];
    const retired = new Set<Worker>();
    let next = 0;
    let done = 0;
    let settled = false;
    const stopAll = () => {
      for (const worker of workers) void worker.terminate();
    };
    const fail = (index: number, message: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      stopAll();
      const what = index >= 0 ? `item ${index} (${describeValue(items[index])})` : `loading ${moduleUrl}`;
      reject(
        new TaceError('WORKER_ERROR', `${what} failed in ${options.exportName}: ${message}`, {
          param: index >= 0 ? `items[${index}]` : 'module',
          remedy: 'run the task on that item directly to debug it',
          cause,
        }),
      );
    };
    const dispatch = (worker: Worker) => {
      if (settled) return;
      if (next >= total) {
        retired.add(worker);
        void worker.terminate();
        return;
      }
      const index = next++;
      (worker as Worker & { currentIndex?: number }).currentIndex = index;
      worker.postMessage({ index, item: items[index] } satisfies TaskMessage);
    };
    for (let t = 0; t < Math.min(threads, total); t++) {
      const worker = startWorker();
      workers.push(worker);
      worker.on('message', (message: ResultMessage) => {
        if (settled) return;
        if (!message.ok) {
          const error = message.error;
          fail(message.index, `${error.code !== undefined ? `[${error.code}] ` : ''}${error.message}`, error);
          return;
        }
        if (message.index === -1) {
          dispatch(worker);
          return;
        }
        results[message.index] = message.value as R;
        done++;
        reportProgress(options.onProgress, { done, total, label });
        if (done === total) {
          settled = true;
          stopAll();
          resolvePromise(results);
          return;
        }
        dispatch(worker);
      });
      worker.on('error', (error) => {
        fail((worker as Worker & { currentIndex?: number }).currentIndex ?? -1, error.message, error);
      });
      worker.on('exit', (code) => {
        if (!settled && code !== 0 && !retired.has(worker)) {
          fail(
            (worker as Worker & { currentIndex?: number }).currentIndex ?? -1,
            `worker exited with code ${code}`,
          );
        }
      });
    }
  });
}

function toModuleUrl(module: string | URL): string {
  if (module instanceof URL) return module.href;
  if (/^file:/.test(module)) return module;
  return pathToFileURL(isAbsolute(module) ? module : resolve(module)).href;
}

/** File URL of tsx's ESM API (`register`), for workers that must load TypeScript. */
function tsxApiUrl(): string {
  try {
    const loader = createRequire(import.meta.url).resolve('tsx');
    return pathToFileURL(join(dirname(loader), 'esm', 'api', 'index.mjs')).href;
  } catch (error) {
    throw new TaceError('UNSUPPORTED', 'loading a TypeScript module in a worker needs the tsx package', {
      param: 'module',
      remedy: 'build the module to JavaScript or install tsx',
      cause: error,
    });
  }
}
