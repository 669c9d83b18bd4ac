import { createHmac } from 'node:crypto';
import { TaceError } from '../errors/tace-error.js';
import type { ColumnTable } from '../table/types.js';

/** Options of {@link pseudonymize}. */
export interface PseudonymizeOptions {
  /** Text put before the hexadecimal digest. @default 'anon-' */
  prefix?: string;
  /** Hexadecimal characters of the digest kept (16 = 64 bits: collisions need ~4e9 ids). @default 16 */
  length?: number;
}

/** Smallest key accepted, in bytes: shorter keys can be brute-forced from known patient-id formats. */
const MIN_KEY_BYTES = 16;

function keyBytes(key: string | Uint8Array): Uint8Array {
  const bytes = typeof key === 'string' ? new TextEncoder().encode(key) : key;
  if (bytes.length < MIN_KEY_BYTES) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `the pseudonymisation key must have at least ${MIN_KEY_BYTES} bytes, but had ${bytes.length}`,
      {
        param: 'key',
        remedy: 'use a long random secret (e.g. `openssl rand -hex 32`) kept outside the shared outputs',
      },
    );
  }
  return bytes;
}

/**
 * Maps a patient identifier to a stable pseudonym: `prefix` + the first `length` hexadecimal digits of
 * HMAC-SHA256(key, id). The same id and key always give the same pseudonym (so tables from different runs
 * and sites still join), while without the key the id cannot be recovered or checked against a guess.
 * The key is never stored or logged.
 * @throws {TaceError} `INVALID_ARGUMENT` for a key shorter than 16 bytes, an empty id or a `length`
 *   outside [8, 64].
 * @example pseudonymize('MRN-88412077', process.env.TACE_PSEUDONYM_KEY!) // 'anon-3f9c...'
 */
export function pseudonymize(
  id: string,
  key: string | Uint8Array,
  options: PseudonymizeOptions = {},
): string {
  const { prefix = 'anon-', length = 16 } = options;
  if (!Number.isInteger(length) || length < 8 || length > 64) {
    throw new TaceError('INVALID_ARGUMENT', `length must be an integer in [8, 64], but was ${length}`, {
      param: 'length',
    });
  }
  if (typeof id !== 'string' || id === '') {
    throw new TaceError('INVALID_ARGUMENT', 'a patient identifier to pseudonymise is empty', { param: 'id' });
  }
  return `${prefix}${createHmac('sha256', keyBytes(key)).update(id, 'utf8').digest('hex').slice(0, length)}`;
}

/**
 * Returns a copy of `table` whose `column` holds {@link pseudonymize}d identifiers (missing values stay
 * missing); the other columns are shared, not copied.
 * @throws {TaceError} `COLUMN_NOT_FOUND` when the column is absent; as {@link pseudonymize}.
 * @example writeTable(pseudonymizeColumn(features, 'patient_id', key), 'features.csv');
 */
export function pseudonymizeColumn(
  table: ColumnTable,
  column: string,
  key: string | Uint8Array,
  options: PseudonymizeOptions = {},
): ColumnTable {
  const values = table[column];
  if (values === undefined) {
    throw new TaceError('COLUMN_NOT_FOUND', `column '${column}' is not in the table`, { param: column });
  }
  const bytes = keyBytes(key);
  const mapped = Array.from(values as ArrayLike<unknown>, (v) =>
    v === null || v === undefined || v === '' ? null : pseudonymize(String(v), bytes, options),
  );
  return { ...table, [column]: mapped };
}
