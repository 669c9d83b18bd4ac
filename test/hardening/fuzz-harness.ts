import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TaceError } from '@tace/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { READ_BUDGET_MS } from './cases.js';

/** How one fuzz case ended: a result, or a TaceError (its code). */
export type FuzzOutcome = { kind: 'ok' } | { kind: 'error'; code: string };

/** A temporary folder for one suite's mutated files; `dispose()` removes it. */
export function fuzzFolder(prefix: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `tace-fuzz-${prefix}-`));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Writes `bytes` to `path`, runs `read(path)` and asserts the contract every reader must keep on hostile
 * input: it ends within {@link READ_BUDGET_MS} either with a result or with a `TaceError` whose message names
 * the file (or `names`, e.g. the folder of a DICOM series); any other exception type fails the test (with the case's path and the original error).
 */
export async function readMutated(
  path: string,
  bytes: Uint8Array,
  read: (path: string) => unknown,
  names: string = path,
  budgetMs = READ_BUDGET_MS,
): Promise<FuzzOutcome> {
  writeFileSync(path, bytes);
  const started = performance.now();
  let outcome: FuzzOutcome;
  try {
    await read(path);
    outcome = { kind: 'ok' };
  } catch (error) {
    if (!(error instanceof TaceError)) {
      throw new Error(`${path}: reader threw ${(error as Error)?.name ?? typeof error}, not a TaceError`, {
        cause: error,
      });
    }
    expect(error.message, `${error.code} error should name the file`).toContain(names);
    outcome = { kind: 'error', code: error.code };
  }
  const elapsed = performance.now() - started;
  expect(elapsed, `${path} took ${elapsed.toFixed(0)} ms`).toBeLessThan(budgetMs);
  return outcome;
}

/** A header field that mutations overwrite with extreme values (huge, negative, zero sizes; bad codes). */
export interface BinaryField {
  offset: number;
  type: 'int16' | 'int32' | 'int64' | 'float32' | 'float64' | 'uint16' | 'uint32';
  littleEndian?: boolean;
}

/** One binary mutation, as drawn by {@link binaryMutation}. */
export type BinaryMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; positions: number[]; bits: number[] }
  | { kind: 'magic'; bytes: Uint8Array }
  | { kind: 'field'; field: BinaryField; value: number }
  | { kind: 'splice'; at: number; bytes: Uint8Array };

/** Values that break naive readers: negative, zero, huge, NaN, overflowing products. */
export const EXTREME_VALUES = [
  -1,
  0,
  1,
  2,
  3,
  7,
  255,
  32767,
  -32768,
  65535,
  2147483647,
  -2147483648,
  4294967295,
  1e9,
  1e15,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

/** Arbitrary mutations of a binary file of `length` bytes whose header `fields` are known. */
export function binaryMutation(length: number, fields: BinaryField[]): fc.Arbitrary<BinaryMutation> {
  const position = fc.nat({ max: Math.max(0, length - 1) });
  const options: fc.Arbitrary<BinaryMutation>[] = [
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat({ max: length }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      positions: fc.array(position, { minLength: 1, maxLength: 8 }),
      bits: fc.array(fc.nat({ max: 7 }), { minLength: 8, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant('magic' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    fc.record({
      kind: fc.constant('splice' as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  ];
  if (fields.length > 0) {
    options.push(
      fc.record({
        kind: fc.constant('field' as const),
        field: fc.constantFrom(...fields),
        value: fc.constantFrom(...EXTREME_VALUES),
      }),
    );
  }
  return fc.oneof(...options);
}

/** Applies a {@link BinaryMutation} to a copy of `bytes`. */
export function applyBinaryMutation(bytes: Uint8Array, m: BinaryMutation): Uint8Array {
  if (m.kind === 'truncate') return bytes.slice(0, m.at);
  const out = bytes.slice();
  if (m.kind === 'flip') {
    m.positions.forEach((p, i) => {
      if (p < out.length) out[p]! ^= 1 << m.bits[i % m.bits.length]!;
    });
  } else if (m.kind === 'magic') {
    out.set(m.bytes.subarray(0, out.length), 0);
  } else if (m.kind === 'splice') {
    out.set(m.bytes.subarray(0, Math.max(0, out.length - m.at)), m.at);
  } else {
    writeField(out, m.field, m.value);
  }
  return out;
}

function writeField(out: Uint8Array, field: BinaryField, value: number): void {
  const width = { int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, float32: 4, float64: 8 }[field.type];
  if (field.offset + width > out.length) return;
  const view = new DataView(out.buffer, out.byteOffset + field.offset, width);
  const le = field.littleEndian ?? true;
  const int = Number.isFinite(value) ? Math.trunc(value) : -1;
  if (field.type === 'int16') view.setInt16(0, int, le);
  else if (field.type === 'uint16') view.setUint16(0, int, le);
  else if (field.type === 'int32') view.setInt32(0, int, le);
  else if (field.type === 'uint32') view.setUint32(0, int, le);
  else if (field.type === 'int64') view.setBigInt64(0, BigInt(int), le);
  else if (field.type === 'float32') view.setFloat32(0, value, le);
  else view.setFloat64(0, value, le);
}

/** One mutation of a text file (lines), as drawn by {@link textMutation}. */
export type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'replace-line'; line: number; text: string }
  | { kind: 'insert'; at: number; text: string };

/** Arbitrary mutations of a text file of `lineCount` lines and `length` characters. */
export function textMutation(
  lineCount: number,
  length: number,
  hostileLines: readonly string[],
): fc.Arbitrary<TextMutation> {
  const line = fc.nat({ max: Math.max(0, lineCount - 1) });
  const at = fc.nat({ max: length });
  const junk = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('"', '""', '\t', ',', '\r', '\n', '\u0000', '\uFFFD', ':', '- ', '{', '[', '\\'),
  );
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('delete-line' as const), line }),
    fc.record({ kind: fc.constant('duplicate-line' as const), line }),
    fc.record({
      kind: fc.constant('replace-line' as const),
      line,
      text: hostileLines.length > 0 ? fc.oneof(fc.constantFrom(...hostileLines), junk) : junk,
    }),
    fc.record({ kind: fc.constant('insert' as const), at, text: junk }),
  );
}

/** Applies a {@link TextMutation} to `text`. */
export function applyTextMutation(text: string, m: TextMutation): string {
  if (m.kind === 'truncate') return text.slice(0, m.at);
  if (m.kind === 'insert') return text.slice(0, m.at) + m.text + text.slice(m.at);
  const lines = text.split('\n');
  const i = Math.min(m.line, lines.length - 1);
  if (m.kind === 'delete-line') lines.splice(i, 1);
  else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
  else lines[i] = m.text;
  return lines.join('\n');
}

/** Tallies outcomes per kind, for a console summary and for asserting that both kinds occurred. */
export function tally(outcomes: FuzzOutcome[]): { ok: number; errors: Record<string, number> } {
  const errors: Record<string, number> = {};
  let ok = 0;
  for (const o of outcomes) {
    if (o.kind === 'ok') ok++;
    else errors[o.code] = (errors[o.code] ?? 0) + 1;
  }
  return { ok, errors };
}

/**
 * Exactly `count` distinct offsets at which a seed of `length` bytes is cut: 0, 1, 4, each boundary and
 * its neighbours, the last byte, then evenly spaced offsets until `count` is reached.
 */
export function cutPoints(length: number, boundaries: readonly number[], count: number): number[] {
  const points = new Set<number>();
  for (const b of [0, 1, 4, ...boundaries.flatMap((b) => [b - 1, b, b + 1]), length - 1]) {
    if (b >= 0 && b < length && points.size < count) points.add(b);
  }
  for (let k = 1; points.size < count && k < 4 * count; k++) {
    points.add(Math.floor((length * k) / (count + 1)) % length);
  }
  return [...points].sort((a, b) => a - b);
}
