#!/usr/bin/env node
// What a user pays on disk: for each public package, a fresh `npm install <its tarball + the @tace tarballs it
// depends on>` in an empty temp folder, then the size of that folder's node_modules.
//
//   node scripts/footprint.mjs [--tarballs out/packages] [--only survival,omics] [--registry URL] [--check]
//                              [--json file] [--keep]
//   pnpm run footprint
//
// The tarballs come from scripts/pack.mjs (run first when <tarballs>/index.json is absent). Third-party
// dependencies come from npm's configured registry (or --registry, e.g. a local Verdaccio mirror). Sizes are
// disk usage as `du -sk` counts it, in MiB (what `du -sh` prints as "M"). Optional peers (onnxruntime-node,
// parquet-wasm) are not installed by npm unless asked for, which is the point: the table shows a user who
// does not run the deep-learning arm or read Parquet does not get them.
// --check: exit 1 when a goal is missed (@tace/survival <= 25 MiB, @tace/omics <= 30 MiB) or a heavy part
// appears where it does not belong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Size goals (MiB of node_modules for the package installed alone). */
export const GOALS = { '@tace/survival': 25, '@tace/omics': 30 };
/** Heavy parts and the only packages whose plain install may contain them. */
const HEAVY = {
  'onnxruntime-node': [], // optional peer of @tace/imaging: never installed by default
  'parquet-wasm': [], // optional peer of @tace/core
  'dejavu-fonts-ttf': ['@tace/figures', '@tace/cli'], // PNG text; figures only
};

const { values } = parseArgs({
  options: {
    tarballs: { type: 'string', default: 'out/packages' },
    only: { type: 'string' },
    registry: { type: 'string' },
    check: { type: 'boolean', default: false },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: node scripts/footprint.mjs [--tarballs out/packages] [--only survival,omics] [--registry URL] [--check] [--json file] [--keep]',
  );
  process.exit(0);
}

const tarballs = resolve(repo, values.tarballs);
if (!existsSync(join(tarballs, 'index.json'))) {
  console.log(`${join(tarballs, 'index.json')} is absent: packing first`);
  const packed = spawnSync(process.execPath, [join(repo, 'scripts/pack.mjs'), '--out', tarballs], {
    stdio: 'inherit',
  });
  if (packed.status !== 0) process.exit(1);
}
/** @type {{ name: string, version: string, file: string }[]} */
const index = JSON.parse(readFileSync(join(tarballs, 'index.json'), 'utf8'));
const manifests = new Map(
  index.map((e) => {
    const text = spawnSync('tar', ['-xzOf', join(tarballs, e.file), 'package/package.json'], {
      encoding: 'utf8',
    });
    if (text.status !== 0) throw new Error(`cannot read package.json from ${e.file}: ${text.stderr}`);
    return [e.name, { ...e, manifest: JSON.parse(text.stdout) }];
  }),
);

/** The package and every @tace package it needs at run time (dependencies and required peers). */
function closure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  const entry = manifests.get(name);
  if (entry === undefined) throw new Error(`${name} is needed but has no tarball in ${tarballs}`);
  seen.add(name);
  const m = entry.manifest;
  const optionalPeers = new Set(
    Object.entries(m.peerDependenciesMeta ?? {})
      .filter(([, v]) => v.optional)
      .map(([k]) => k),
  );
  const needed = [
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.peerDependencies ?? {}).filter((k) => !optionalPeers.has(k)),
  ];
  for (const dep of needed) if (dep.startsWith('@tace/')) closure(dep, seen);
  return seen;
}

/** Disk usage in KiB, as `du -sk`. */
function du(path) {
  const r = spawnSync('du', ['-sk', path], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split('\t')[0]) : Number.NaN;
}

/** Top-level installed packages (`name` or `@scope/name`) with their disk usage. */
function installed(nodeModules) {
  const rows = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      for (const sub of readdirSync(join(nodeModules, entry.name))) {
        rows.push({ name: `${entry.name}/${sub}`, kib: du(join(nodeModules, entry.name, sub)) });
      }
    } else rows.push({ name: entry.name, kib: du(join(nodeModules, entry.name)) });
  }
  return rows.sort((a, b) => b.kib - a.kib);
}

const only = values.only?.split(',').map((s) => (s.startsWith('@tace/') ? s : `@tace/${s.trim()}`));
const targets = index.map((e) => e.name).filter((n) => only === undefined || only.includes(n));
const mib = (kib) => kib / 1024;
const results = [];
const problems = [];
for (const name of targets) {
  const needed = [...closure(name)];
  const dir = mkdtempSync(join(tmpdir(), 'tace-footprint-'));
  try {
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: 'footprint', private: true }, null, 2)}\n`,
    );
    const files = index.filter((e) => needed.includes(e.name)).map((e) => join(tarballs, e.file));
    const args = ['install', '--no-audit', '--no-fund', ...files];
    if (values.registry) args.push('--registry', values.registry);
    const started = Date.now();
    const r = spawnSync('npm', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) {
      problems.push(`${name}: npm install failed:\n${r.stderr}`);
      continue;
    }
    const nodeModules = join(dir, 'node_modules');
    const packages = installed(nodeModules);
    const total = du(nodeModules);
    const heavy = Object.entries(HEAVY)
      .filter(([part, allowed]) => packages.some((p) => p.name === part) && !allowed.includes(name))
      .map(([part]) => part);
    for (const part of heavy) problems.push(`${name}: ${part} is installed but ${name} must not need it`);
    const goal = GOALS[name];
    if (goal !== undefined && mib(total) > goal) {
      problems.push(`${name}: ${mib(total).toFixed(1)} MiB > goal ${goal} MiB`);
    }
    results.push({
      name,
      tarballs: needed,
      mib: Number(mib(total).toFixed(1)),
      mb: Number(((total * 1024) / 1e6).toFixed(1)),
      packages: packages.length,
      heaviest: packages.slice(0, 4).map((p) => ({ name: p.name, mib: Number(mib(p.kib).toFixed(1)) })),
      goal: goal ?? null,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const col = Math.max(...results.map((r) => r.name.length), 'package'.length);
console.log(
  `\nnode_modules of a fresh \`npm install\` of each package alone (MiB, as du -sh; MB = 10^6 bytes)`,
);
console.log(
  `${'package'.padEnd(col)}  ${'MiB'.padStart(6)}  ${'MB'.padStart(6)}  ${'goal'.padStart(5)}  pkgs  heaviest`,
);
for (const r of results) {
  const goal = r.goal === null ? '' : `<=${r.goal}`;
  const heaviest = r.heaviest.map((h) => `${h.name} ${h.mib}`).join(', ');
  console.log(
    `${r.name.padEnd(col)}  ${r.mib.toFixed(1).padStart(6)}  ${r.mb.toFixed(1).padStart(6)}  ${goal.padStart(5)}  ${String(r.packages).padStart(4)}  ${heaviest}`,
  );
}
if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(results, null, 2)}\n`);
if (problems.length > 0) {
  console.log(`\n${problems.join('\n')}`);
  if (values.check) process.exit(1);
} else console.log('\nall goals met; no heavy optional part installed where it is not needed');
