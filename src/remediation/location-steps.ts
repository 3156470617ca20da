import { shellQuote } from '../terminal-text/index.js';
import { gitignoreLinesFor, isWholeSecretFile, secretFileKind } from './file-kind.js';
import type { SecretLocation } from './secret-location.js';
import type { RemediationStep } from './types.js';

/** Where the `--replace-text` input goes when the caller did not choose a file. */
export const DEFAULT_REPLACEMENTS_FILE = '../secretscan-replacements.txt';

/** GitHub's guide to removing sensitive data (cached views, pull-request refs, support). */
export const GITHUB_SENSITIVE_DATA_URL = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository';

function short(sha: string): string {
  return sha.slice(0, 12);
}

/** Never committed: take it out of the file (and the index), nothing to rewrite. */
export function removeStep(location: SecretLocation): RemediationStep {
  const whole = location.paths.filter((path) => isWholeSecretFile(location, path));
  const values = location.paths.filter((path) => !isWholeSecretFile(location, path));
  return {
    kind: 'remove',
    title: 'Remove it from the working tree before it is committed',
    why: 'It was never committed, so there is no history to rewrite; rotating is needed only if the value was shared somewhere else too.',
    actions: [
      ...values.map((path) => `Delete the value from \`${path}\` and read it at runtime instead (see below).`),
      ...whole.map((path) => `Keep \`${path}\` out of git: add it to \`.gitignore\` (below) and never \`git add\` it.`),
      ...(location.isStaged ? ['It is staged: take it out of the index before you commit.'] : []),
    ],
    commands: location.isStaged ? location.paths.map((path) => `git restore --staged -- ${shellQuote(path)}`) : [],
  };
}

/** Committed but not pushed: rewrite the local commits before pushing. */
export function rewriteStep(location: SecretLocation, replacementsFile: string): RemediationStep {
  const oldest = location.commits[0] ?? 'COMMIT';
  const whole = location.paths.filter((path) => isWholeSecretFile(location, path));
  const fixes = [
    ...location.paths.filter((path) => !isWholeSecretFile(location, path)).map((path) => `Delete the value from \`${path}\` and \`git add\` it.`),
    ...whole.map((path) => `Untrack \`${path}\` with \`git rm --cached ${shellQuote(path)}\` and add it to \`.gitignore\`.`),
  ];
  const base = {
    kind: 'rewrite' as const,
    title: 'Rewrite the unpushed commits before you push',
    why: 'No remote-tracking ref holds these commits yet, so rewriting them locally removes the secret for good, as long as you do it before pushing.',
  };
  if (location.isOnlyInLastCommit) {
    return {
      ...base,
      actions: [`It is only in the last commit (${short(oldest)}): fix that commit.`, ...fixes],
      commands: ['git commit --amend --no-edit'],
    };
  }
  const rebaseBase = location.isRootCommit ? '--root' : `${oldest}^`;
  return {
    ...base,
    actions: [
      `It entered history in ${location.commits.map((sha) => `\`${short(sha)}\``).join(', ')}. Start an interactive rebase from the oldest, mark ${location.commits.length === 1 ? 'that commit' : 'each of those commits'} \`edit\`, and at each stop:`,
      ...fixes,
      'Then `git commit --amend --no-edit` and `git rebase --continue`.',
      `For many commits, \`git filter-repo --replace-text\` does the same in one pass: write its input with \`secretscan remediate --write-replacements ${replacementsFile}\`.`,
    ],
    commands: [`git rebase -i ${rebaseBase}`, 'git commit --amend --no-edit', 'git rebase --continue'],
  };
}

/** Pushed: purge from every commit with git filter-repo, force-push, and deal with the host and clones. */
export function pushedPurgeStep(location: SecretLocation, replacementsFile: string): RemediationStep {
  const whole = location.paths.filter((path) => isWholeSecretFile(location, path));
  const remotes = location.remotes.length > 0 ? location.remotes : ['origin'];
  const file = shellQuote(replacementsFile);
  const urlVar = (remote: string): string => `${remote.replace(/[^A-Za-z0-9_]/g, '_')}_url`;
  const commands = [
    ...remotes.map((remote) => `${urlVar(remote)}=$(git remote get-url ${shellQuote(remote)})   # git filter-repo removes remotes as a safeguard`),
    `secretscan remediate --write-replacements ${file}   # the values, outside the repository, mode 0600`,
    `git filter-repo --replace-text ${file} --force`,
    ...(whole.length > 0 ? [`git filter-repo --invert-paths ${whole.map((path) => `--path ${shellQuote(path)}`).join(' ')} --force`] : []),
    ...remotes.flatMap((remote) => [`git remote add ${shellQuote(remote)} "$${urlVar(remote)}"`, `git push --force --all ${shellQuote(remote)}`, `git push --force --tags ${shellQuote(remote)}`]),
    `rm ${file}`,
  ];
  return {
    kind: 'purge',
    title: 'Then purge it from every commit and force-push',
    why: `It was pushed (${location.remoteRefs.join(', ')}), so the old commits are on the remote. ` + 'Rewriting changes commit ids: tell everyone who uses the repository first.',
    actions: [
      'Work in an up-to-date clone with no local changes, and fetch every branch you want to keep.',
      `The replacements file holds the raw values, one \`VALUE==>REMOVED-BY-SECRETSCAN\` per line: keep it outside the repository and delete it afterwards.`,
      ...(whole.length > 0 ? [`${whole.map((path) => `\`${path}\``).join(', ')} ${whole.length === 1 ? 'is' : 'are'} secret as a whole: remove ${whole.length === 1 ? 'it' : 'them'} from every commit with \`--invert-paths\`.`] : []),
      'Ask the host to drop cached views and pull-request refs that still hold the old commits (on GitHub, contact GitHub Support as the guide below describes).',
      'Ask every collaborator to re-clone: pulling into or merging from an old clone brings the secret back.',
    ],
    url: GITHUB_SENSITIVE_DATA_URL,
    commands,
  };
}

function placementFor(location: SecretLocation, path: string, envName: string): string {
  const kind = secretFileKind(location, path);
  if (kind === 'env') return `\`${path}\` is the right kind of place for local values, but only ignored by git: set the value in the environment of your deployment and in your CI secrets, and commit a \`.env.example\` with empty values.`;
  if (kind === 'key') return `Do not keep \`${path}\` in the repository: mount it as a secret file (Docker and Kubernetes secrets appear under \`/run/secrets/\`) and pass its path in \`${envName}_FILE\`, or keep it in a secret manager.`;
  if (kind === 'credentials') return `Keep \`${path}\` only on the machines that need it (outside the repository), or replace it with CI secrets or a secret manager.`;
  return `In \`${path}\`, read the value from an environment variable such as \`${envName}\` (set by your deployment or CI secrets), a \`${envName}_FILE\` secret mount, or a secret manager such as HashiCorp Vault or AWS Secrets Manager.`;
}

/** Always: keep it from coming back, with .gitignore lines and where the value belongs, per file kind. */
export function preventStep(location: SecretLocation, envName: string): RemediationStep {
  const ignore = [...new Set(location.paths.flatMap((path) => gitignoreLinesFor(location, path)))];
  return {
    kind: 'prevent',
    title: 'Keep it from coming back',
    why: 'A secret that stays in a tracked file leaks again with the next commit.',
    actions: [
      ...location.paths.map((path) => placementFor(location, path, envName)),
      ...(ignore.length > 0 ? [`Add ${ignore.map((line) => `\`${line}\``).join(', ')} to \`.gitignore\`.`] : []),
      'Install the pre-commit hook (`secretscan init`) so `secretscan scan --staged` stops the next one.',
    ],
    commands: ignore.map((line) => `echo ${shellQuote(line)} >> .gitignore`),
  };
}

/** Last: prove it is gone, in the working tree or in every reachable commit. */
export function locatedVerifyStep(location: SecretLocation): RemediationStep {
  if (location.place === 'working-tree') {
    return { kind: 'verify', title: 'Verify', why: 'The finding must be gone from the files and the index.', actions: [], commands: ['secretscan scan', 'secretscan scan --staged'] };
  }
  return {
    kind: 'verify',
    title: 'Verify that no copy is left',
    why: 'A secret can survive on another branch, in a tag or in a second file.',
    actions: location.place === 'pushed' ? ['Scan here, and in a fresh clone of the remote: both must find nothing.'] : ['Scan every commit reachable from any ref: the finding must be gone.'],
    commands: ['secretscan scan --history'],
  };
}
