import type { ColumnTable } from '@tace/core';
import { assertInteger, parallelMap } from '@tace/core';
import type { ManifestRow } from '../../cohort/manifest.js';
import type { DeepModel } from '../model/load-model.js';
import { type EmbedCohortOptions, embedPreparedRows, type PreparedRow } from './embed-cohort.js';
import { groupByPatient } from './manifest-rows.js';
import type { PreparedOrError } from './prepare-task.js';
import { preparePatientTask } from './prepare-task.js';

/** Options of {@link embedManifest}: those of {@link embedCohort} plus the preprocessing threads. */
export interface EmbedManifestOptions extends EmbedCohortOptions {
  /**
   * Worker threads that read and crop patients (core `parallelMap`) while the main thread runs inference;
   * 1 does everything in this thread. @default 1
   */
  threads?: number;
}

/**
 * {@link embedCohort} over a cohort manifest (`readManifest` rows, grouped by patient as
 * {@link deepCohortRows} does), with reading and cropping in a pool of worker threads. Patients are handed to
 * the pool in chunks of `16 x threads` (one pool start per chunk) and the next chunk is prepared while the current one is inferred, so at
 * most two chunks of crops are held at a time. The table is the same as `embedCohort`'s for any number of
 * threads.
 *
 * @throws {TaceError} as {@link embedCohort}; `WORKER_ERROR` when a worker thread dies.
 * @example
 * ```ts
 * const table = await embedManifest(readManifest('cohort.csv'), model, { threads: 2, batchSize: 8 });
 * ```
 */
export async function embedManifest(
  rows: readonly ManifestRow[],
  model: DeepModel,
  options: EmbedManifestOptions = {},
): Promise<ColumnTable> {
  const { threads = 1, ...embedOptions } = options;
  assertInteger(threads, 'threads', 1);
  const patients = groupByPatient(rows);
  const manifest = model.manifest;
  const moduleUrl = new URL(
    import.meta.url.endsWith('.ts') ? './prepare-task.ts' : './prepare-task.js',
    import.meta.url,
  );
  const chunk = 16 * threads;
  const prepareChunk = (start: number): Promise<PreparedOrError[]> => {
    const items = patients.slice(start, start + chunk);
    if (threads === 1)
      return Promise.resolve(items.map((item, i) => preparePatientTask(item, start + i, manifest)));
    return parallelMap<{ id: string; rows: ManifestRow[] }, PreparedOrError>(items, {
      module: moduleUrl,
      exportName: 'preparePatientTask',
      threads: Math.min(threads, items.length),
      context: manifest,
      label: 'deep crops',
    });
  };
  async function* prepared(): AsyncGenerator<PreparedRow> {
    let next = patients.length > 0 ? prepareChunk(0) : Promise.resolve([]);
    for (let start = 0; start < patients.length; start += chunk) {
      const results = await next;
      if (start + chunk < patients.length) {
        next = prepareChunk(start + chunk); // prefetch while this chunk is inferred
        next.catch(() => {}); // awaited on the next turn; avoids an unhandled rejection if inference stops first
      }
      for (let i = 0; i < results.length; i++) {
        const result = results[i];
        yield {
          id: patients[start + i].id,
          samples: () => {
            if (result.error !== null) throw new Error(result.error);
            return { samples: result.samples, data: result.data };
          },
        };
      }
    }
  }
  return embedPreparedRows(prepared(), patients.length, model, embedOptions);
}
