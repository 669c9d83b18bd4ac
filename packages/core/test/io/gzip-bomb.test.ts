// Gzip bombs (issue 19, part 11): ~250 KB .csv.gz files that inflate to 256 MiB are read by readTable in a child
// process with a 256 MB heap (`node --max-old-space-size=256`), so that a failure to stop would abort the child,
// never the test runner. Each must end in a named PARSE_ERROR: past the default limit (64 MiB here: 100 x the
// compressed size, at least 64 MiB) for rows of numbers and for one endless line of fields (whose fields are
// not built before its end arrives), at the first chunk for NUL bytes.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tace-bomb-'));
const child = fileURLToPath(new URL('./gzip-bomb.child.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const MiB = 1 << 20;

/** Writes `head` then 256 copies of a block of about 1 MiB filled with `unit`, gzip-compressed. */
async function bomb(name: string, head: string, unit: string | number): Promise<string> {
  const path = join(dir, name);
  const unitBytes = typeof unit === 'string' ? Buffer.byteLength(unit) : 1;
  const block = Buffer.alloc(unitBytes * Math.floor(MiB / unitBytes), unit); // whole units: no ragged row
  async function* chunks() {
    yield Buffer.from(head);
    for (let k = 0; k < 256; k++) yield block;
  }
  await pipeline(chunks(), createGzip({ level: 9 }), createWriteStream(path));
  return path;
}

function readInChild(path: string): { code: string; message: string; maxRssMiB: number } {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=256', '--import', 'tsx', '--conditions=@tace/source', child, path],
    { cwd: root, encoding: 'utf8', timeout: 240_000 },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (!line.startsWith('{')) {
    throw new Error(
      `child ended without an answer (status ${run.status}, signal ${run.signal}): ${run.stderr.slice(-600)}`,
    );
  }
  return JSON.parse(line);
}

describe('readTable on gzip bombs, in a child process with a 256 MB heap', () => {
  const paths: Record<string, string> = {};
  beforeAll(async () => {
    paths.rows = await bomb('rows.csv.gz', 'a,b,c\n', '1,2,3\n');
    paths.line = await bomb('line.csv.gz', 'a,b\n', '0,');
    paths.zeros = await bomb('zeros.csv.gz', '', 0);
  }, 120_000);

  it('rows of numbers inflating to 256 MiB stop at 64 MiB with a PARSE_ERROR stating the limit and maxBytes', () => {
    expect(statSync(paths.rows).size).toBeLessThan(400_000);
    const outcome = readInChild(paths.rows);
    expect(outcome.code).toBe('PARSE_ERROR');
    expect(outcome.message).toContain(paths.rows);
    expect(outcome.message).toMatch(/decompresses to more than 64 MiB .*pass \{ maxBytes: \d+ \}/);
    // 64 MiB of '1,2,3\n' is 33.5 million numbers (268 MB as Float64Array) by the time reading stops
    expect(outcome.maxRssMiB).toBeLessThan(1024);
  }, 240_000);

  it('one endless line of 0, fields inflating to 256 MiB stops at 64 MiB with the same PARSE_ERROR', () => {
    const outcome = readInChild(paths.line);
    expect(outcome.code).toBe('PARSE_ERROR');
    expect(outcome.message).toMatch(/decompresses to more than 64 MiB/);
    expect(outcome.maxRssMiB).toBeLessThan(1024);
  }, 240_000);

  it('256 MiB of NUL bytes stop at the first chunk: a PARSE_ERROR naming the NUL byte', () => {
    const outcome = readInChild(paths.zeros);
    expect(outcome.code).toBe('PARSE_ERROR');
    expect(outcome.message).toMatch(/NUL byte at line 1, byte offset 0: not a text table/);
    expect(outcome.maxRssMiB).toBeLessThan(512);
  }, 240_000);
});
