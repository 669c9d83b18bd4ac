import { describeValue, TaceError } from './tace-error.js';

/**
 * Asserts that `value` is a finite number.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param` otherwise.
 */
export function assertFiniteNumber(value: unknown, param: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${param} must be a finite number, but was ${describeValue(value)}`,
      {
        param,
      },
    );
  }
}

/**
 * Asserts `lower <(=) value <(=) upper`. Bounds are inclusive unless `open` says otherwise.
 * @throws {TaceError} `INVALID_ARGUMENT` with a message like "must be in (0, 1), but was 95".
 */
export function assertInRange(
  value: unknown,
  param: string,
  lower: number,
  upper: number,
  open: { lower?: boolean; upper?: boolean } = {},
): asserts value is number {
  assertFiniteNumber(value, param);
  const lo = open.lower ? value > lower : value >= lower;
  const hi = open.upper ? value < upper : value <= upper;
  if (!lo || !hi) {
    const interval = `${open.lower ? '(' : '['}${lower}, ${upper}${open.upper ? ')' : ']'}`;
    throw new TaceError('INVALID_ARGUMENT', `${param} must be in ${interval}, but was ${value}`, { param });
  }
}

/**
 * Asserts that `value` is an integer, at least `minimum` (default `-Infinity`).
 * @throws {TaceError} `INVALID_ARGUMENT`.
 */
export function assertInteger(value: unknown, param: string, minimum = -Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    const bound = minimum > -Infinity ? ` >= ${minimum}` : '';
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${param} must be an integer${bound}, but was ${describeValue(value)}`,
      {
        param,
      },
    );
  }
}

/**
 * Asserts that `value` is one of `allowed`.
 * @throws {TaceError} `INVALID_ARGUMENT` listing the allowed values.
 */
export function assertOneOf<T extends string>(
  value: unknown,
  param: string,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TaceError(
      'INVALID_ARGUMENT',
      `${param} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, but was ${describeValue(value)}`,
      { param },
    );
  }
}

/**
 * Asserts that every array has the length of the first.
 * @param arrays - pairs of [name, array].
 * @throws {TaceError} `LENGTH_MISMATCH` naming both arrays and their lengths.
 */
export function assertSameLength(...arrays: [string, { length: number }][]): void {
  if (arrays.length === 0) return;
  const [firstName, first] = arrays[0];
  for (const [name, array] of arrays) {
    if (array.length !== first.length) {
      throw new TaceError(
        'LENGTH_MISMATCH',
        `${name} has length ${array.length} but ${firstName} has length ${first.length}`,
        { param: name, remedy: 'pass one value per subject in every array' },
      );
    }
  }
}
