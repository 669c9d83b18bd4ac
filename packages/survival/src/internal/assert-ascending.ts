import { TaceError } from '@tace/core';

/**
 * Asserts that `values` are strictly ascending.
 * @throws {TaceError} `INVALID_ARGUMENT` naming `param` and the first offending pair.
 */
export function assertAscending(values: readonly number[], param: string): void {
  for (let k = 1; k < values.length; k++) {
    if (!(values[k] > values[k - 1])) {
      throw new TaceError(
        'INVALID_ARGUMENT',
        `${param} must be strictly ascending, but ${values[k]} follows ${values[k - 1]}`,
        { param },
      );
    }
  }
}
