import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isBenchTarget } from './bench/target.js';

// Dispatches `npm run bench [-- TARGET [options]]` to scripts/bench/targets/TARGET.ts, so adding a
// target is adding one file there. Exit codes: 0 measured, 2 bad target or options or a failed run.

const TARGETS_DIR = new URL('./bench/targets/', import.meta.url);
const CLI_PATH = fileURLToPath(new URL('../cli/bin.mjs', import.meta.url));

function availableTargets(): string[] {
  return readdirSync(TARGETS_DIR)
    .filter((name) => name.endsWith('.js'))
    .map((name) => name.slice(0, -'.js'.length))
    .sort();
}

async function main(argv: readonly string[]): Promise<number> {
  const [name = 'tree', ...args] = argv;
  const targets = availableTargets();
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !targets.includes(name)) {
    process.stderr.write(`bench: unknown target ${JSON.stringify(name)}; available: ${targets.join(', ')}\nusage: npm run bench -- [TARGET] [options]\n`);
    return 2;
  }
  if (!existsSync(CLI_PATH)) {
    process.stderr.write(`bench: ${CLI_PATH} does not exist; run npm run build first\n`);
    return 2;
  }
  const target: unknown = await import(new URL(`${name}.js`, TARGETS_DIR).href);
  if (!isBenchTarget(target)) throw new Error(`scripts/bench/targets/${name}.ts does not export runBench`);
  return target.runBench({ args: [...args], cliPath: CLI_PATH, print: (line) => process.stdout.write(`${line}\n`) });
}

process.exitCode = await main(process.argv.slice(2));
