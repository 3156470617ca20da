import { compareStrings, type Finding } from '../../findings/index.js';
import type { PlanSecret, RepositoryPlan, RotateGroup, RotateItem } from './types.js';

const SEEN_AT_SHOWN = 3;
const PLACE_RANK = { pushed: 0, unpushed: 1, 'working-tree': 2 } as const;

function placesOf(finding: Finding): string[] {
  const places = finding.occurrences ?? [{ path: finding.path, startLine: finding.startLine }];
  return [...new Set(places.map((place) => `${place.path}:${place.startLine}`))];
}

function itemOf(secret: PlanSecret): RotateItem {
  const { finding, location } = secret;
  const places = placesOf(finding);
  for (const path of location.paths) if (!places.some((place) => place.startsWith(`${path}:`))) places.push(path);
  return {
    ruleId: finding.ruleId,
    ruleName: finding.ruleName,
    severity: finding.severity,
    preview: finding.preview,
    place: location.place,
    seenAt: places.slice(0, SEEN_AT_SHOWN),
    moreCount: Math.max(0, places.length - SEEN_AT_SHOWN),
    ...(finding.verification === undefined ? {} : { verification: finding.verification }),
  };
}

/** The provider a secret's rule belongs to; unknown rules share one group named after their id's prefix. */
function providerOf(secret: PlanSecret): Pick<RotateGroup, 'providerId' | 'providerName' | 'url' | 'steps'> {
  const provider = secret.rule?.provider;
  if (provider !== undefined) return { providerId: provider.id, providerName: provider.name, url: provider.remediation.rotateUrl, steps: provider.remediation.steps };
  return { providerId: '', providerName: 'Other credentials', steps: ['Revoke each credential where it was issued and issue a new one; check the access logs of that service for use since it leaked.'] };
}

/**
 * Step 1: a checklist per provider, each secret once (most urgent place first), with where and how
 * to rotate it. Providers are ordered by their most urgent secret, then by name.
 */
export function rotateSection(secrets: readonly PlanSecret[]): RepositoryPlan['rotate'] {
  const groups = new Map<string, RotateGroup>();
  for (const secret of secrets) {
    const provider = providerOf(secret);
    const group = groups.get(provider.providerId) ?? { ...provider, secrets: [] };
    group.secrets.push(itemOf(secret));
    groups.set(provider.providerId, group);
  }
  const rank = (group: RotateGroup): number => Math.min(...group.secrets.map((item) => PLACE_RANK[item.place]));
  for (const group of groups.values()) group.secrets.sort((a, b) => PLACE_RANK[a.place] - PLACE_RANK[b.place] || compareStrings(a.seenAt[0] ?? '', b.seenAt[0] ?? ''));
  const isAnyCommitted = secrets.some((secret) => secret.location.place !== 'working-tree');
  return {
    title: 'Rotate every leaked credential first',
    why: isAnyCommitted
      ? 'Rewriting history does not un-leak a secret that was committed or pushed: clones, forks, CI logs and caches keep it. Only a new credential makes the old value useless, so do this before anything else.'
      : 'None of them was committed, so rotating is needed only for values that were shared some other way (a chat, a log, another repository).',
    groups: [...groups.values()].sort((a, b) => rank(a) - rank(b) || compareStrings(a.providerName, b.providerName)),
  };
}
