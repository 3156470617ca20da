import { packageInfo } from '../cli/package-info.js';
import { loadConfig, selectRules } from '../config/index.js';
import type { ReportContext, VersionControlInfo } from '../reporters/index.js';
import { loadBuiltinRules } from '../rules/index.js';
import { findRepository } from '../sources/index.js';

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
 * The context the reporters need, built as the CLI builds it: the built-in rules narrowed by the
 * same config (`loadConfig(root, config, cwd)`), the repository root, and secretscan's version.
 */
export async function reportContextFor(options: { cwd: string; config?: string; vcs?: VersionControlInfo }): Promise<ReportContext> {
  const [repo, builtin] = await Promise.all([findRepository(options.cwd), loadBuiltinRules()]);
  const root = repo?.root ?? options.cwd;
  const config = await loadConfig(root, options.config, options.cwd);
  const info = packageInfo();
  return {
    toolName: info.name,
    version: info.version,
    informationUri: info.homepage,
    rules: selectRules(builtin, config),
    root,
    useColor: false,
    ...(options.vcs === undefined ? {} : { vcs: options.vcs }),
  };
}
