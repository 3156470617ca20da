/** Where `secretscan init --github` writes the workflow, relative to the repository root. */
export const WORKFLOW_PATH = '.github/workflows/secretscan.yml';

/** Other names under which an existing workflow counts as ours. */
export const WORKFLOW_ALTERNATIVE_PATHS = ['.github/workflows/secretscan.yaml'];

/** A branch name as a YAML flow scalar: plain when safe, double-quoted otherwise. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(value) ? value : JSON.stringify(value);
}

/**
 * The GitHub Actions workflow: pull requests and pushes to `defaultBranch` scan the new commits, a
 * weekly run audits the whole history with the latest rules, and the SARIF goes to code scanning.
 * The action's inputs and outputs (`fail-on`, `sarif-file`) are the ones `action.yml` declares.
 */
export function githubWorkflow(defaultBranch: string): string {
  return `# secretscan: find secrets in pull requests, in pushes to ${defaultBranch} and, weekly, in the whole history.
# Findings appear under Security > Code scanning; the job fails when there are any.
name: secretscan

on:
  pull_request:
  push:
    branches: [${yamlScalar(defaultBranch)}]
  schedule:
    - cron: '23 4 * * 1' # Mondays 04:23 UTC: the whole history, with the latest rules
  workflow_dispatch:

permissions:
  contents: read
  security-events: write

jobs:
  secretscan:
    name: secretscan
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the range and history scans need the commits
      - uses: secretscan/secretscan@v1
        id: secretscan
        with:
          fail-on: low
          sarif-file: secretscan.sarif
      # always(): upload the findings also when the scan step failed because of them. The output
      # is empty when no report was written (the scan could not run); there is nothing to upload then.
      # One category for full-history audits and one for new commits: an upload replaces the
      # previous one of its category, so a clean push must not close what the audit found.
      - uses: github/codeql-action/upload-sarif@v3
        if: always() && steps.secretscan.outputs.sarif-file != ''
        with:
          sarif_file: \${{ steps.secretscan.outputs.sarif-file }}
          category: secretscan-\${{ (github.event_name == 'schedule' || github.event_name == 'workflow_dispatch') && 'history' || 'changes' }}
`;
}
