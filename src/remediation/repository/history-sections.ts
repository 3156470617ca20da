import { shellQuote } from '../../terminal-text/index.js';
import { isWholeSecretFile } from '../file-kind.js';
import { REPLACEMENT } from '../replacements.js';
import type { PlanOptions, PlanSecret, RepositoryPlan } from './types.js';

/** GitHub's guide to removing sensitive data (cached views, pull-request refs, support). */
export const GITHUB_SENSITIVE_DATA_URL = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository';

/** The shell variable that keeps a remote's URL while git filter-repo has removed the remote. */
function urlVariable(remote: string): string {
  const name = `${remote.replace(/[^A-Za-z0-9_]/g, '_')}_url`;
  return /^[0-9]/.test(name) ? `remote_${name}` : name;
}

/** A `--path` argument; a path starting with `-` is attached with `=` so it is never read as an option. */
function pathArgument(path: string): string {
  return path.startsWith('-') ? `--path=${shellQuote(path)}` : `--path ${shellQuote(path)}`;
}

/**
 * A remote name that cannot be read as an option or anything but a name. The repository's config
 * is not trusted: a remote named `--upload-pack=…` would turn `git fetch NAME` into a command.
 */
const SAFE_REMOTE = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** Every remote of the repository (those that hold a secret among them), each with a safe name. */
function remotesOf(secrets: readonly PlanSecret[], knownRemotes: readonly string[]): string[] {
  const remotes = new Set(secrets.flatMap((secret) => secret.location.remotes));
  for (const remote of knownRemotes) remotes.add(remote);
  return [...remotes].filter((remote) => SAFE_REMOTE.test(remote)).sort();
}

/**
 * Step 3: one script for every committed secret: keep the remotes' URLs, write the replacements
 * file (outside the repository), one `git filter-repo` run that replaces the values and drops the
 * whole secret files, delete the file, put the remotes back.
 */
export function purgeSection(secrets: readonly PlanSecret[], options: PlanOptions, knownRemotes: readonly string[]): RepositoryPlan['purge'] {
  const committed = secrets.filter((secret) => secret.location.place !== 'working-tree');
  if (committed.length === 0) return undefined;
  const wholeFiles = [...new Set(committed.flatMap((secret) => secret.location.paths.filter((path) => isWholeSecretFile(secret.location, path))))].sort();
  const remotes = remotesOf(committed, knownRemotes);
  const file = shellQuote(options.replacementsFile);
  const filter = ['git filter-repo --force', `--replace-text ${file}`, ...(wholeFiles.length > 0 ? ['--invert-paths', ...wholeFiles.map(pathArgument)] : [])].join(' ');
  return {
    title: 'Purge every secret from history with one script',
    why: 'Deleting a value in a new commit leaves it in every earlier one. This rewrites every branch and tag in this clone once, for all the secrets: commit ids change, so tell everyone who uses the repository first.',
    actions: [
      'Work in an up-to-date clone with no uncommitted changes, after step 2. The fetch below brings every branch and tag of the remote, so the rewrite covers them all.',
      `The replacements file holds the raw values, one per line (\`VALUE==>${REPLACEMENT}\`, or a \`regex:\` line for a short value, tied to its variable name): it is written outside the repository with mode 0600, and the script deletes it.`,
      ...(wholeFiles.length > 0
        ? [
            `${wholeFiles.map((path) => `\`${path}\``).join(', ')} ${wholeFiles.length === 1 ? 'is' : 'are'} secret as a whole: \`--invert-paths\` removes ${wholeFiles.length === 1 ? 'it' : 'them'} from every commit (your ignored local copy stays).`,
          ]
        : []),
      '`git filter-repo` removes the remotes as a safeguard; the script keeps their URLs and adds them back.',
    ],
    commands: [
      ...remotes.map((remote) => `git fetch --prune --tags ${shellQuote(remote)}`),
      ...remotes.map((remote) => `${urlVariable(remote)}=$(git remote get-url ${shellQuote(remote)})`),
      `${options.command} remediate --write-replacements ${file} > /dev/null`,
      filter,
      `rm -f -- ${file}`,
      ...remotes.map((remote) => `git remote add -- ${shellQuote(remote)} "$${urlVariable(remote)}"`),
    ],
    wholeFiles,
    replacementsFile: options.replacementsFile,
  };
}

/** Step 4, for pushed secrets: force-push the rewrite, and deal with the copies the host and others keep. */
export function publishSection(secrets: readonly PlanSecret[]): RepositoryPlan['publish'] {
  const pushed = secrets.filter((secret) => secret.location.place === 'pushed');
  if (pushed.length === 0) return undefined;
  const remotes = [...new Set(pushed.flatMap((secret) => (secret.location.remotes.length > 0 ? secret.location.remotes : ['origin'])))].filter((remote) => SAFE_REMOTE.test(remote)).sort();
  const refs = [...new Set(pushed.flatMap((secret) => secret.location.remoteRefs))].sort();
  return {
    title: 'Force-push, then deal with the copies others hold',
    why: `The secrets were pushed${refs.length > 0 ? ` (${refs.join(', ')})` : ''}: the remote keeps the old commits until every branch and tag is replaced, and copies outside it stay until they are removed.`,
    url: GITHUB_SENSITIVE_DATA_URL,
    actions: [
      'Pull-request refs (refs/pull/*) cannot be force-pushed, and the host keeps cached views of old commits: on GitHub, contact GitHub Support with the rewritten repository and ask them to remove the cached views and the pull-request refs that still hold the old commits (the guide below says how).',
      'Forks keep their own copies: ask their owners to delete or re-create them, and include them in the support request.',
      'CI logs, build caches, artifacts and published packages made from the old commits may hold the values too: delete them.',
      'Every collaborator must re-clone (or hard-reset every branch to the rewritten one and delete old branches): a pull or merge from an old clone brings the secrets back.',
    ],
    commands: remotes.flatMap((remote) => [`git push --force --all ${shellQuote(remote)}`, `git push --force --tags ${shellQuote(remote)}`]),
    remotes,
  };
}

/** Step 5: scan here and, when a remote was rewritten, in a fresh clone of it. */
export function verifySection(secrets: readonly PlanSecret[], options: PlanOptions, publish: RepositoryPlan['publish']): RepositoryPlan['verify'] {
  const isCommitted = secrets.some((secret) => secret.location.place !== 'working-tree');
  if (!isCommitted) {
    return { title: 'Verify', why: 'The findings must be gone from the files and the index.', actions: [], commands: [`${options.command} scan`, `${options.command} scan --staged`] };
  }
  const remote = publish?.remotes[0];
  const clone = '../secretscan-verify';
  return {
    title: 'Verify that no copy is left',
    why: 'A secret can survive on a branch that was not fetched, in a tag, or in a file the plan did not know about.',
    actions: [`Every scan must find nothing${remote === undefined ? '' : ': the first checks every commit of this clone, the second a fresh clone of the remote, as a new collaborator gets it'}.`],
    commands: [`${options.command} scan --history`, ...(remote === undefined ? [] : [`git clone -q -- "$(git remote get-url ${shellQuote(remote)})" ${clone}`, `(cd ${clone} && ${options.command} scan --history)`, `rm -rf -- ${clone}`])],
  };
}
