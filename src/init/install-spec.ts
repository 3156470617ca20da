import { lstat, readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX_LOCKFILE_BYTES = 32 * 1024 * 1024;

interface LockEntry {
  resolved?: unknown;
}

/** The `resolved` field npm recorded for the package installed at `packageRoot`, if any. */
async function resolvedOf(packageRoot: string): Promise<{ resolved: string; projectDir: string } | undefined> {
  const modules = dirname(packageRoot);
  if (basename(modules) !== 'node_modules') return undefined;
  const lockfile = join(modules, '.package-lock.json');
  try {
    const stats = await lstat(lockfile);
    if (!stats.isFile() || stats.size > MAX_LOCKFILE_BYTES) return undefined;
    const lock = JSON.parse(await readFile(lockfile, 'utf8')) as { packages?: Record<string, LockEntry> };
    const resolved = lock.packages?.[`node_modules/${basename(packageRoot)}`]?.resolved;
    return typeof resolved === 'string' ? { resolved, projectDir: dirname(modules) } : undefined;
  } catch {
    return undefined;
  }
}

/** A `file:` spec for `absolute`, relative to `packageDir` when that is shorter to read. */
function fileSpec(absolute: string, packageDir: string): string {
  const shown = relative(packageDir, absolute).split('\\').join('/');
  return `file:${isAbsolute(shown) ? absolute : shown}`;
}

/**
 * The devDependency spec that installs the secretscan `init` is running from, for the package.json
 * in `packageDir`; undefined when it cannot be told (a global install, a development checkout).
 *
 * npm records where each package came from in `node_modules/.package-lock.json`. From the registry
 * that gives `^version`; from a git URL, that URL (with its commit); from a tarball or folder, a
 * `file:` path. A registry range is only written when the running copy came from the registry:
 * before secretscan is published there, `^version` would not resolve.
 */
export async function installSpecOf(packageRoot: string, version: string, packageDir: string): Promise<string | undefined> {
  const found = await resolvedOf(packageRoot);
  if (found === undefined) return undefined;
  const { resolved, projectDir } = found;
  if (/^https?:\/\/.*\/-\/[^/]+\.tgz$/.test(resolved)) return `^${version}`;
  if (resolved.startsWith('git+') || resolved.startsWith('git:') || resolved.startsWith('github:')) return resolved;
  if (resolved.startsWith('file:')) {
    const path = resolved.slice('file:'.length);
    const absolute = path.startsWith('//') ? fileURLToPath(resolved) : resolve(projectDir, path);
    return fileSpec(absolute, packageDir);
  }
  return undefined;
}
