export type { ParallelMapOptions } from './parallel-map.js';
export { parallelMap } from './parallel-map.js';
