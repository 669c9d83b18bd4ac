// An offline mirror of the third-party packages the @tace tarballs need, built from what pnpm already installed:
// each dependency's folder in pnpm's virtual store (node_modules/.pnpm/<name>@<version>/node_modules/<name>)
// holds that version's published files, and its own dependencies sit beside it, as pnpm resolved them.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [key: string]: unknown;
}

export interface MirrorPackage {
  /** The folder in pnpm's virtual store. */
  folder: string;
  manifest: Manifest;
}

const readManifest = (folder: string): Manifest =>
  JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Manifest;

/** The names a package needs installed: dependencies, optional dependencies and required peers. */
export function neededNames(manifest: Manifest): string[] {
  const optionalPeers = new Set(
    Object.entries(manifest.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta.optional === true)
      .map(([name]) => name),
  );
  return [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers.has(name)),
  ];
}

/**
 * Every third-party package (transitively) that the given workspace packages need at run time, as pnpm
 * resolved them. `roots` maps a workspace package folder to the manifest of its packed tarball (whose
 * dependencies, not devDependencies, are what a user installs). Optional dependencies pnpm did not install
 * (other platforms' binaries) are left out: npm skips them when the registry does not have them.
 */
export function thirdPartyClosure(roots: { folder: string; manifest: Manifest }[]): MirrorPackage[] {
  const found = new Map<string, MirrorPackage>();
  const visit = (nodeModules: string, name: string, required: boolean) => {
    const link = join(nodeModules, name);
    if (!existsSync(link)) {
      if (required) throw new Error(`${name} is needed but not installed in ${nodeModules}`);
      return;
    }
    const folder = realpathSync(link);
    if (found.has(folder)) return;
    const manifest = readManifest(folder);
    found.set(folder, { folder, manifest });
    // pnpm: a package's dependencies are its siblings in the virtual store's node_modules folder.
    const siblings = folder.slice(0, folder.lastIndexOf('/node_modules/') + '/node_modules'.length);
    const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
    for (const dep of neededNames(manifest)) visit(siblings, dep, !optional.has(dep));
  };
  for (const root of roots) {
    for (const dep of neededNames(root.manifest)) {
      if (dep.startsWith('@tace/')) continue;
      visit(join(root.folder, 'node_modules'), dep, true);
    }
  }
  return [...found.values()].sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * A registry tarball of a mirrored package: its files under `package/`; a manifest with `publishConfig` (which
 * could point npm at another registry) is rewritten without it.
 */
export async function tarMirrorPackage(
  pkg: MirrorPackage,
  workDir: string,
): Promise<{ tarball: string; manifest: Manifest }> {
  const safe = `${pkg.manifest.name.replace('/', '+')}@${pkg.manifest.version}`;
  const tarball = join(workDir, `${safe}.tgz`);
  let source = pkg.folder;
  const manifest = { ...pkg.manifest };
  if ('publishConfig' in manifest) {
    delete manifest.publishConfig;
    source = join(workDir, safe);
    rmSync(source, { recursive: true, force: true });
    cpSync(pkg.folder, source, { recursive: true, dereference: true });
    writeFileSync(join(source, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  // Every top-level entry but node_modules (none in pnpm's store; it would be other packages' files).
  const entries = readdirSync(source).filter((name) => name !== 'node_modules');
  await new Promise<void>((done, reject) => {
    const tar = spawn('tar', [
      '-czf',
      tarball,
      '--transform',
      's,^,package/,',
      '-C',
      source,
      '--',
      ...entries,
    ]);
    let stderr = '';
    tar.stderr.on('data', (d) => {
      stderr += String(d);
    });
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? done() : reject(new Error(`tar of ${safe} failed: ${stderr}`))));
  });
  if (source !== pkg.folder) rmSync(source, { recursive: true, force: true });
  return { tarball, manifest };
}
