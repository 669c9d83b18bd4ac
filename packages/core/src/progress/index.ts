export type { ProgressBar, ProgressBarOptions, ProgressStream } from './progress-bar.js';
export { createProgressBar } from './progress-bar.js';
export type { ProgressCallback, ProgressEvent } from './progress-callback.js';
export { reportProgress, throttleProgress } from './progress-callback.js';
