import { isTaceError, TaceError } from '@tace/core';
import { describe, expect, it } from 'vitest';

describe('TaceError', () => {
  it('names the parameter, ends the message with a period and appends the suggestion', () => {
    const error = new TaceError('INVALID_ARGUMENT', 'confLevel must be in (0, 1), but was 95', {
      param: 'confLevel',
      remedy: 'pass a proportion such as 0.95',
    });
    expect(error.message).toBe(
      '[confLevel] confLevel must be in (0, 1), but was 95. Suggestion: pass a proportion such as 0.95.',
    );
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(isTaceError(error, 'INVALID_ARGUMENT')).toBe(true);
  });
  it('keeps ranges like 0..2 and does not double a final period', () => {
    expect(new TaceError('INVALID_ARGUMENT', 'index must be in 0..2.').message).toBe(
      'index must be in 0..2.',
    );
  });
});
