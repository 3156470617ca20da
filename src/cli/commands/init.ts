import { applyStep, describeStep, isPlanSettled, planInit } from '../../init/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { packageInfo } from '../../package-info.js';
import { PACKAGE_ROOT } from '../../package-root.js';

/** `secretscan init`: usage, options and examples. */
export const INIT_COMMAND: CommandSpec = {
  usage: 'secretscan init [--github] [--dry-run]',
  summary: [
    'Set up secretscan in the repository you are in: a pre-commit hook that runs `secretscan scan --staged`',
    'and a commit-msg hook that runs `secretscan scan --commit-msg`',
    '(husky when this folder or one above it in the repository has a package.json, a git hook otherwise), a',
    'starter .secretscan.yaml and, with --github, a GitHub Actions workflow. The check runs before existing',
    'hook commands; nothing already set up changes. Links, and a global core.hooksPath, are refused (exit 2).',
  ].join('\n'),
  options: [
    { name: 'github', type: 'boolean', default: false, description: 'also write .github/workflows/secretscan.yml (pull requests, pushes, weekly history, SARIF upload)' },
    { name: 'dry-run', type: 'boolean', default: false, description: 'print what would change and write nothing' },
    { name: 'debug', type: 'boolean', default: false, description: 'log what init looks at to stderr' },
  ],
  examples: [
    ['secretscan init', 'the hook and a starter config'],
    ['secretscan init --github --dry-run', 'show what setting up the hook, config and workflow would change'],
  ],
};

/** Runs `secretscan init`: plans (read-only), then applies step by step, printing one line per step. */
export async function runInit(args: ParsedArgs, io: Io, log: (line: string) => void): Promise<number> {
  const isDryRun = args.values['dry-run'] === true;
  // git needs PATH to be found; tests may pass an environment without one.
  const env = { ...io.env, PATH: io.env.PATH ?? process.env.PATH };
  const plan = await planInit({ cwd: io.cwd, version: packageInfo().version, packageRoot: PACKAGE_ROOT, env, withGithub: args.values.github === true });
  log(`init: repository ${plan.root}, ${plan.steps.length} steps`);
  for (const step of plan.steps) {
    if (!isDryRun) await applyStep(step, plan.root);
    io.stdout.write(`${describeStep(step, isDryRun)}\n`);
  }
  if (isPlanSettled(plan)) io.stdout.write('secretscan is already set up here: nothing to change.\n');
  else if (isDryRun) io.stdout.write('dry run: nothing was written.\n');
  for (const next of plan.nextSteps) io.stdout.write(`next: ${next}\n`);
  return EXIT.clean;
}
