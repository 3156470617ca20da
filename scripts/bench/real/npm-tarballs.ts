import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Published versions of npm packages, listed with `npm view` and downloaded as the registry's tarballs
// into a cache directory and kept there: a second run downloads nothing.

/** One published version: its name, version and publish time (ms since the epoch). */
export interface PublishedVersion {
  name: string;
  version: string;
  time: number;
}

const safeName = (name: string): string => name.replace(/^@/, '').replace(/\//g, '__');

/** The cached tarball of one version. */
export function tarballPath(cache: string, v: Pick<PublishedVersion, 'name' | 'version'>): string {
  return join(cache, 'npm', safeName(v.name), `${v.version}.tgz`);
}

/**
 * Every version of `name` in publish order (from `npm view NAME time --json`, cached), the most
 * recent `count` of them. Unpublished versions are listed in `time` too; `versions` filters them.
 */
export function latestVersions(cache: string, name: string, count: number): PublishedVersion[] {
  const dir = join(cache, 'npm', safeName(name));
  const listFile = join(dir, 'versions.json');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(listFile)) {
    const view = spawnSync('npm', ['view', name, 'time', 'versions', '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
    if (view.status !== 0) throw new Error(`npm view ${name} failed: ${(view.stderr ?? '').trim().split('\n')[0] ?? ''}`);
    writeFileSync(listFile, view.stdout);
  }
  const parsed = JSON.parse(readFileSync(listFile, 'utf8')) as { time: Record<string, string>; versions: string[] };
  const published = new Set(parsed.versions);
  return Object.entries(parsed.time)
    .filter(([version]) => published.has(version))
    .map(([version, time]) => ({ name, version, time: Date.parse(time) }))
    .sort((a, b) => a.time - b.time)
    .slice(-count);
}

/** The registry's tarball URL of one version (the standard layout `<name>/-/<basename>-<version>.tgz`). */
function tarballUrl(registry: string, v: Pick<PublishedVersion, 'name' | 'version'>): string {
  const basename = v.name.replace(/^@[^/]+\//, '');
  return `${registry.replace(/\/+$/, '')}/${v.name}/-/${basename}-${v.version}.tgz`;
}

/** The registry npm is configured with (`npm config get registry`). */
function configuredRegistry(): string {
  const result = spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', timeout: 60_000 });
  const registry = (result.stdout ?? '').trim();
  return result.status === 0 && /^https?:\/\//.test(registry) ? registry : 'https://registry.npmjs.org/';
}

/**
 * Makes sure every version's tarball is in the cache: the missing ones are downloaded from the
 * registry npm is configured with, `parallel` at a time, each written to a temporary name and
 * renamed into place.
 */
export async function fetchTarballs(cache: string, versions: readonly PublishedVersion[], log: (line: string) => void, parallel = 12): Promise<void> {
  const missing = versions.filter((v) => !existsSync(tarballPath(cache, v)));
  if (missing.length === 0) return;
  const registry = configuredRegistry();
  log(`downloading ${missing.length} tarballs from ${registry} into ${join(cache, 'npm')} (once; later runs reuse them)`);
  const queue = [...missing];
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
      const url = tarballUrl(registry, v);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const target = tarballPath(cache, v);
      writeFileSync(`${target}.part`, bytes);
      renameSync(`${target}.part`, target);
      done++;
      if (done % 200 === 0) log(`  ${done}/${missing.length}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
