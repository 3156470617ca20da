import { ScanError } from '../errors.js';
import { detectJsonStyle, formatJson } from './json-style.js';

/** The husky release the hook is written for (9.x runs `.husky/pre-commit` with `sh -e`). */
export const HUSKY_RANGE = '^9.1.7';

/** package.json after our changes, and a phrase per change (empty: nothing to change). */
export interface PackageJsonUpdate {
  text: string;
  changes: string[];
  /** True when, afterwards, a dependency names secretscan (or the package is secretscan). */
  hasSecretscan: boolean;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(what: string): ScanError {
  return new ScanError('E_CONFIG_INVALID', `package.json: ${what}`, { hint: 'fix package.json, then run `secretscan init` again' });
}

/** `object` or a new empty one; anything else at `key` is an error. */
function objectAt(pkg: JsonObject, key: string): JsonObject | undefined {
  const value = pkg[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw invalid(`\`${key}\` must be an object`);
  return value;
}

/** A copy of `object` with `key` added: in sorted position when the keys are sorted (as npm keeps them), else last. */
function withKey(object: JsonObject, key: string, value: string): JsonObject {
  const entries = Object.entries(object);
  const isSorted = entries.every(([k], i) => i === 0 || (entries[i - 1]?.[0] ?? '').localeCompare(k, 'en') <= 0);
  const at = isSorted ? entries.findIndex(([k]) => k.localeCompare(key, 'en') > 0) : -1;
  entries.splice(at === -1 ? entries.length : at, 0, [key, value]);
  return Object.fromEntries(entries);
}

/** The dependency fields in which an existing `secretscan` entry is kept as it is. */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

function addDevDependencies(pkg: JsonObject, secretscanSpec: string | undefined): string[] {
  const named = new Set(DEPENDENCY_FIELDS.flatMap((field) => Object.keys(objectAt(pkg, field) ?? {})));
  let devDependencies = objectAt(pkg, 'devDependencies') ?? {};
  const wanted: [string, string][] = [['husky', HUSKY_RANGE]];
  // A project that is secretscan itself does not depend on itself.
  if (pkg.name !== 'secretscan' && secretscanSpec !== undefined) wanted.push(['secretscan', secretscanSpec]);
  const added: string[] = [];
  for (const [name, range] of wanted) {
    if (named.has(name)) continue;
    devDependencies = withKey(devDependencies, name, range);
    added.push(`${name} ${range}`);
  }
  if (added.length > 0) pkg.devDependencies = devDependencies;
  return added.length === 0 ? [] : [`added devDependencies ${added.join(' and ')}`];
}

/**
 * The prepare script that activates husky for hooks in `huskyDir` (relative to the top level):
 * `husky || true` at the top level, `cd .. && husky frontend/.husky || true` from a subfolder
 * (husky must run where `.git` is). `|| true` is husky's own advice for installs without
 * devDependencies (`npm ci --omit=dev` in a Docker build): husky is absent there and the hooks
 * are not needed, so the install must not fail.
 */
export function huskyPrepareCommand(packageDir: string): string {
  if (packageDir === '') return 'husky || true';
  const up = packageDir
    .split('/')
    .map(() => '..')
    .join('/');
  return `cd ${up} && husky ${packageDir}/.husky || true`;
}

function addPrepareScript(pkg: JsonObject, command: string): string[] {
  const scripts = objectAt(pkg, 'scripts') ?? {};
  const prepare = scripts.prepare;
  if (prepare !== undefined && typeof prepare !== 'string') throw invalid('`scripts.prepare` must be a string');
  if (prepare !== undefined && /\bhusky\b/.test(prepare)) return [];
  const isEmpty = prepare === undefined || prepare.trim() === '';
  pkg.scripts = { ...scripts, prepare: isEmpty ? command : `${prepare} && (${command})` };
  return [isEmpty ? `set scripts.prepare to "${command}"` : `appended " && (${command})" to scripts.prepare`];
}

/**
 * ` at line N` from a JSON.parse error. V8's message can quote the text around the error, and
 * package.json may hold a token, so only the position is used.
 */
function whereParseFailed(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  return ` at line ${
    text
      .replace(/^\uFEFF/, '')
      .slice(0, Number(position))
      .split('\n').length
  }`;
}

/** What init adds to a package.json. */
export interface PackageJsonWants {
  /** The devDependency spec for secretscan; undefined adds none (see installSpecOf). */
  secretscanSpec: string | undefined;
  /** The folder of this package.json relative to the top level (`''` there), for the prepare script. */
  packageDir: string;
}

/**
 * Adds husky and secretscan to devDependencies (unless a dependency already names them) and makes
 * `scripts.prepare` run husky. Indentation, line endings, the final newline and key order are kept.
 */
export function updatePackageJson(text: string, wants: PackageJsonWants): PackageJsonUpdate {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(`not valid JSON${whereParseFailed(text, error)}`);
  }
  if (!isObject(pkg)) throw invalid('must hold a JSON object');
  const changes = [...addDevDependencies(pkg, wants.secretscanSpec), ...addPrepareScript(pkg, huskyPrepareCommand(wants.packageDir))];
  const hasSecretscan = pkg.name === 'secretscan' || DEPENDENCY_FIELDS.some((field) => 'secretscan' in (objectAt(pkg as JsonObject, field) ?? {}));
  return { text: changes.length === 0 ? text : formatJson(pkg, detectJsonStyle(text)), changes, hasSecretscan };
}
