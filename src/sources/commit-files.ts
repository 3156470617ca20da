import { isAbsolute, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { gitBytes, runGit } from './git-process.js';

/** The largest settings file read from a commit (a config, baseline or ignore file): 16 MiB. */
const MAX_SETTINGS_BYTES = 16 * 1024 * 1024;

/**
 * Reads a file by its absolute path as it is in a commit: its text, or undefined when the commit
 * has no regular file there.
 */
export type FileReader = (path: string) => Promise<string | undefined>;

/**
 * A reader of files as `commit` holds them in the repository at `root`, never from the work tree:
 * what a pull request's own files say cannot change how its scan is set up. Only regular files (a
 * symlink or a submodule there reads as absent), at most 16 MiB. A path outside the repository
 * cannot be read from a commit: that is a usage error (exit 2).
 */
export function commitFileReader(root: string, commit: string): FileReader {
  return async (path) => {
    const inside = relative(root, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new UsageError(`${path} is outside the repository, so it cannot be read from commit ${commit.slice(0, 12)}`, 'name a config or baseline file inside the repository');
    }
    const spec = `${commit}:${inside.split(sep).join('/')}`;
    const listed = await runGit(root, ['ls-tree', '--full-tree', '-l', '-z', commit, '--', inside.split(sep).join('/')]);
    // `<mode> <type> <sha> <size>\t<path>`: a regular file is 100644 or 100755.
    const match = /^(100644|100755) blob [0-9a-f]+ +(\d+)\t/.exec(listed.stdout);
    if (listed.code !== 0 || match === null) return undefined;
    if (Number(match[2]) > MAX_SETTINGS_BYTES) throw new UsageError(`${inside} in commit ${commit.slice(0, 12)} is larger than ${MAX_SETTINGS_BYTES / 1024 / 1024} MiB`);
    return (await gitBytes(root, ['cat-file', 'blob', spec])).toString('utf8');
  };
}
