export { type MergeResult, mergeParts } from './merge.js';
export { fnv1a32, selectShard, shardOf } from './partition.js';
