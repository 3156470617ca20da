/** Where `secretscan init --github` writes the workflow, relative to the repository root. */
export const WORKFLOW_PATH = '.github/workflows/secretscan.yml';

/** Other names under which an existing workflow counts as ours. */
export const WORKFLOW_ALTERNATIVE_PATHS = ['.github/workflows/secretscan.yaml'];

/** The majors the workflow uses: both run on Node 24 (GitHub removed Node 20 from its runners). */
export const CHECKOUT_ACTION = 'actions/checkout@v6';
export const UPLOAD_SARIF_ACTION = 'github/codeql-action/upload-sarif@v4';

/** A branch name as a YAML flow scalar: plain when safe, double-quoted otherwise. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * The action as the workflow references it: the release tag of the secretscan that writes the
 * workflow (`v` + its version; every release is tagged so), so the Action and the CLI the
 * project uses agree. A version that is not a plain release (`1.2.0-rc.1`, a local build)
 * is tagged the same way and must exist as a tag too; the README says how to pin a commit instead.
 */
export function actionReference(version: string): string {
  return `secretscan/secretscan@v${version.replace(/^v/, '')}`;
}

/** One job: check out with the history, scan, upload the SARIF under the job's own category. */
function job(options: { name: string; when: string; category: string; action: string }): string {
  return `  ${options.name}:
    name: secretscan (${options.category})
    if: ${options.when}
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT_ACTION}
        with:
          fetch-depth: 0 # the range and history scans need the commits
          persist-credentials: false
      - uses: ${options.action}
        id: secretscan
        with:
          fail-on: low
          sarif-file: secretscan.sarif
      # always(): upload the findings also when the scan step failed because of them. The output
      # is empty when no report was written (the scan could not run); there is nothing to upload then.
      - uses: ${UPLOAD_SARIF_ACTION}
        if: always() && steps.secretscan.outputs.sarif-file != ''
        with:
          sarif_file: \${{ steps.secretscan.outputs.sarif-file }}
          category: secretscan-${options.category}
`;
}

/**
 * The GitHub Actions workflow: pull requests and pushes to `defaultBranch` scan the new commits
 * (job `changes`), a weekly or manual run audits the whole history with the latest rules (job
 * `history`), and each job uploads its SARIF to code scanning under a category of its own: an
 * upload replaces the previous one of its category, so a clean push must not close what the audit
 * found. Least permissions: read the code, write code-scanning results, and `actions: read`, which
 * the upload needs on a private repository. The action's inputs and outputs (`fail-on`,
 * `sarif-file`) are the ones `action.yml` declares.
 */
export function githubWorkflow(defaultBranch: string, version: string): string {
  const action = actionReference(version);
  const history = "github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'";
  // Not `!(…)`: a plain YAML scalar starting with `!` is a tag.
  const changes = "github.event_name != 'schedule' && github.event_name != 'workflow_dispatch'";
  return `# secretscan: find secrets in pull requests, in pushes to ${yamlScalar(defaultBranch)} and, weekly, in the whole history.
# Findings appear in the job summary, as annotations and under Security > Code scanning; the job
# fails when there are any. Code scanning on a private repository needs GitHub Code Security
# (GitHub Advanced Security): without it the upload step fails and the summary and annotations remain.
# ${action} is the release that wrote this file; to pin harder, replace the tag with its commit sha.
name: secretscan

on:
  pull_request:
  push:
    branches: [${yamlScalar(defaultBranch)}]
  schedule:
    - cron: '23 4 * * 1' # Mondays 04:23 UTC: the whole history, with the latest rules
  workflow_dispatch:

permissions:
  contents: read # check out the code
  security-events: write # upload the SARIF to code scanning
  actions: read # the upload reads the run's details (needed on private repositories)

jobs:
${job({ name: 'changes', when: changes, category: 'changes', action })}
${job({ name: 'history', when: history, category: 'history', action })}`;
}
