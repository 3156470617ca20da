import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The real trees the tree bench scans: a large node_modules (a fixed set of popular packages and
// their dependencies, installed once into the cache) and the Python standard library (a hard-linked
// copy of the library directory without site-packages and __pycache__, so no tool's ignore rules
// or the enclosing repository decide what is read). Packages that are held out of benches for
// other measurements are removed wherever they were installed as a dependency.

/** Packages installed into the node_modules corpus (with their dependencies). */
export const NODE_MODULES_PACKAGES = ['webpack', 'eslint', '@babel/core', '@babel/preset-env', 'jest', 'vue', 'react-dom', 'rxjs', 'lodash', 'moment', 'three', 'prettier', '@angular/core', 'express', 'mongoose', 'sass'];

/** Left out of every bench corpus: measured elsewhere, on code the benches have not tuned for. */
export const HELD_OUT_PACKAGES = ['aws-sdk', 'googleapis', 'typescript'];

/** The Python standard library to copy; override with SECRETSCAN_BENCH_PYTHON_LIB. */
export const PYTHON_LIB = process.env.SECRETSCAN_BENCH_PYTHON_LIB || '/root/.pyenv/versions/3.11.7/lib/python3.11';

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], timeout: 1_800_000 });
  if (result.error !== undefined) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 3).join(' ')} exited ${String(result.status)}: ${(result.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`);
}

/** Removes every `node_modules/<held-out>` folder below `dir`. */
function removeHeldOut(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    if (name === 'node_modules') {
      for (const held of HELD_OUT_PACKAGES) rmSync(join(path, held), { recursive: true, force: true });
    }
    removeHeldOut(path);
  }
}

/** The node_modules corpus (its `node_modules` folder), installed on first use. */
export function nodeModulesCorpus(cache: string, log: (line: string) => void): string {
  const root = join(cache, 'tree', 'node-modules');
  const done = join(root, 'node_modules');
  if (existsSync(join(root, '.complete'))) return done;
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  writeFileSync(join(building, 'package.json'), `${JSON.stringify({ name: 'tree-bench-corpus', version: '1.0.0', private: true })}\n`);
  log(`installing the node_modules corpus into ${root} (once): ${NODE_MODULES_PACKAGES.join(' ')}`);
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--legacy-peer-deps', '--loglevel=error', ...NODE_MODULES_PACKAGES], building);
  removeHeldOut(building);
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  writeFileSync(join(root, '.complete'), '');
  return done;
}

/** The Python standard library corpus, copied (hard links) on first use. */
export function pythonCorpus(cache: string, log: (line: string) => void): string {
  const root = join(cache, 'tree', 'python-stdlib');
  const done = join(root, 'lib');
  if (existsSync(join(root, '.complete'))) return done;
  if (!existsSync(PYTHON_LIB)) throw new Error(`${PYTHON_LIB} does not exist; set SECRETSCAN_BENCH_PYTHON_LIB to a Python standard library`);
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  log(`copying ${PYTHON_LIB} (hard links, without site-packages and __pycache__) into ${root} (once)`);
  run('cp', ['-al', PYTHON_LIB, join(building, 'lib')], building);
  rmSync(join(building, 'lib', 'site-packages'), { recursive: true, force: true });
  run('find', [join(building, 'lib'), '-name', '__pycache__', '-type', 'd', '-prune', '-exec', 'rm', '-rf', '{}', '+'], building);
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  writeFileSync(join(root, '.complete'), '');
  return done;
}
