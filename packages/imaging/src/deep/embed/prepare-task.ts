import type { ManifestRow } from '../../cohort/manifest.js';
import { prepareSamples } from '../crop/prepare-samples.js';
import type { PreprocessingManifest } from '../model/manifest.js';
import { loadManifestPatient } from './manifest-rows.js';

/** What a worker returns for one patient: its samples, or why it failed (never throws). */
export type PreparedOrError = { samples: number; data: Float32Array; error: null } | { error: string };

/**
 * Worker task of {@link embedManifest} (run by core `parallelMap`): reads one patient's images from the
 * manifest rows and crops them as the manifest says. Never throws, so one bad patient does not stop the pool.
 */
export function preparePatientTask(
  item: { id: string; rows: ManifestRow[] },
  _index: number,
  manifest: PreprocessingManifest,
): PreparedOrError {
  try {
    const { samples, data } = prepareSamples(loadManifestPatient(item.id, item.rows, manifest), manifest);
    return { samples, data, error: null };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
