import { join, relative, resolve } from 'node:path';
import { ScanError } from '../errors.js';
import { readFailure, readTextFile } from '../safe-fs/index.js';
import type { BaselineEntry } from './baseline-file.js';
import { BASELINE_FILE_NAME, IGNORE_FILE_NAME } from './file-names.js';
import { parseBaseline } from './parse-baseline.js';
import { parseIgnoreFile, type IgnoreEntry } from './parse-ignore-file.js';

/** Where a baseline comes from: an explicit file, the default one at the root, or none. */
export interface LoadOptions {
  /** The repository root (the current directory outside git): where the default files live. */
  root: string;
  /** The directory relative paths are resolved against, and messages name files relative to. */
  cwd: string;
  /** `--baseline FILE`: must exist. */
  baselineFile?: string | undefined;
  /** Use `.secretscan-baseline.json` at the root when it exists (off with `--no-baseline`). */
  shouldUseDefaultBaseline: boolean;
  /** Reads the files (e.g. as a commit holds them): text, or undefined when absent. Default: the file system. */
  read?: (path: string) => Promise<string | undefined>;
}

/** A baseline file that was read. */
export interface LoadedBaseline {
  /** Absolute path, and the name messages use (relative to the working directory). */
  file: string;
  displayName: string;
  /** True when found at the root rather than named with `--baseline`. */
  isDefault: boolean;
  entries: BaselineEntry[];
}

/** The ignore file, when there is one. */
export interface LoadedIgnoreFile {
  file: string;
  displayName: string;
  entries: IgnoreEntry[];
}

/** The fingerprint-based suppressions in force for a scan. */
export interface Suppressions {
  baseline?: LoadedBaseline;
  ignore?: LoadedIgnoreFile;
}

/** The file's text, or undefined when it does not exist; other read errors exit 2. */
async function readIfPresent(file: string, displayName: string, isNamedByUser = false): Promise<string | undefined> {
  try {
    return await readTextFile(file, { shouldFollowSymlink: isNamedByUser });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new ScanError('E_IO', `cannot read ${displayName}: ${readFailure(error)}`, { cause: error });
  }
}

function displayNameOf(file: string, cwd: string): string {
  return relative(cwd, file) || file;
}

async function loadBaseline(options: LoadOptions): Promise<LoadedBaseline | undefined> {
  const isDefault = options.baselineFile === undefined;
  if (isDefault && !options.shouldUseDefaultBaseline) return undefined;
  const file = isDefault ? join(options.root, BASELINE_FILE_NAME) : resolve(options.cwd, options.baselineFile ?? '');
  const displayName = displayNameOf(file, options.cwd);
  const text = options.read === undefined ? await readIfPresent(file, displayName, !isDefault) : await options.read(file);
  if (text === undefined && isDefault) return undefined;
  if (text === undefined) {
    throw new ScanError('E_IO', `baseline file ${displayName} does not exist`, { hint: 'create it with `secretscan baseline`' });
  }
  return { file, displayName, isDefault, entries: parseBaseline(text, displayName).entries };
}

async function loadIgnoreFile(options: LoadOptions): Promise<LoadedIgnoreFile | undefined> {
  const file = join(options.root, IGNORE_FILE_NAME);
  const displayName = displayNameOf(file, options.cwd);
  const text = options.read === undefined ? await readIfPresent(file, displayName) : await options.read(file);
  return text === undefined ? undefined : { file, displayName, entries: parseIgnoreFile(text, displayName) };
}

/**
 * Reads the baseline and the ignore file a scan should honour. A malformed file, or a missing
 * `--baseline FILE`, throws a ScanError (exit 2) before anything is scanned.
 */
export async function loadSuppressions(options: LoadOptions): Promise<Suppressions> {
  const [baseline, ignore] = await Promise.all([loadBaseline(options), loadIgnoreFile(options)]);
  return { ...(baseline === undefined ? {} : { baseline }), ...(ignore === undefined ? {} : { ignore }) };
}

/**
 * The entries of the baseline at `file` before it is rewritten, or undefined when there is none
 * or it cannot be read: rewriting a broken baseline is how it gets fixed, so that is no error.
 */
export async function readPreviousBaseline(file: string): Promise<BaselineEntry[] | undefined> {
  try {
    return parseBaseline(await readTextFile(file), file).entries;
  } catch {
    return undefined;
  }
}
