import dns from 'node:dns';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import { join, resolve } from 'node:path';
import tls from 'node:tls';
import { main } from '@tace/cli';
import { pseudonymize, pseudonymizeColumn, readTable, TaceError, writeTable } from '@tace/core';
import { loadModel, readDicomSeries, readRtstruct, releaseModel } from '@tace/imaging';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ctSlice, PATIENT_IDENTIFIERS, rtstructFile, slicePixels } from './dicom-builder.js';
import { fuzzFolder } from './fuzz-harness.js';

const folder = fuzzFolder('hygiene');
afterAll(folder.dispose);
const IDENTIFIERS = Object.values(PATIENT_IDENTIFIERS);

/** Fails naming every planted identifier found in `text`. */
function expectNoIdentifiers(text: string, where: string): void {
  const found = IDENTIFIERS.filter((id) => text.includes(id) || text.includes(id.replace('^', ' ')));
  expect(found, `${where} leaks patient identifiers`).toEqual([]);
}

/** A patient folder: CT series of `slices` slices and an RTSTRUCT, all carrying the planted identifiers. */
function writePatient(dir: string, slices = 5): { ct: string; rs: string } {
  const ct = join(dir, 'CT');
  mkdirSync(ct, { recursive: true });
  for (let k = 0; k < slices; k++) {
    writeFileSync(
      join(ct, `IM${k}.dcm`),
      ctSlice({ rows: 32, columns: 32, z: 2 * k, pixels: slicePixels(32, 32, k) }),
    );
  }
  const rs = join(dir, 'RS.dcm');
  writeFileSync(rs, rtstructFile('GTV-1', [2, 4, 6], -6, 1));
  return { ct, rs };
}

/** Captures everything written to stdout/stderr and through console while `f` runs. */
async function captureOutput<T>(f: () => Promise<T>): Promise<{ value: T; text: string }> {
  const chunks: string[] = [];
  const write = (chunk: unknown) => {
    chunks.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(write),
    vi.spyOn(process.stderr, 'write').mockImplementation(write),
    ...(['log', 'error', 'warn', 'info', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        chunks.push(args.map(String).join(' '));
      }),
    ),
  ];
  try {
    return { value: await f(), text: chunks.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('patient-data hygiene: DICOM identifiers never reach results, tables, logs or errors', () => {
  it('readDicomSeries and readRtstruct results carry no identifier', () => {
    const { ct, rs } = writePatient(join(folder.dir, 'read'));
    const series = readDicomSeries(ct);
    const mask = readRtstruct(rs, series.image);
    const { data: _d, ...geometry } = series.image;
    expectNoIdentifiers(JSON.stringify({ ...series, image: geometry }), 'readDicomSeries');
    expectNoIdentifiers(JSON.stringify({ ...mask, data: undefined }), 'readRtstruct');
    expect(mask.data.some((v) => v === 1)).toBe(true);
  });

  it('error messages about broken series and structures carry no identifier', () => {
    const messages: string[] = [];
    const attempt = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(TaceError);
        messages.push((error as Error).message, String((error as Error).stack));
      }
    };
    // uneven spacing (a missing slice), two series, truncated pixel data, ROI not found, not an RTSTRUCT
    const uneven = writePatient(join(folder.dir, 'uneven'));
    writeFileSync(join(uneven.ct, 'IM2.dcm'), 'not dicom');
    attempt(() => readDicomSeries(uneven.ct));
    const two = writePatient(join(folder.dir, 'two'));
    writeFileSync(
      join(two.ct, 'other.dcm'),
      ctSlice({ rows: 32, columns: 32, z: 20, pixels: slicePixels(32, 32, 9), seriesUid: '1.2.3.9' }),
    );
    attempt(() => readDicomSeries(two.ct));
    const cut = writePatient(join(folder.dir, 'cut'));
    const bytes = readFileSync(join(cut.ct, 'IM1.dcm'));
    writeFileSync(join(cut.ct, 'IM1.dcm'), bytes.subarray(0, bytes.length - 100));
    attempt(() => readDicomSeries(cut.ct));
    const good = readDicomSeries(join(folder.dir, 'read', 'CT')).image;
    attempt(() => readRtstruct(uneven.rs, good, { roi: 'LIVER' }));
    attempt(() => readRtstruct(join(uneven.ct, 'IM0.dcm'), good));
    expect(messages.length).toBe(10);
    expectNoIdentifiers(messages.join('\n'), 'error messages');
  });

  it('`tace radiomics extract` on DICOM + RTSTRUCT writes and logs no identifier; --pseudonymize replaces ids', async () => {
    const dir = join(folder.dir, 'cli');
    const good = writePatient(join(dir, 'p1'));
    const bad = writePatient(join(dir, 'p2'));
    writeFileSync(join(bad.ct, 'IM3.dcm'), readFileSync(join(bad.ct, 'IM3.dcm')).subarray(0, 400));
    const manifest = join(dir, 'cohort.csv');
    writeTable(
      {
        patient_id: ['HCC-0001', 'HCC-0002'],
        phase: ['arterial', 'arterial'],
        image: [good.ct, bad.ct],
        mask: [good.rs, bad.rs],
        label: ['GTV-1', 'GTV-1'],
      },
      manifest,
    );
    const out = join(dir, 'features.csv');
    process.env.TACE_PSEUDONYM_KEY = 'k'.repeat(32);
    try {
      const run = await captureOutput(() =>
        main([
          'radiomics',
          'extract',
          '--manifest',
          manifest,
          '--out',
          out,
          '--threads',
          '1',
          '--pseudonymize',
        ]),
      );
      expect(run.value).toBe(1); // one patient failed, the run finished
      const written = readFileSync(out, 'utf8');
      expectNoIdentifiers(written, 'the feature table');
      expectNoIdentifiers(run.text, 'the CLI output');
      const table = readTable(out);
      expect(table.patient_id).toEqual([
        pseudonymize('HCC-0001', 'k'.repeat(32)),
        pseudonymize('HCC-0002', 'k'.repeat(32)),
      ]);
      expect(written).not.toContain('HCC-000');
      expect((table.error as (string | null)[])[1]).toMatch(/IM3\.dcm|pixel data|unevenly|DICOM/);
    } finally {
      delete process.env.TACE_PSEUDONYM_KEY;
    }
  });

  it('pseudonymize is stable, keyed, and refuses short keys', () => {
    const key = 'a-long-enough-secret-key-0123456789';
    expect(pseudonymize('MRN-1', key)).toBe(pseudonymize('MRN-1', key));
    expect(pseudonymize('MRN-1', key)).not.toBe(pseudonymize('MRN-2', key));
    expect(pseudonymize('MRN-1', key)).not.toBe(pseudonymize('MRN-1', `${key}x`));
    expect(pseudonymize('MRN-1', key)).toMatch(/^anon-[0-9a-f]{16}$/);
    // printf 'MRN-1' | openssl dgst -sha256 -hmac 'a-long-enough-secret-key-0123456789' (OpenSSL 3)
    expect(pseudonymize('MRN-1', key, { prefix: '', length: 64 })).toBe(
      '7215d3e1f62fc65bec32274722195e2423186891b82b6a7274519d9e09a0cbf9',
    );
    expect(() => pseudonymize('MRN-1', 'short')).toThrow(TaceError);
    const table = pseudonymizeColumn(
      { id: ['MRN-1', null, 'MRN-1'], x: Float64Array.of(1, 2, 3) },
      'id',
      key,
    );
    expect(table.id).toEqual([pseudonymize('MRN-1', key), null, pseudonymize('MRN-1', key)]);
  });
});

describe('no network: the library works with every way out made to throw', () => {
  const saved: [object, string, unknown][] = [];
  const block = (target: object, name: string) => {
    saved.push([target, name, (target as Record<string, unknown>)[name]]);
    (target as Record<string, unknown>)[name] = () => {
      throw new Error(`network access attempted: ${name}`);
    };
  };
  afterEach(() => {
    for (const [target, name, value] of saved.splice(0)) (target as Record<string, unknown>)[name] = value;
    syncBuiltinESMExports();
  });

  it('extraction from DICOM, the ONNX model and table I/O run with net/http/https/tls/dns/fetch throwing', async () => {
    for (const name of ['connect', 'createConnection', 'Socket']) block(net, name);
    for (const name of ['request', 'get']) {
      block(http, name);
      block(https, name);
    }
    block(tls, 'connect');
    for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) block(dns, name);
    block(dns.promises, 'lookup');
    block(globalThis, 'fetch');
    syncBuiltinESMExports();
    expect(() => net.connect(80, 'example.org')).toThrow(/network access attempted/);

    const dir = join(folder.dir, 'offline');
    const patient = writePatient(join(dir, 'p1'));
    const manifest = join(dir, 'cohort.csv');
    writeTable(
      { patient_id: ['X1'], phase: ['pv'], image: [patient.ct], mask: [patient.rs], label: ['GTV-1'] },
      manifest,
    );
    const out = join(dir, 'features.parquet');
    // one thread: worker threads would load their own, unpatched modules
    const run = await captureOutput(() =>
      main(['radiomics', 'extract', '--manifest', manifest, '--out', out, '--threads', '1']),
    );
    expect(run.value).toBe(0);
    expect((readTable(out).error as string[])[0]).toBe('');
    const model = await loadModel(
      resolve(import.meta.dirname, '../../packages/imaging/models/tace-cnn-v1.onnx'),
    );
    await releaseModel(model);
  });
});
