import { formatOutcomeJson, formatOutcomeText, runGitignoreAudit } from '../../sensitive-files/index.js';
import { loadConfig } from '../../config/index.js';
import { kindPolicyFrom, suppressionFrom } from '../../suppress/index.js';
import { fileNameRedactor } from '../../pipeline/index.js';
import { GitError, UsageError } from '../../errors.js';
import { findRepository } from '../../sources/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';

/** `secretscan gitignore`: usage, options and examples. */
export const GITIGNORE_COMMAND: CommandSpec = {
  usage: 'secretscan gitignore [--fix] [--format text|json]',
  summary: 'Check that secret-bearing files (.env, keys, credentials) are ignored and not tracked; --fix appends the missing .gitignore lines.',
  options: [
    { name: 'fix', type: 'boolean', default: false, description: 'append the missing lines to the root .gitignore (never deletes or untracks anything)' },
    { name: 'format', short: 'f', type: 'string', valueName: 'FORMAT', choices: ['text', 'json'], default: 'text', description: 'output format' },
    { name: 'config', short: 'c', type: 'string', valueName: 'FILE', description: 'config file whose path allowlist applies (default: .secretscan.yaml at the repository root)' },
  ],
  examples: [
    ['secretscan gitignore', 'list tracked and unignored secret-bearing files, and the lines .gitignore lacks'],
    ['secretscan gitignore --fix', 'append those lines and print the `git rm --cached` commands to run'],
  ],
};

/** Runs the `.gitignore` audit: 0 nothing left to do, 1 findings remain, 2 not a work tree. */
export async function runGitignore(args: ParsedArgs, io: Io, log: (line: string) => void): Promise<number> {
  const repo = await findRepository(io.cwd);
  if (repo === undefined) throw new GitError('E_NOT_A_REPO', `${io.cwd} is not inside a git repository`, { hint: 'run it from inside the repository' });
  if (repo.isBare) throw new UsageError(`${repo.root} is a bare repository: it has no working tree or .gitignore to check`);
  const config = await loadConfig(repo.root, typeof args.values.config === 'string' ? args.values.config : undefined, io.cwd);
  const shouldFix = args.values.fix === true;
  log(`gitignore audit of ${repo.root}${shouldFix ? ' with --fix' : ''}`);
  const outcome = await runGitignoreAudit({ root: repo.root, policy: kindPolicyFrom(config), shouldFix });
  // A file whose name holds a token is listed with the token redacted, as in scan reports.
  const paths = [...outcome.findings.map((finding) => finding.path), ...outcome.missing.flatMap((entry) => [...entry.paths, ...entry.lines]), ...outcome.appended, ...outcome.tracked];
  const redactText = await fileNameRedactor(paths, suppressionFrom(config.allowlist));
  io.stdout.write(redactText(args.values.format === 'json' ? formatOutcomeJson(outcome) : formatOutcomeText(outcome, shouldFix)));
  return outcome.remaining.length > 0 ? EXIT.findings : EXIT.clean;
}
