import type { ProgressCallback, ProgressEvent } from './progress-callback.js';

/** Where the bar is drawn: a writable stream with an optional TTY flag and width (process.stderr fits). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  /** Output stream. @default process.stderr */
  stream?: ProgressStream;
  /** Width of the bar itself in characters. @default 30 */
  width?: number;
  /**
   * Minimum time between redraws, in milliseconds (the final state is always drawn).
   * @default 80
   */
  intervalMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/** A progress bar: `update` is a {@link ProgressCallback}; `finish` ends the line. */
export interface ProgressBar {
  update: ProgressCallback;
  finish(): void;
}

/**
 * A text progress bar for command-line use, drawn on stderr: `label [#####.....]  42/100  42% 0:07`. On a
 * TTY the line is redrawn in place; when the stream is not a TTY (a log file, CI) nothing is drawn while
 * running and one summary line is written for each label when its work completes.
 * @example const bar = createProgressBar(); await extract(images, { onProgress: bar.update }); bar.finish();
 */
export function createProgressBar(options: ProgressBarOptions = {}): ProgressBar {
  const stream = options.stream ?? process.stderr;
  const width = options.width ?? 30;
  const intervalMs = options.intervalMs ?? 80;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const started = new Map<string, number>();
  let lastDraw = Number.NEGATIVE_INFINITY;
  let open = false;
  let lastLabel = '';

  const line = (event: ProgressEvent): string => {
    const fraction = event.total > 0 ? Math.min(1, Math.max(0, event.done / event.total)) : 0;
    const filled = Math.round(fraction * width);
    const elapsed = formatDuration(now() - (started.get(event.label) ?? now()));
    const counts =
      event.total > 0 ? `${event.done}/${event.total} ${Math.floor(fraction * 100)}%` : `${event.done}`;
    return `${event.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts} ${elapsed}`;
  };

  const update: ProgressCallback = (event) => {
    if (!started.has(event.label)) started.set(event.label, now());
    const complete = event.total > 0 && event.done >= event.total;
    if (!tty) {
      if (complete) stream.write(`${line(event)}\n`);
      return;
    }
    if (event.label !== lastLabel && open) {
      stream.write('\n');
      open = false;
    }
    lastLabel = event.label;
    const t = now();
    if (!complete && t - lastDraw < intervalMs) return;
    lastDraw = t;
    const text = line(event);
    const max = stream.columns !== undefined ? stream.columns - 1 : text.length;
    stream.write(`\r${text.slice(0, max)}\u001b[K`);
    open = true;
    if (complete) {
      stream.write('\n');
      open = false;
    }
  };

  return {
    update,
    finish() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

/** m:ss or h:mm:ss. */
function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
