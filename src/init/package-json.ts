import { ScanError } from '../errors.js';
import { detectJsonStyle, formatJson } from './json-style.js';

/** The husky release the hook is written for (9.x runs `.husky/pre-commit` with `sh -e`). */
export const HUSKY_RANGE = '^9.1.7';

/** package.json after our changes, and a phrase per change (empty: nothing to change). */
export interface PackageJsonUpdate {
  text: string;
  changes: string[];
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

function addDevDependencies(pkg: JsonObject, version: string): string[] {
  const dependencies = objectAt(pkg, 'dependencies') ?? {};
  let devDependencies = objectAt(pkg, 'devDependencies') ?? {};
  const wanted: [string, string][] = [['husky', HUSKY_RANGE]];
  // A project that is secretscan itself does not depend on itself.
  if (pkg.name !== 'secretscan') wanted.push(['secretscan', `^${version}`]);
  const added: string[] = [];
  for (const [name, range] of wanted) {
    if (name in dependencies || name in devDependencies) continue;
    devDependencies = withKey(devDependencies, name, range);
    added.push(`${name} ${range}`);
  }
  if (added.length > 0) pkg.devDependencies = devDependencies;
  return added.length === 0 ? [] : [`added devDependencies ${added.join(' and ')}`];
}

function addPrepareScript(pkg: JsonObject): string[] {
  const scripts = objectAt(pkg, 'scripts') ?? {};
  const prepare = scripts.prepare;
  if (prepare !== undefined && typeof prepare !== 'string') throw invalid('`scripts.prepare` must be a string');
  if (prepare !== undefined && /\bhusky\b/.test(prepare)) return [];
  pkg.scripts = { ...scripts, prepare: prepare === undefined || prepare.trim() === '' ? 'husky' : `${prepare} && husky` };
  return [prepare === undefined || prepare.trim() === '' ? 'set scripts.prepare to "husky"' : 'appended " && husky" to scripts.prepare'];
}

/**
 * ` at line N` from a JSON.parse error. V8's message can quote the text around the error, and
 * package.json may hold a token, so only the position is used.
 */
function whereParseFailed(text: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return '';
  return ` at line ${text.replace(/^\uFEFF/, '').slice(0, Number(position)).split('\n').length}`;
}

/**
 * Adds husky and secretscan to devDependencies (unless a dependency already names them) and makes
 * `scripts.prepare` run husky. Indentation, line endings, the final newline and key order are kept.
 */
export function updatePackageJson(text: string, version: string): PackageJsonUpdate {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(`not valid JSON${whereParseFailed(text, error)}`);
  }
  if (!isObject(pkg)) throw invalid('must hold a JSON object');
  const changes = [...addDevDependencies(pkg, version), ...addPrepareScript(pkg)];
  return { text: changes.length === 0 ? text : formatJson(pkg, detectJsonStyle(text)), changes };
}
