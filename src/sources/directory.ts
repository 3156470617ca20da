import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { readTextFile } from '../safe-fs/index.js';
import { runGit } from './git-process.js';
import { listWorkingTreeFiles } from './git.js';
import type { Repository } from './repository.js';

/** What a working-tree scan reads: a root and `/`-separated paths relative to it. */
export interface ScanTargets {
  root: string;
  paths: string[];
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** gitignore lines of `root/.gitignore` as fast-glob ignore patterns (negations are not supported here). */
async function gitignoreGlobs(root: string): Promise<string[]> {
  const text = await readTextFile(join(root, '.gitignore')).catch(() => '');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .flatMap((line) => {
      const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
      const body = line.replace(/^\//, '').replace(/\/$/, '');
      const glob = anchored ? body : `**/${body}`;
      return [glob, `${glob}/**`];
    });
}

async function globDirectory(root: string, dir: string): Promise<string[]> {
  // Loaded on first use: scans inside a repository never need it.
  const { default: fg } = await import('fast-glob');
  const ignore = ['**/.git/**', ...(await gitignoreGlobs(root))];
  // Directories are marked and dropped; everything else (files, and symlinks, which are not
  // followed) is listed, so a symlink is reported as skipped rather than silently missing.
  const found = await fg('**/*', { cwd: dir, dot: true, onlyFiles: false, markDirectories: true, followSymbolicLinks: false, ignore, suppressErrors: true });
  return found.filter((p) => !p.endsWith('/')).map((p) => toPosix(relative(root, join(dir, p))));
}

async function kindOf(path: string): Promise<'file' | 'dir'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    throw new UsageError(`path not found: ${path}`, 'check the spelling, or quote paths that contain spaces');
  }
}

/**
 * A named directory that git ignores would be scanned as nothing (the scan reads tracked and
 * untracked-not-ignored files): say so instead, with a way to scan it anyway.
 */
async function refuseIgnoredDirectories(root: string, dirs: readonly string[], listed: readonly string[]): Promise<void> {
  const empty = dirs.filter((dir) => dir !== '.' && !listed.some((path) => path.startsWith(`${dir}/`)));
  if (empty.length === 0) return;
  const run = await runGit(root, ['check-ignore', '--', ...empty]);
  if (run.code !== 0) return;
  const ignored = run.stdout.split('\n').filter((line) => line !== '');
  if (ignored.length === 0) return;
  throw new UsageError(
    `${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored by git (.gitignore, .git/info/exclude or core.excludesFile): the scan reads tracked and not-ignored files, so nothing there would be scanned`,
    'name the files to scan them anyway (secretscan scan DIR/FILE ...), or scan a copy outside the repository',
  );
}

/**
 * Lists the files a working-tree scan reads. Inside a repository: tracked and untracked-not-ignored
 * files (`git ls-files`); an explicitly named file is read even if ignored. Outside one: a walk of
 * the directory honouring the root `.gitignore`.
 */
export async function listScanTargets(cwd: string, paths: readonly string[], repo: Repository | undefined): Promise<ScanTargets> {
  const root = repo?.root ?? cwd;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const given of paths) {
    const full = isAbsolute(given) ? given : resolve(cwd, given);
    const rel = toPosix(relative(root, full));
    if (repo !== undefined && (rel.startsWith('../') || rel === '..' || isAbsolute(rel))) {
      throw new UsageError(`${given} is outside the repository at ${root}`, 'scan it from its own directory');
    }
    if ((await kindOf(full)) === 'file') files.push(rel);
    else dirs.push(rel === '' ? '.' : rel);
  }
  const listed = repo !== undefined ? (paths.length === 0 || dirs.length > 0 ? await listWorkingTreeFiles(root, dirs) : []) : (await Promise.all((paths.length === 0 ? ['.'] : dirs).map((d) => globDirectory(root, resolve(root, d))))).flat();
  if (repo !== undefined) await refuseIgnoredDirectories(root, dirs, listed);
  return { root, paths: [...new Set([...listed, ...files])].sort() };
}
