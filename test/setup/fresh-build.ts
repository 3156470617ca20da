import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the build reads: a change to any of these makes dist/ stale. */
export const BUILD_INPUTS = ['src', 'scripts', 'rules', 'package.json', 'tsconfig.json'];

/**
 * What the build writes and tests load from disk rather than through the test runner: the
 * bundles (spawned as users run them), the worker scripts (worker threads load files, not the
 * sources under test) and the compiled rules.
 */
export const BUILD_OUTPUTS = ['dist/cli/bin.mjs', 'dist/cli/scan-worker.mjs', 'dist/cli/speed-worker.mjs', 'dist/src/parallel/scan-worker.js', 'dist/src/rule-check/speed/speed-worker.js', 'dist/rules.json', 'dist/keyword-automaton.bin'];

function newestIn(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestIn(join(path, name))), stat.mtimeMs);
}

/** The build outputs under `root` that are missing or older than the newest build input. */
export function staleOutputs(root: string, inputs: readonly string[] = BUILD_INPUTS, outputs: readonly string[] = BUILD_OUTPUTS): string[] {
  const newestInput = Math.max(...inputs.map((input) => newestIn(join(root, input))));
  return outputs.filter((output) => (statSync(join(root, output), { throwIfNoEntry: false })?.mtimeMs ?? 0) < newestInput);
}

/**
 * Test-runner setup: tests must never run yesterday's build. When dist/ is older than the
 * sources, build first (`npm run build`); with SECRETSCAN_TEST_NO_BUILD=1, refuse instead.
 */
export default function setup(): void {
  const stale = staleOutputs(ROOT);
  if (stale.length === 0) return;
  if (process.env.SECRETSCAN_TEST_NO_BUILD === '1') {
    throw new Error(`dist/ is older than the sources (${stale.join(', ')}): run \`npm run build\` first`);
  }
  process.stderr.write(`dist/ is older than the sources (${stale[0]}${stale.length > 1 ? ` and ${stale.length - 1} more` : ''}): running \`npm run build\`\n`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}
