import { access } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ConfigError, ScanError } from '../errors.js';
import { readFailure, readTextFile } from '../safe-fs/index.js';
import { loadYamlSupport, parseYamlDocument } from '../rules/index.js';
import { DEFAULT_CONFIG, type Config } from './types.js';
import { validateConfig, type KnownIds } from './validate.js';

/** File names looked for at the root, in order. */
export const CONFIG_FILE_NAMES = ['.secretscan.yaml', '.secretscan.yml'];

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * True for text of only blank lines and `#` comments (the starter config `secretscan init` writes):
 * YAML reads it as an empty document, so the yaml package, a large share of a pre-commit hook's
 * start-up, need not be loaded for it.
 */
function isCommentsOnly(text: string): boolean {
  return text.split('\n').every((line) => /^ *(?:#[^\n]*)?$/.test(line.endsWith('\r') ? line.slice(0, -1) : line));
}

/**
 * Parses and validates config text (after `loadYamlSupport()`); throws ConfigError listing every
 * problem. With `known`, the ids it names are checked in the same pass (see validateConfig).
 */
export function parseConfig(text: string, file: string, known?: KnownIds): Config {
  const doc = parseYamlDocument(text, file);
  if (doc.errors.length > 0) throw new ConfigError(doc.errors);
  const { config, problems } = validateConfig(doc.value, file, doc, known);
  if (config === undefined) throw new ConfigError(problems);
  return config;
}

/**
 * Loads `explicitPath` (relative to `cwd`; it must exist) or the first of CONFIG_FILE_NAMES in
 * `root`; without either, the defaults. With `read`, the file is read through it (e.g. as a
 * commit holds it: text, or undefined when absent) instead of from the file system.
 */
export async function loadConfig(root: string, explicitPath: string | undefined, cwd: string, read?: (path: string) => Promise<string | undefined>, known?: KnownIds): Promise<Config> {
  if (read !== undefined) return loadConfigThrough(read, root, explicitPath, cwd, known);
  let path = explicitPath === undefined ? undefined : resolve(cwd, explicitPath);
  if (path === undefined) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(join(root, name))) {
        path = join(root, name);
        break;
      }
    }
  }
  if (path === undefined) return DEFAULT_CONFIG;
  let text: string;
  try {
    // A config the repository holds is not followed through a symlink; one named with --config is.
    text = await readTextFile(path, { shouldFollowSymlink: explicitPath !== undefined });
  } catch (error) {
    throw new ScanError('E_CONFIG_INVALID', `cannot read config file ${path}: ${readFailure(error)}`, { cause: error, hint: 'check the --config path' });
  }
  return parseShown(text, path, cwd, known);
}

async function parseShown(text: string, path: string, cwd: string, known: KnownIds | undefined): Promise<Config> {
  const shown = relative(cwd, path);
  const file = shown === '' || shown.startsWith('..') ? path : shown;
  if (isCommentsOnly(text)) return { file, disabledRules: [], customPacks: [], allowlist: [] };
  await loadYamlSupport();
  return parseConfig(text, file, known);
}

async function loadConfigThrough(read: (path: string) => Promise<string | undefined>, root: string, explicitPath: string | undefined, cwd: string, known: KnownIds | undefined): Promise<Config> {
  const candidates = explicitPath === undefined ? CONFIG_FILE_NAMES.map((name) => join(root, name)) : [resolve(cwd, explicitPath)];
  for (const path of candidates) {
    const text = await read(path);
    if (text !== undefined) return parseShown(text, path, cwd, known);
  }
  if (explicitPath !== undefined) throw new ScanError('E_CONFIG_INVALID', `cannot read config file ${candidates[0] ?? explicitPath}: it does not exist there`, { hint: 'check the --config path' });
  return DEFAULT_CONFIG;
}
