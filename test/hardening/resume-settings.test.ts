// Issue 19 item 2: `tace radiomics extract --resume` with other settings used to mix rows computed at two
// settings in one table (exit 0). Every resumable/shardable output now has a settings record beside it
// (<out>.settings.json: fingerprint of the parsed parameters, toolkit and feature-code version); resuming
// across a change and merging parts of different settings are refused.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '@tace/cli';
import { afterAll, afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { fuzzFolder } from './fuzz-harness.js';
import { writeCohort } from './helpers/cohort-fixture.js';

const folder = fuzzFolder('resume-settings');
afterAll(folder.dispose);

let stderr: MockInstance;
beforeEach(() => {
  stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => stderr.mockRestore());
const printed = () => stderr.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
const fingerprintOf = (out: string) =>
  (JSON.parse(readFileSync(`${out}.settings.json`, 'utf8')) as { fingerprint: string }).fingerprint;

describe('settings fingerprints of resumable and shardable outputs', () => {
  const { manifest } = writeCohort(join(folder.dir, 'cohort'), 4);
  const paramsA = join(folder.dir, 'a.json');
  const paramsAyaml = join(folder.dir, 'a-again.yaml');
  const paramsB = join(folder.dir, 'b.json');
  writeFileSync(paramsA, JSON.stringify({ setting: { binWidth: 25 }, featureClass: { firstorder: null } }));
  // the same settings, written differently (YAML, other key order): the same fingerprint
  writeFileSync(paramsAyaml, 'featureClass:\n  firstorder:\nsetting:\n  binWidth: 25\n');
  writeFileSync(paramsB, JSON.stringify({ setting: { binWidth: 10 }, featureClass: { firstorder: null } }));
  const extract = (out: string, params: string, ...more: string[]) =>
    main([
      'radiomics',
      'extract',
      '--manifest',
      manifest,
      '--params',
      params,
      '--out',
      out,
      '--threads',
      '1',
      ...more,
    ]);

  it('--resume with another --params file is refused (both fingerprints and the remedy named); --force recomputes', async () => {
    const out = join(folder.dir, 'features.csv');
    expect(await extract(out, paramsA)).toBe(0);
    const before = readFileSync(out, 'utf8');
    const a = fingerprintOf(out);
    expect(a).toMatch(/^[0-9a-f]{16}$/);

    expect(await extract(out, paramsB, '--resume')).toBe(2);
    const message = printed();
    expect(message).toContain(`fingerprint ${a}`);
    expect(message).toMatch(/this run has [0-9a-f]{16}/);
    expect(message).toContain('settings.parameters.setting.binWidth');
    expect(message).toContain('--force');
    expect(message).toContain('new --out');
    expect(readFileSync(out, 'utf8')).toBe(before); // nothing mixed in
    expect(fingerprintOf(out)).toBe(a);

    stderr.mockClear();
    expect(await extract(out, paramsAyaml, '--resume')).toBe(0); // same settings: resumes
    expect(printed()).toContain('4 resumed');
    expect(readFileSync(out, 'utf8')).toBe(before);

    expect(await extract(out, paramsB, '--resume', '--force')).toBe(0);
    const fresh = join(folder.dir, 'fresh-b.csv');
    expect(await extract(fresh, paramsB)).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(fresh, 'utf8'));
    expect(fingerprintOf(out)).toBe(fingerprintOf(fresh));
    expect(fingerprintOf(out)).not.toBe(a);
  });

  it('--resume of an output without a settings record is refused', async () => {
    const out = join(folder.dir, 'old.csv');
    expect(await extract(out, paramsA)).toBe(0);
    rmSync(`${out}.settings.json`);
    expect(await extract(out, paramsA, '--resume')).toBe(2);
    expect(printed()).toContain('has no settings record');
  });

  it('tace merge refuses shard parts computed with different settings, and records the common one', async () => {
    const parts = join(folder.dir, 'parts');
    expect(await extract(parts, paramsA, '--shard', '1/2')).toBe(0);
    expect(await extract(parts, paramsB, '--shard', '2/2')).toBe(0);
    const merged = join(folder.dir, 'merged.csv');
    stderr.mockClear();
    expect(await main(['merge', '--manifest', manifest, '--out', merged, parts])).toBe(3);
    expect(printed()).toContain('cannot merge parts computed with different settings');
    expect(printed()).toMatch(/fingerprint [0-9a-f]{16}, .* has [0-9a-f]{16}/);
    expect(existsSync(merged)).toBe(false);

    expect(await extract(parts, paramsA, '--shard', '2/2')).toBe(0);
    expect(await main(['merge', '--manifest', manifest, '--out', merged, parts])).toBe(0);
    const single = join(folder.dir, 'single.csv');
    expect(await extract(single, paramsA)).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(single, 'utf8'));
    expect(fingerprintOf(merged)).toBe(fingerprintOf(single));
  });
});
