import { packageInfo } from '../package-info.js';
import type { CompletedScan } from '../pipeline/index.js';
import type { ReportContext, VersionControlInfo } from '../reporters/index.js';

/** The repository on GitHub, from the runner's variables: links in the summary, SARIF provenance. */
export function vcsOf(env: Readonly<Record<string, string | undefined>>, revision: string | undefined): VersionControlInfo | undefined {
  const server = env.GITHUB_SERVER_URL ?? '';
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (server === '' || repository === '') return undefined;
  const vcs: VersionControlInfo = { repositoryUri: `${server.replace(/\/+$/, '')}/${repository}` };
  const revisionId = revision ?? env.GITHUB_SHA;
  if (revisionId !== undefined && revisionId !== '') vcs.revisionId = revisionId;
  const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
  if (branch !== undefined && branch !== '') vcs.branch = branch;
  return vcs;
}

/**
 * The context the reporters need, as the CLI builds it: the rules the scan ran, the root its
 * paths are relative to, and secretscan's version.
 */
export function reportContextFor(scan: CompletedScan, vcs: VersionControlInfo | undefined): ReportContext {
  const info = packageInfo();
  return {
    toolName: info.name,
    version: info.version,
    informationUri: info.homepage,
    rules: scan.rules,
    root: scan.root,
    useColor: false,
    ...(vcs === undefined ? {} : { vcs }),
  };
}
