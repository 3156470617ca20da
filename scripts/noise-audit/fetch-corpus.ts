import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

/** What the audit scans (scripts/noise-audit/corpus.json). */
export interface Corpus {
  /** npm specs with exact versions, e.g. `stripe@23.2.0`. */
  npm: string[];
  /** Python minor versions whose standard library (from pyenv) is scanned, e.g. `3.11`. */
  python: string[];
}

/** Thrown when a package or a standard library cannot be put in the cache. */
export class FetchError extends Error {}

const HELD_OUT = [/^aws-sdk@/, /^googleapis@/, /^typescript@/];

/** Where a spec is unpacked inside the source directory: `@scope/name@1.2.3` stays a path. */
export function corpusDirOf(spec: string): string {
  return spec;
}

function fetchNpm(spec: string, srcDir: string, tmpDir: string, log: (line: string) => void): void {
  const target = join(srcDir, corpusDirOf(spec));
  if (existsSync(target)) return;
  log(`noise-audit: fetching ${spec}`);
  const packed = spawnSync('npm', ['pack', spec, '--pack-destination', tmpDir, '--silent'], { encoding: 'utf8' });
  const tarball = packed.stdout.trim().split('\n').pop();
  if (packed.status !== 0 || tarball === undefined || tarball === '') throw new FetchError(`npm pack ${spec} failed: ${packed.stderr.trim().split('\n').pop() ?? ''}`);
  const unpackDir = mkdtempSync(join(tmpDir, 'unpack-'));
  const untar = spawnSync('tar', ['-xzf', join(tmpDir, basename(tarball)), '-C', unpackDir, '--strip-components=1', '--no-same-owner'], { encoding: 'utf8' });
  if (untar.status !== 0) throw new FetchError(`cannot unpack ${spec}: ${untar.stderr.trim()}`);
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(unpackDir, target);
}

function findPythonLib(minor: string): string {
  const root = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const versionsDir = join(root, 'versions');
  const versions = existsSync(versionsDir)
    ? readdirSync(versionsDir)
        .filter((v) => v.startsWith(`${minor}.`))
        .sort()
    : [];
  const newest = versions.pop();
  const lib = newest === undefined ? undefined : join(versionsDir, newest, 'lib', `python${minor}`);
  if (lib === undefined || !existsSync(lib)) throw new FetchError(`no Python ${minor} under ${versionsDir} (install it with pyenv)`);
  return lib;
}

function fetchPython(minor: string, srcDir: string, log: (line: string) => void): void {
  const target = join(srcDir, `python-${minor}-stdlib`);
  if (existsSync(target)) return;
  const lib = findPythonLib(minor);
  log(`noise-audit: copying ${lib} (without site-packages and __pycache__)`);
  const skipped = new Set([join(lib, 'site-packages')]);
  cpSync(lib, `${target}.partial`, { recursive: true, filter: (from) => !skipped.has(from) && basename(from) !== '__pycache__' });
  renameSync(`${target}.partial`, target);
}

/** Puts every corpus entry under `cacheDir/src` (once; later runs reuse it) and returns that directory. */
export function fetchCorpus(corpus: Corpus, cacheDir: string, log: (line: string) => void): string {
  const held = corpus.npm.find((spec) => HELD_OUT.some((pattern) => pattern.test(spec))) ?? corpus.python.find((minor) => minor === '3.12');
  if (held !== undefined) throw new FetchError(`${held} is held out for measuring; the audit must not scan it`);
  const srcDir = join(cacheDir, 'src');
  mkdirSync(srcDir, { recursive: true });
  const tmpDir = mkdtempSync(join(cacheDir, 'tmp-'));
  try {
    for (const spec of corpus.npm) fetchNpm(spec, srcDir, tmpDir, log);
    for (const minor of corpus.python) fetchPython(minor, srcDir, log);
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  return srcDir;
}
