import { lstatSync, mkdirSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder for Node's module compile cache: `$XDG_CACHE_HOME/secretscan/compile-cache`, else
 * `~/.cache/secretscan/compile-cache`. Only a folder of this user's own that no one else can
 * write is used (cached code runs as this user), and never through a symbolic link.
 */
function privateCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const base = env.XDG_CACHE_HOME || (homedir() === '' ? '' : join(homedir(), '.cache'));
  if (base === '' || !base.startsWith('/')) return undefined;
  const dir = join(base, 'secretscan', 'compile-cache');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    const isMine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    return stat.isDirectory() && isMine && (stat.mode & 0o022) === 0 ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns on Node's module compile cache (Node 22.1 and later; a no-op before), so a hook run
 * after the first one loads the CLI's modules without compiling them again. Honours
 * NODE_COMPILE_CACHE (Node has then enabled it already) and NODE_DISABLE_COMPILE_CACHE.
 */
export function enableModuleCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const enable = (module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function' || env.NODE_DISABLE_COMPILE_CACHE || env.NODE_COMPILE_CACHE) return;
  const dir = privateCacheDir(env);
  if (dir === undefined) return;
  try {
    enable(dir);
  } catch {
    // A cache that cannot be set up costs only speed.
  }
}
