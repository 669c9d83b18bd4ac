import { TaceError } from '@tace/core';

/**
 * FNV-1a 32-bit hash of a string's UTF-16 code units: fast, platform-independent and stable across
 * versions, so shard membership never changes for a given patient id.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The shard (1-based) a patient belongs to out of `count`: `fnv1a32(patientId) mod count + 1`. It depends
 * only on the id and the shard count, so adding patients to a manifest never moves existing ones between
 * shards, and every row of one patient (all phases) lands in the same shard.
 * @throws {TaceError} `INVALID_ARGUMENT` when `count` is not a positive integer.
 * @example shardOf('HCC_001', 4) // a number in 1..4, the same on every machine
 */
export function shardOf(patientId: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) {
    throw new TaceError('INVALID_ARGUMENT', `shard count must be a positive integer, but was ${count}`, {
      param: '--shard',
    });
  }
  return (fnv1a32(patientId) % count) + 1;
}

/**
 * Indices of the rows whose patient falls in shard `index` of `count`.
 * @example selectShard(['a', 'b', 'a'], { index: 1, count: 2 })
 */
export function selectShard(
  patientIds: readonly string[],
  shard: { index: number; count: number },
): number[] {
  const rows: number[] = [];
  for (let i = 0; i < patientIds.length; i++)
    if (shardOf(patientIds[i], shard.count) === shard.index) rows.push(i);
  return rows;
}
