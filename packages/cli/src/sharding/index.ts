export { fnv1a32, selectShard, shardOf } from './partition.js';
