import { createRng } from '@tace/core';
import { expect, it } from 'vitest';

it('resolves @tace/core from source', () => {
  expect(typeof createRng(1).nextFloat()).toBe('number');
});
