import { isAbsolute, relative, sep } from 'node:path';

const NODE_MODULES = '/node_modules/';

function isInside(child: string): boolean {
  return child === '' || (!child.startsWith('..') && !isAbsolute(child));
}

/** A word for a POSIX shell: left bare when it is plain, single-quoted otherwise. */
function shellWord(text: string): string {
  return /^[\w./@%+=:-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * The command that runs this secretscan again from `cwd`, for the advice printed with a blocked
 * commit, judged by where the running script is (`scriptPath`, Node's `process.argv[1]`):
 * - in a project's `node_modules` at or above `cwd` (a devDependency): `npx secretscan`;
 * - in a project's `node_modules` below `cwd` (a monorepo package folder): that `.bin` path;
 * - in npx's own cache: `npx secretscan`;
 * - in a development checkout under `cwd`: `node <path to the script>`;
 * - anywhere else (a global install): `secretscan`.
 */
export function commandFor(scriptPath: string | undefined, cwd: string): string {
  if (scriptPath === undefined || scriptPath === '') return 'secretscan';
  const normalized = scriptPath.split(sep).join('/');
  const at = normalized.lastIndexOf(NODE_MODULES);
  if (at === -1) {
    const fromCwd = relative(cwd, scriptPath);
    return fromCwd !== '' && isInside(fromCwd) ? `node ${shellWord(fromCwd.split(sep).join('/'))}` : 'secretscan';
  }
  const project = normalized.slice(0, at);
  if (project.split('/').includes('_npx')) return 'npx secretscan';
  if (isInside(relative(project, cwd))) return 'npx secretscan';
  const below = relative(cwd, project);
  if (isInside(below)) return `${shellWord(`${below.split(sep).join('/')}/node_modules/.bin/secretscan`)}`;
  return 'secretscan';
}
