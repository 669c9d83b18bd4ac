// The package boundaries of ../shared/DESIGN.md, checked on every source file of the repository:
// - no relative import reaches into another package (import it by name: '@tace/survival');
// - a package imports only the packages of lower layers that its package.json declares;
// - no `export *` (every index names its exports).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Layer of each package: a package may import packages of strictly lower layers only. */
const LAYERS: Record<string, number> = {
  '@tace/core': 1,
  '@tace/survival': 2,
  '@tace/imaging': 2,
  '@tace/omics': 2,
  '@tace/figures': 3,
  '@tace/synthetic': 3,
  '@tace/cli': 4,
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.') || entry === 'fixtures')
      continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mts|mjs|js)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The top folder a file belongs to: `packages/<name>`, or a root folder such as `test`, `bench`, `scripts`. */
function unitOf(path: string): string {
  const parts = relative(root, path).split(sep);
  return parts[0] === 'packages' ? `packages/${parts[1]}` : parts[0];
}

const files = ['packages', 'test', 'bench', 'examples', 'scripts'].flatMap((dir) =>
  sourceFiles(join(root, dir)),
);
const specifiers = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('package boundaries (../shared/DESIGN.md)', () => {
  it(`no relative import crosses from one package or root folder into another (${files.length} files)`, () => {
    const crossings: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(specifiers)) {
        const spec = match[1] ?? match[2];
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (unitOf(target) !== unitOf(file)) crossings.push(`${relative(root, file)} imports '${spec}'`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('each package imports only declared packages of lower layers', () => {
    const violations: string[] = [];
    for (const dir of readdirSync(join(root, 'packages'))) {
      const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
      const declared = new Set([
        ...Object.keys(manifest.dependencies ?? {}),
        ...Object.keys(manifest.peerDependencies ?? {}),
      ]);
      const layer = LAYERS[manifest.name];
      for (const file of sourceFiles(join(root, 'packages', dir, 'src'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
          const spec = match[1] ?? match[2];
          const name = spec.match(/^@tace\/[^/]+/)?.[0];
          if (name === undefined || name === manifest.name) continue;
          const where = relative(root, file);
          if (!(LAYERS[name] < layer))
            violations.push(`${where}: ${manifest.name} (layer ${layer}) imports ${name}`);
          else if (!declared.has(name))
            violations.push(`${where}: ${name} is not in ${manifest.name}'s dependencies`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('no `export *` in any package source: every index names its exports', () => {
    const offenders = files
      .filter((f) => f.includes(`${sep}src${sep}`) && /^export \* from/m.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
