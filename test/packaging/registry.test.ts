// The packages as a user gets them: packed (scripts/pack.mjs), checked file by file, published to a real npm
// registry (Verdaccio on 127.0.0.1, no uplinks: nothing comes from the network), installed BY NAME into a fresh
// folder with plain npm, and imported from Node ESM, CommonJS (import()), `node --input-type=module -`, Deno
// (the folder's node_modules, and npm: specifiers against the local registry) and the Deno Jupyter kernel;
// worker-thread functions (cvCoxnet, scoreGeneSetsParallel) run in each; a consumer script importing every
// package and subpath type-checks under tsc --strict with nodenext and no skipLibCheck.
//
// The registry holds an offline mirror of every third-party package the @tace tarballs need, built from what
// pnpm installed (test/packaging/lib/mirror.ts). Run: `npx vitest run test/packaging` (packs first: tsc -b).
// Only the Jupyter part can skip (when jupyter-nbconvert is absent); Deno is a devDependency.
import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Manifest, tarMirrorPackage, thirdPartyClosure } from './lib/mirror.js';
import { putTarball, type Registry, startRegistry } from './lib/verdaccio.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = join(repo, 'test/packaging/fixtures');
const deno = join(repo, 'node_modules/@deno/linux-x64-glibc/deno');
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
const PACKAGES = ['core', 'survival', 'imaging', 'omics', 'figures', 'synthetic', 'cli'];
const nbconvert = spawnSync('jupyter-nbconvert', ['--version'], { encoding: 'utf8' }).status === 0;
const jupyterSkip = nbconvert
  ? ''
  : 'jupyter-nbconvert is not installed (apt install jupyter-nbconvert python3-ipykernel)';
if (jupyterSkip !== '') console.warn(`packaging test: the Jupyter context is skipped: ${jupyterSkip}`);

// Timeouts: a quiet 2-core run takes about 95 s in all (December 2026): setup (tsc -b when built, pack, mirror)
// about 35 s; the footprint step about 30 s; every other step under 20 s. Each limit is at least 5x that.
const SETUP_TIMEOUT = 300_000;
const STEP_TIMEOUT = 150_000;
const FOOTPRINT_TIMEOUT = 300_000;

interface Packed {
  name: string;
  version: string;
  file: string;
  files: string[];
  manifest: Manifest & Record<string, unknown>;
}

let work = '';
let registry: Registry | undefined;
let packed: Packed[] = [];
let mirrored = 0;
let tarballDir = '';
const consumer = () => join(work, 'consumer');

/** Child processes see a clean npm configuration: ours, not the one vitest or pnpm was started with. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
  return {
    ...clean,
    npm_config_userconfig: join(work, 'npmrc'),
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    DENO_DIR: join(work, 'deno-dir'),
    DENO_NO_UPDATE_CHECK: '1',
    ...extra,
  };
}

function sh(command: string, args: string[], options: SpawnSyncOptions & { input?: string } = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', env: env(), timeout: STEP_TIMEOUT, ...options });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${out}\n${registry?.log() ?? ''}`,
    );
  }
  return String(r.stdout ?? '');
}

/** {@link sh} without blocking, for npm commands that may run side by side (publishing 7 tarballs). */
function shAsync(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((done, reject) => {
    const child = spawn(command, args, { env: env(), ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? done(stdout)
        : reject(
            new Error(
              `${command} ${args.join(' ')} failed (${code}):\n${stdout}${stderr}\n${registry?.log() ?? ''}`,
            ),
          ),
    );
  });
}

/** The `RESULT {...}` line a check script prints. */
function result(stdout: string): Record<string, unknown> {
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (line === undefined) throw new Error(`no RESULT line in:\n${stdout}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

/** What every context must compute: the same numbers, workers that match the serial run, no ONNX runtime. */
function expectChecks(values: Record<string, unknown>) {
  expect(values.kmGroups).toMatch(/^(high|low):\d+,(high|low):\d+$/);
  expect(values.coxHazardRatio).toBeGreaterThan(1);
  expect(values.cvLambdaMin).toBeGreaterThan(0);
  expect(values.cvSameAsSerial).toBe(true);
  expect(values.ssgseaSets).toBeGreaterThan(0);
  expect(values.ssgseaSameAsSerial).toBe(true);
  expect(values.onnx).toBe('MISSING_DEPENDENCY: onnxruntime-node');
  expect(values.featureClasses).toBeGreaterThan(0);
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tace-packaging-'));
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  // 1. Pack (builds with tsc -b first; a no-op when CI has built).
  // TACE_PACKED=<folder>: test tarballs already packed there by scripts/pack.mjs instead.
  const tarballs = process.env.TACE_PACKED ?? join(work, 'tarballs');
  tarballDir = tarballs;
  if (process.env.TACE_PACKED === undefined) {
    sh(process.execPath, [join(repo, 'scripts/pack.mjs'), '--out', tarballs], {
      cwd: repo,
      timeout: SETUP_TIMEOUT,
    });
  }
  const index = JSON.parse(readFileSync(join(tarballs, 'index.json'), 'utf8')) as Packed[];
  packed = index.map((e) => {
    const path = join(tarballs, e.file);
    const files = sh('tar', ['-tzf', path]).split('\n').filter(Boolean);
    const manifest = JSON.parse(sh('tar', ['-xzOf', path, 'package/package.json'])) as Packed['manifest'];
    return { ...e, file: path, files, manifest };
  });
  console.log(`packaging test: ${packed.length} tarballs packed (${seconds()})`);
  // 2. The registry, and the offline mirror of third-party dependencies.
  registry = await startRegistry(repo, join(work, 'registry'));
  // Users install anonymously (npmrc); only publishing sends the token (npmrc-publish).
  writeFileSync(join(work, 'npmrc'), `registry=${registry.url}\n`);
  writeFileSync(
    join(work, 'npmrc-publish'),
    `registry=${registry.url}\n//${registry.url.slice('http://'.length)}:_authToken=${registry.token}\n`,
  );
  const roots = packed.map((p) => ({
    folder: join(repo, 'packages', p.name.replace('@tace/', '')),
    manifest: p.manifest,
  }));
  const mirrorDir = join(work, 'mirror');
  mkdirSync(mirrorDir);
  const queue = thirdPartyClosure(roots);
  const worker = async () => {
    for (let pkg = queue.pop(); pkg !== undefined; pkg = queue.pop()) {
      const { tarball, manifest } = await tarMirrorPackage(pkg, mirrorDir);
      await putTarball(registry as Registry, manifest, tarball);
      mirrored++;
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  console.log(`packaging test: registry ${registry.url} with ${mirrored} mirrored packages (${seconds()})`);
}, SETUP_TIMEOUT);

afterAll(async () => {
  await registry?.stop();
  if (work !== '') rmSync(work, { recursive: true, force: true });
}, 30_000);

describe('the packed tarballs (pnpm pack through scripts/pack.mjs)', () => {
  it('are all there, at version 0.2.0', () => {
    expect(packed.map((p) => p.name)).toEqual(PACKAGES.map((p) => `@tace/${p}`));
    for (const p of packed) expect(p.version).toBe('0.2.0');
  });

  it('ship dist (.js and .d.ts), README, LICENSE and run-time data only: no src, tests, fixtures, maps or build info', () => {
    const data: Record<string, RegExp> = {
      '@tace/imaging': /^package\/models\/[^/]+$/,
      '@tace/omics': /^package\/signatures\/[^/]+$/,
    };
    for (const p of packed) {
      const unexpected = p.files.filter(
        (f) =>
          !/^package\/(package\.json|LICENSE|README\.md)$/.test(f) &&
          !/^package\/dist\/.+(\.js|\.d\.ts)$/.test(f) &&
          !(data[p.name]?.test(f) ?? false),
      );
      expect(unexpected, p.name).toEqual([]);
      expect(
        p.files.filter((f) => /\/(test|tests|fixtures|src)\/|\.tsbuildinfo$|\.map$/.test(f)),
        p.name,
      ).toEqual([]);
      expect(p.files, p.name).toContain('package/LICENSE');
      expect(p.files, p.name).toContain('package/dist/index.js');
      expect(p.files, p.name).toContain('package/dist/index.d.ts');
    }
    const imaging = packed.find((p) => p.name === '@tace/imaging');
    // The trained default (tace-cnn-v2) with its manifest and golden pair, and the random-feature tace-cnn-v1.
    for (const model of ['tace-cnn-v1', 'tace-cnn-v2'])
      for (const part of [
        '.onnx',
        '.preprocessing.json',
        '.golden-input.npy',
        '.golden-embedding.npy',
        '.golden-risk.npy',
      ])
        expect(imaging?.files).toContain(`package/models/${model}${part}`);
    const omics = packed.find((p) => p.name === '@tace/omics');
    expect(omics?.files).toContain('package/signatures/hallmark.v7.0.subset.symbols.gmt');
  });

  it('have publishable manifests: license, repository, engines, exports with types, no workspace: or @tace/source', () => {
    for (const p of packed) {
      const m = p.manifest;
      const text = JSON.stringify(m);
      expect(text, p.name).not.toContain('workspace:');
      expect(text, p.name).not.toContain('@tace/source');
      expect(text, p.name).not.toMatch(/"\.\/src\//);
      expect(m.license, p.name).toBe('MIT');
      expect((m.repository as { url?: string })?.url, p.name).toMatch(/^git\+https:/);
      expect((m.engines as { node?: string })?.node, p.name).toBe('>=20.19');
      expect(m.type, p.name).toBe('module');
      expect(m.sideEffects, p.name).toBeDefined();
      for (const [dep, range] of Object.entries(m.dependencies ?? {})) {
        if (dep.startsWith('@tace/')) expect(range, `${p.name} -> ${dep}`).toBe('0.2.0');
      }
      // Every path the manifest names is in the tarball; every export has types.
      const targets: string[] = [m.main as string, m.types as string];
      const exportsField = m.exports as Record<string, Record<string, string>>;
      expect(Object.keys(exportsField), p.name).toContain('.');
      for (const [subpath, conditions] of Object.entries(exportsField)) {
        expect(Object.keys(conditions), `${p.name} ${subpath}`).toEqual(['types', 'default']);
        targets.push(...Object.values(conditions));
      }
      targets.push(...Object.values((m.bin as Record<string, string> | undefined) ?? {}));
      for (const target of targets)
        expect(p.files, `${p.name}: ${target}`).toContain(`package/${target.replace(/^\.\//, '')}`);
    }
  });

  it('pass npm publish --dry-run', { timeout: STEP_TIMEOUT }, async () => {
    const publish = env({ npm_config_userconfig: join(work, 'npmrc-publish') });
    const outputs = await Promise.all(
      packed.map((p) => shAsync('npm', ['publish', '--dry-run', p.file], { cwd: work, env: publish })),
    );
    for (const [k, p] of packed.entries()) expect(outputs[k], p.name).toContain(`${p.name}@0.2.0`);
  });
});

describe('from a real npm registry on 127.0.0.1', () => {
  it('npm publish puts every @tace tarball next to the offline mirror of its dependencies', {
    timeout: STEP_TIMEOUT,
  }, async () => {
    expect(mirrored).toBeGreaterThan(10);
    const publish = env({ npm_config_userconfig: join(work, 'npmrc-publish') });
    await Promise.all(packed.map((p) => shAsync('npm', ['publish', p.file], { cwd: work, env: publish })));
    const versions = await Promise.all(
      packed.map((p) => shAsync('npm', ['view', p.name, 'version'], { cwd: work })),
    );
    for (const [k, p] of packed.entries()) expect(versions[k].trim(), p.name).toBe('0.2.0');
  });

  it('npm install @tace/survival @tace/omics @tace/imaging by name: no ONNX runtime, Parquet wasm or fonts', {
    timeout: STEP_TIMEOUT,
  }, () => {
    mkdirSync(consumer());
    writeFileSync(
      join(consumer(), 'package.json'),
      `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`,
    );
    sh('npm', ['install', '@tace/survival', '@tace/omics', '@tace/imaging'], { cwd: consumer() });
    const installed = (name: string) => existsSync(join(consumer(), 'node_modules', name, 'package.json'));
    for (const name of ['@tace/core', '@tace/survival', '@tace/omics', '@tace/imaging'])
      expect(installed(name), name).toBe(true);
    for (const name of ['onnxruntime-node', 'parquet-wasm', 'dejavu-fonts-ttf', '@tace/figures'])
      expect(installed(name), name).toBe(false);
    const lock = readFileSync(join(consumer(), 'package-lock.json'), 'utf8');
    expect(lock).toContain(registry?.url);
    expect(lock).not.toContain('registry.npmjs.org');
    for (const file of ['check-core.mjs', 'check-esm.mjs', 'check-cjs.cjs'])
      copyFileSync(join(fixtures, file), join(consumer(), file));
  });

  it('footprint: survival, omics and imaging alone stay in their goals (scripts/footprint.mjs --check, from this registry)', {
    timeout: FOOTPRINT_TIMEOUT,
  }, () => {
    const out = sh(
      process.execPath,
      [
        join(repo, 'scripts/footprint.mjs'),
        '--tarballs',
        tarballDir,
        '--registry',
        registry?.url ?? '',
        '--check',
        // The packages with a goal, and imaging (no ONNX runtime); `pnpm run footprint` prints all seven.
        '--only',
        'survival,omics,imaging',
      ],
      { cwd: work, timeout: FOOTPRINT_TIMEOUT },
    );
    console.log(out.slice(out.indexOf('node_modules of a fresh')));
    expect(out).toMatch(/^@tace\/survival\s+\d+\.\d\s+\d+\.\d\s+<=25/m);
    expect(out).toMatch(/^@tace\/omics\s+\d+\.\d\s+\d+\.\d\s+<=30/m);
  });

  it('imports by name from Node ESM; workers run (cvCoxnet on 2 threads, scoreGeneSetsParallel)', {
    timeout: STEP_TIMEOUT,
  }, () => {
    expectChecks(result(sh(process.execPath, ['check-esm.mjs'], { cwd: consumer() })));
  });

  it('imports by name from `node --input-type=module -` (code on stdin, as REPL-like runners do)', {
    timeout: STEP_TIMEOUT,
  }, () => {
    const code = readFileSync(join(fixtures, 'check-esm.mjs'), 'utf8');
    expectChecks(
      result(sh(process.execPath, ['--input-type=module', '-'], { cwd: consumer(), input: code })),
    );
  });

  it('imports from CommonJS through import()', { timeout: STEP_TIMEOUT }, () => {
    expectChecks(result(sh(process.execPath, ['check-cjs.cjs'], { cwd: consumer() })));
  });

  it('imports by name from Deno, using the folder’s node_modules', { timeout: STEP_TIMEOUT }, () => {
    expectChecks(result(sh(deno, ['run', '-A', 'check-esm.mjs'], { cwd: consumer() })));
  });

  it('imports npm: specifiers from Deno, resolved against the local registry', {
    timeout: STEP_TIMEOUT,
  }, () => {
    const dir = join(work, 'deno-npm');
    mkdirSync(dir);
    for (const file of ['check-core.mjs', 'check-deno-npm.ts'])
      copyFileSync(join(fixtures, file), join(dir, file));
    const model = join(consumer(), 'node_modules/@tace/imaging/models/tace-cnn-v1.onnx');
    // Deno 2.9 holds back versions published less than 24 h ago (minimum dependency age): these are minutes old.
    const out = sh(deno, ['run', '-A', '--minimum-dependency-age=0', 'check-deno-npm.ts'], {
      cwd: dir,
      env: env({ NPM_CONFIG_REGISTRY: registry?.url ?? '', TACE_MODEL: model }),
    });
    expectChecks(result(out));
  });

  it.skipIf(jupyterSkip !== '')(
    `runs a notebook headless on the Deno Jupyter kernel in that folder${jupyterSkip ? ` (skipped: ${jupyterSkip})` : ''}`,
    { timeout: STEP_TIMEOUT },
    () => {
      const kernels = join(work, 'jupyter');
      mkdirSync(join(kernels, 'kernels/tace-deno'), { recursive: true });
      writeFileSync(
        join(kernels, 'kernels/tace-deno/kernel.json'),
        JSON.stringify({
          argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'],
          display_name: 'Deno (tace packaging test)',
          language: 'typescript',
        }),
      );
      copyFileSync(join(fixtures, 'packaging.ipynb'), join(consumer(), 'packaging.ipynb'));
      const executed = join(work, 'executed.ipynb');
      const expected = ['km median = ', 'ssgsea on 2 threads: ', 'imaging feature classes: '];
      const execute = () => {
        sh(
          'jupyter',
          [
            'nbconvert',
            '--to',
            'notebook',
            '--execute',
            '--ExecutePreprocessor.kernel_name=tace-deno',
            '--ExecutePreprocessor.timeout=120',
            // nbclient's default waits only 4 s for a cell's outputs after its reply (see test/notebook).
            '--ExecutePreprocessor.iopub_timeout=120',
            '--ExecutePreprocessor.raise_on_iopub_timeout=True',
            '--output',
            executed,
            'packaging.ipynb',
          ],
          { cwd: consumer(), env: env({ JUPYTER_PATH: kernels }) },
        );
        const cells = JSON.parse(readFileSync(executed, 'utf8')).cells as {
          outputs?: {
            output_type: string;
            text?: string | string[];
            data?: Record<string, unknown>;
            ename?: string;
            evalue?: string;
          }[];
        }[];
        const outputs = cells.flatMap((c) => c.outputs ?? []);
        const joined = (v: unknown) => (Array.isArray(v) ? v.join('') : typeof v === 'string' ? v : '');
        return {
          outputs,
          text: outputs.map((o) => `${joined(o.text)}${joined(o.data?.['text/plain'])}\n`).join(''),
        };
      };
      // A run that still lost an output is repeated (see test/notebook), at most three runs; errors are not.
      let run = execute();
      for (let attempt = 1; attempt < 3 && !expected.every((e) => run.text.includes(e)); attempt++) {
        if (run.outputs.some((o) => o.output_type === 'error')) break;
        run = execute();
      }
      expect(
        run.outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
      ).toEqual([]);
      expect(run.text).toMatch(/km median = \d/);
      expect(run.text).toMatch(
        /ssgsea on 2 threads: [1-9]\d* sets x 6 samples; imaging feature classes: [1-9]/,
      );
    },
  );

  it('type-checks a consumer of every package and subpath with tsc --strict, nodenext, no skipLibCheck', {
    timeout: STEP_TIMEOUT,
  }, () => {
    // The rest of the packages, by name too, into the same folder.
    sh('npm', ['install', '@tace/figures', '@tace/synthetic', '@tace/cli'], { cwd: consumer() });
    for (const file of ['consumer.ts', 'tsconfig.json'])
      copyFileSync(join(fixtures, file), join(consumer(), file));
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: consumer(),
      encoding: 'utf8',
      env: env(),
    });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
    expect(r.status).toBe(0);
  });

  it('loads every package and subpath by name in Node, and runs the `tace` command', {
    timeout: STEP_TIMEOUT,
  }, () => {
    const specifiers = packed.flatMap((p) =>
      Object.keys(p.manifest.exports as Record<string, unknown>).map((sub) => `${p.name}${sub.slice(1)}`),
    );
    const code = `for (const s of ${JSON.stringify(specifiers)}) console.log(s, Object.keys(await import(s)).length);`;
    const out = sh(process.execPath, ['--input-type=module', '-'], { cwd: consumer(), input: code });
    for (const s of specifiers) expect(out).toMatch(new RegExp(`^${s} [1-9]\\d*$`, 'm'));
    expect(sh(join(consumer(), 'node_modules/.bin/tace'), ['--help'], { cwd: consumer() })).toMatch(/demo/);
  });
});
