/** One progress report: `done` of `total` units of work finished, for the step named `label`. */
export interface ProgressEvent {
  /** Units finished so far (0 <= done <= total). */
  done: number;
  /** Units in all; may be 0 when unknown. */
  total: number;
  /** What is being done, e.g. "radiomics features" or "bootstrap". */
  label: string;
}

/**
 * Progress callback accepted by long-running library functions (option `onProgress`). Library code never
 * draws anything; the CLI turns events into a bar ({@link createProgressBar}). Callbacks must be cheap and
 * must not throw; {@link reportProgress} shields the caller from a throwing callback.
 */
export type ProgressCallback = (event: ProgressEvent) => void;

/**
 * Calls `onProgress` when given, ignoring errors thrown by it (a broken progress display must not abort a
 * computation on patient data).
 * @example reportProgress(options.onProgress, { done: i + 1, total: n, label: 'patients' });
 */
export function reportProgress(onProgress: ProgressCallback | undefined, event: ProgressEvent): void {
  if (onProgress === undefined) return;
  try {
    onProgress(event);
  } catch {
    // deliberately ignored: see above
  }
}

/**
 * A callback that forwards at most one event per `intervalMs` (and always the last one, done === total),
 * for loops that report every item.
 * @example const onProgress = throttleProgress(options.onProgress, 100);
 */
export function throttleProgress(
  onProgress: ProgressCallback | undefined,
  intervalMs = 100,
  now: () => number = Date.now,
): ProgressCallback {
  let last = Number.NEGATIVE_INFINITY;
  return (event) => {
    const t = now();
    if (event.done >= event.total || t - last >= intervalMs) {
      last = t;
      reportProgress(onProgress, event);
    }
  };
}
