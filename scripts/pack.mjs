#!/usr/bin/env node
// Builds the workspace and packs every public package into one folder, as the npm registry would receive them.
//
//   node scripts/pack.mjs [--out out/packages] [--only core,survival] [--no-build]
//   pnpm run pack
//
// 1. `tsc -b` (the whole workspace, or the --only packages and what they reference);
// 2. removes outputs in each packed package's dist/ whose source file no longer exists (a renamed or moved
//    src file leaves its old .js/.d.ts behind, and `files: ["dist/**/*.js", ...]` would ship it);
// 3. `pnpm pack` per package: pnpm rewrites `workspace:*` to the version, applies `publishConfig`
//    (exports/main/types without the `@tace/source` condition) and adds the root LICENSE;
// 4. writes `<out>/index.json` ({ name, version, file } per package, in dependency order) and prints a table.
// Exit code 1 when a step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The public packages, lowest layer first (the order in which they can be published). */
export const PUBLIC_PACKAGES = ['core', 'survival', 'imaging', 'omics', 'figures', 'synthetic', 'cli'];

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'out/packages' },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: node scripts/pack.mjs [--out out/packages] [--only core,survival] [--no-build]');
  process.exit(0);
}
const out = resolve(repo, values.out);
const only = values.only
  ? values.only.split(',').map((s) => s.trim().replace(/^@tace\//, ''))
  : PUBLIC_PACKAGES;
const unknown = only.filter((p) => !PUBLIC_PACKAGES.includes(p));
if (unknown.length > 0)
  fail(`unknown package(s): ${unknown.join(', ')} (public: ${PUBLIC_PACKAGES.join(', ')})`);
const packages = PUBLIC_PACKAGES.filter((p) => only.includes(p));

function fail(message) {
  console.error(`pack: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repo, encoding: 'utf8', ...options });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    fail(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  return result.stdout;
}

// 1. Build.
if (!values['no-build']) {
  const tsc = join(repo, 'node_modules/typescript/bin/tsc');
  const projects = only === PUBLIC_PACKAGES ? [] : packages.map((p) => `packages/${p}`);
  console.log(`building: tsc -b ${projects.join(' ')}`.trim());
  run(process.execPath, [tsc, '-b', ...projects], { stdio: ['ignore', 'pipe', 'pipe'] });
}

// 2. Prune orphaned outputs.
const outputSuffixes = ['.d.ts.map', '.d.ts', '.js.map', '.js'];
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
for (const p of packages) {
  const dist = join(repo, 'packages', p, 'dist');
  const src = join(repo, 'packages', p, 'src');
  if (!existsSync(join(dist, 'index.js'))) fail(`packages/${p}/dist/index.js is missing: build first`);
  let pruned = 0;
  for (const file of walk(dist)) {
    const rel = relative(dist, file);
    const suffix = outputSuffixes.find((s) => rel.endsWith(s));
    if (suffix === undefined) continue;
    const stem = rel.slice(0, -suffix.length);
    const sources = ['.ts', '.tsx', '.mts'].map((ext) => join(src, stem + ext));
    if (!sources.some((s) => existsSync(s))) {
      rmSync(file);
      pruned++;
    }
  }
  if (pruned > 0) console.log(`packages/${p}/dist: removed ${pruned} outputs of deleted sources`);
}

// 3. Pack.
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (/^tace-.*\.tgz$/.test(name)) rmSync(join(out, name));
const manifests = packages.map((p) =>
  JSON.parse(readFileSync(join(repo, 'packages', p, 'package.json'), 'utf8')),
);
// One pnpm run for all (npx resolves the pinned pnpm from its cache); --pack-destination keeps the package
// folders clean.
const filters = manifests.flatMap((m) => ['--filter', m.name]);
run('npx', ['-y', 'pnpm@12.4.2', '--recursive', ...filters, 'pack', '--pack-destination', out]);
const index = manifests.map((m) => {
  const file = `${m.name.replace(/^@/, '').replace('/', '-')}-${m.version}.tgz`;
  if (!existsSync(join(out, file))) fail(`pnpm pack did not write ${join(out, file)}`);
  return { name: m.name, version: m.version, file };
});
writeFileSync(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);

// 4. Report.
const width = Math.max(...index.map((e) => e.file.length));
console.log(`\n${index.length} tarballs in ${relative(process.cwd(), out) || '.'}:`);
for (const e of index) {
  const kB = (statSync(join(out, e.file)).size / 1024).toFixed(0).padStart(6);
  console.log(`  ${e.file.padEnd(width)}  ${kB} kB`);
}
