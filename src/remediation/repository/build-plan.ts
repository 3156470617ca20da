import { fixSection } from './fix-section.js';
import { publishSection, purgeSection, verifySection } from './history-sections.js';
import { rotateSection } from './rotate-section.js';
import type { PlanOptions, PlanSecret, RepositoryPlan } from './types.js';

/** Where the `--replace-text` input goes when the caller did not choose a file: next to the repository, never in it. */
export const DEFAULT_REPLACEMENTS_FILE = '../secretscan-replacements.txt';

const PLACE_ORDER = { pushed: 0, unpushed: 1, 'working-tree': 2 } as const;

/**
 * The one remediation plan for every secret in a repository: rotate (a checklist per provider),
 * fix the code at HEAD, purge history with one script, force-push and handle copies, verify.
 * `remotes` names the repository's remotes (the purge script keeps and restores them). Pure: the
 * secrets carry everything git said about them.
 */
export function buildRepositoryPlan(secrets: readonly PlanSecret[], options: PlanOptions, remotes: readonly string[] = []): RepositoryPlan {
  const ordered = [...secrets].sort((a, b) => PLACE_ORDER[a.location.place] - PLACE_ORDER[b.location.place] || (a.finding.path < b.finding.path ? -1 : a.finding.path > b.finding.path ? 1 : a.finding.startLine - b.finding.startLine));
  const publish = publishSection(ordered);
  const purge = purgeSection(ordered, options, remotes);
  return {
    secrets: ordered,
    rotate: rotateSection(ordered),
    fix: fixSection(ordered),
    ...(purge === undefined ? {} : { purge }),
    ...(publish === undefined ? {} : { publish }),
    verify: verifySection(ordered, options, publish),
  };
}
