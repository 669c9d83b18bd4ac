import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/main.js';

const COMMANDS = [
  ['dl', 'embed'],
  ['model', 'fit'],
  ['model', 'validate'],
  ['omics', 'score'],
  ['sc', 'score'],
  ['report'],
];

describe('help of the analysis commands', () => {
  it.each(COMMANDS)(
    'tace %s %s --help prints usage, options with defaults and an example (exit 0)',
    async (...path) => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        expect(await main([...path, '--help'])).toBe(0);
        const help = String(log.mock.calls[0][0]);
        expect(help).toMatch(new RegExp(`^Usage: tace ${path.join(' ')} `));
        expect(help).toContain('Options:');
        expect(help).toMatch(/\(required\)/);
        expect(help).toMatch(/default/);
        expect(help).toMatch(/Examples?:\n\s+tace /);
      } finally {
        log.mockRestore();
      }
    },
  );

  it('tace --help lists them', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(['--help'])).toBe(0);
      const text = String(log.mock.calls[0][0]);
      for (const path of COMMANDS) expect(text).toContain(`tace ${path.join(' ')}`);
    } finally {
      log.mockRestore();
    }
  });

  it.each(COMMANDS)('tace %s without arguments is a usage error (exit 2)', async (...path) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(path)).toBe(2);
    } finally {
      error.mockRestore();
    }
  });
});
