import type { ProviderSpec } from '../rules/index.js';
import type { RemediationStep } from './types.js';

// Text in actions may mark code with backticks; the Markdown renderer turns those into code spans
// and the text renderer prints them as they are.

/** Step 1: rotate at the provider. Without a known provider (an unloaded or generic rule) there is no page to name. */
export function rotateStep(provider: ProviderSpec | undefined): RemediationStep {
  const isKnown = provider !== undefined && provider.id !== 'generic';
  const step: RemediationStep = {
    kind: 'rotate',
    title: isKnown ? `Rotate or revoke the credential at ${provider.name} first` : 'Rotate or revoke the credential first, wherever it is accepted',
    why: 'Rewriting git history does not un-leak a secret that was pushed: clones, forks, CI logs and caches keep it. ' + 'Only a new credential makes the old value useless.',
    actions: [...(provider?.remediation.steps ?? ['Revoke the leaked credential where it was issued, and issue a new one.']), 'Check the access logs for use of the old credential since it was first committed.'],
    commands: [],
  };
  if (provider !== undefined) step.url = provider.remediation.rotateUrl;
  return step;
}

/** Step 2: take the value out of the code and read it at runtime instead. */
export function relocateStep(envName: string): RemediationStep {
  return {
    kind: 'relocate',
    title: 'Remove the secret from the code and load it at runtime',
    why: 'A secret in a tracked file leaks again with the next commit, copy or screenshot of the code.',
    actions: [
      `Read it from an environment variable such as \`${envName}\`, set by your deployment, your CI secrets or a local \`.env\` file that git ignores.`,
      `Or mount it as a file and pass the path in \`${envName}_FILE\` (Docker and Kubernetes secrets are mounted under \`/run/secrets/\`).`,
      'Or fetch it at startup from a secret manager such as HashiCorp Vault or AWS Secrets Manager.',
      'Add files that hold secrets (`.env`, `*.pem`, `credentials.json`) to `.gitignore`, and commit a `.env.example` with empty values instead.',
    ],
    commands: [],
  };
}

/** Step 3: purge the value from history, for secrets that were committed. */
export function purgeStep(): RemediationStep {
  return {
    kind: 'purge',
    title: 'If it was committed, purge it from git history',
    why: 'Deleting the line in a new commit leaves the secret in every earlier commit. ' + 'Rewriting history changes commit ids, so coordinate with everyone who uses the repository.',
    actions: [
      'Work in a fresh clone: `git filter-repo` refuses to rewrite a clone with local changes.',
      'For a value inside a file, put each leaked value on its own line of `replacements.txt` as `VALUE==>REMOVED`. Keep that file outside the repository and delete it afterwards: it contains the secret.',
      'For a file that is secret as a whole (`.env`, a private key), remove the file from every commit with `--invert-paths` instead.',
      'BFG Repo-Cleaner is an alternative: `bfg --replace-text replacements.txt` or `bfg --delete-files FILE`.',
      'Force-push every branch and tag, then ask the host to drop cached views and pull-request refs that still hold the old commits (on GitHub, through GitHub Support).',
      'Ask every collaborator to re-clone: pulling into or merging from an old clone brings the secret back.',
    ],
    commands: [
      'git filter-repo --replace-text ../replacements.txt   # values inside files',
      'git filter-repo --invert-paths --path FILE           # files that are secret as a whole, e.g. .env',
      'git remote add origin REMOTE_URL                     # git filter-repo removes origin as a safeguard',
      'git push --force --all origin',
      'git push --force --tags origin',
    ],
  };
}

/** Step 4: prove the secret is gone from every reachable commit. */
export function verifyStep(): RemediationStep {
  return {
    kind: 'verify',
    title: 'Verify that no copy is left',
    why: 'A secret can survive on another branch, in a tag or in a second file.',
    actions: ['Scan every commit reachable from any ref; the finding must be gone.'],
    commands: ['secretscan scan --history'],
  };
}
