// A real npm registry (Verdaccio) on loopback for the packaging test: random free port, config and storage in a
// temp folder, no uplinks (nothing is fetched from the network), anyone may read and publish.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Registry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A token of a user created on start (npm refuses to publish without one). */
  token: string;
  /** Verdaccio's stdout + stderr so far (for failure messages). */
  log: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts Verdaccio from the workspace's devDependency and waits until it answers. */
export async function startRegistry(repo: string, dir: string): Promise<Registry> {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      '    max_users: 10',
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      'max_body_size: 100mb',
      // JWT tokens: verified by signature, not by hashing the password again on every request.
      'security:',
      '  api:',
      '    jwt:',
      '      sign:',
      '        expiresIn: 1h',
      'web:',
      '  enable: false',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  // Verdaccio 6's CLI refuses Node < 22 (a version check); its server runs on Node 20, so it is started through
  // its programmatic API by verdaccio-server.mjs.
  const server = join(dirname(fileURLToPath(import.meta.url)), 'verdaccio-server.mjs');
  let output = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const child: ChildProcess = spawn(process.execPath, [server, config, String(port)], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.stdout?.on('data', (d) => {
      output += String(d);
    });
    child.stderr?.on('data', (d) => {
      output += String(d);
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    };
    const deadline = Date.now() + 30_000;
    let up = false;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const r = await fetch(`${url}-/ping`);
        if (r.ok) {
          up = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    if (!up) {
      await stop();
      continue; // port taken between freePort() and listen, or a slow start: try another port
    }
    const user = await fetch(`${url}-/user/org.couchdb.user:tace`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tace', password: 'tace-test-password', type: 'user', roles: [] }),
    });
    const body = (await user.json()) as { token?: string };
    if (!user.ok || body.token === undefined) {
      await stop();
      throw new Error(`could not create a registry user (${user.status}): ${JSON.stringify(body)}`);
    }
    return { url, token: body.token, log: () => output, stop };
  }
  throw new Error(`Verdaccio did not start:\n${output}`);
}

/**
 * Publishes one package tarball the way `npm publish` does (one PUT of the packument with the tarball attached),
 * without starting npm: used for the third-party mirror, where hundreds of npm processes would be slow.
 */
export async function putTarball(
  registry: Registry,
  manifest: Record<string, unknown> & { name: string; version: string },
  tarball: string,
): Promise<void> {
  const data = readFileSync(tarball);
  const file = `${manifest.name}-${manifest.version}.tgz`;
  const url = `${registry.url}${manifest.name.replace('/', '%2f')}`;
  const version = {
    ...manifest,
    _id: `${manifest.name}@${manifest.version}`,
    dist: {
      shasum: createHash('sha1').update(data).digest('hex'),
      integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
      tarball: `${url}/-/${file}`,
    },
  };
  const r = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${registry.token}` },
    body: JSON.stringify({
      _id: manifest.name,
      name: manifest.name,
      'dist-tags': { latest: manifest.version },
      versions: { [manifest.version]: version },
      _attachments: {
        [file]: {
          content_type: 'application/octet-stream',
          data: data.toString('base64'),
          length: data.length,
        },
      },
    }),
  });
  if (!r.ok)
    throw new Error(`publishing ${manifest.name}@${manifest.version} failed: ${r.status} ${await r.text()}`);
}
