import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { RulePackError } from '../../errors.js';
import { BUILTIN_RULES_DIR, checkRules, loadBuiltinRules, loadRulePacksFrom } from '../../rules/index.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';

/** Declares `rules list` and `rules check [dir]` under `rules`. */
export function describeRules(yargs: Argv, io: Io, setExit: (code: number) => void): Argv {
  return yargs
    .command(
      'list',
      'list the built-in rules',
      (y) => y.option('format', { choices: ['text', 'json'], default: 'text' }),
      async (args) => {
        setExit(await listRules(String(args.format), io));
      },
    )
    .command(
      'check [dir]',
      'validate rule packs and run every example and negative example',
      (y) => y.positional('dir', { type: 'string', describe: 'folder of *.yaml packs (default: the built-in rules)' }),
      async (args) => {
        setExit(await checkRuleDir(args.dir === undefined ? BUILTIN_RULES_DIR : resolve(io.cwd, String(args.dir)), io));
      },
    )
    .demandCommand(1, 'name a subcommand: list or check');
}

async function listRules(format: string, io: Io): Promise<number> {
  const { rules } = await loadBuiltinRules();
  if (format === 'json') {
    const rows = rules.map((r) => ({ id: r.spec.id, name: r.spec.name, severity: r.spec.severity, provider: r.provider.name, keywords: r.spec.keywords, tags: r.spec.tags }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.clean;
  }
  const width = Math.max(...rules.map((r) => r.spec.id.length));
  for (const r of rules) io.stdout.write(`${r.spec.id.padEnd(width)}  ${r.spec.severity.padEnd(6)}  ${r.spec.name}\n`);
  io.stdout.write(`${rules.length} rules\n`);
  return EXIT.clean;
}

async function checkRuleDir(dir: string, io: Io): Promise<number> {
  const loaded = await loadRulePacksFrom(dir, io.cwd);
  const problems = [...loaded.problems, ...(await checkRules(loaded.rules))];
  if (problems.length > 0) throw new RulePackError(problems);
  const examples = loaded.rules.reduce((n, r) => n + r.spec.examples.length + r.spec.negativeExamples.length, 0);
  io.stdout.write(`${loaded.rules.length} rules in ${loaded.packs.length} packs: all ${examples} examples and negative examples pass\n`);
  return EXIT.clean;
}
