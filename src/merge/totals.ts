import { compareStrings, SEVERITIES, type Severity } from '../findings/index.js';
import type { MergedFinding, MergedRepository, MergeTotals } from './types.js';

function zeroSeverities(): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
}

/** The provider part of a rule id: `stripe` of `stripe.secret-key`. */
export function providerOf(ruleId: string): string {
  return ruleId.split('.')[0] ?? ruleId;
}

/** Counts merged findings as they stream past; memory grows with repositories and providers only. */
export class TotalsCounter {
  readonly #totals: MergeTotals = { secrets: 0, occurrences: 0, bySeverity: zeroSeverities(), byProvider: [], byRepository: [] };
  readonly #providers = new Map<string, { secrets: number; repositories: Set<string> }>();
  readonly #repositories = new Map<string, MergeTotals['byRepository'][number]>();

  constructor(repositories: readonly MergedRepository[]) {
    for (const repository of repositories) {
      const key = keyOf(repository.name, repository.commit);
      this.#repositories.set(key, { repository: repository.name, ...(repository.commit === undefined ? {} : { commit: repository.commit }), secrets: 0, occurrences: 0, bySeverity: zeroSeverities() });
    }
  }

  /** Counts one finding. */
  add(finding: MergedFinding): void {
    this.#totals.secrets++;
    this.#totals.occurrences += finding.occurrences;
    this.#totals.bySeverity[finding.severity]++;
    const provider = this.#providers.get(providerOf(finding.ruleId)) ?? { secrets: 0, repositories: new Set<string>() };
    provider.secrets++;
    this.#providers.set(providerOf(finding.ruleId), provider);
    for (const entry of finding.repositories) {
      const key = keyOf(entry.repository, entry.scannedCommit);
      provider.repositories.add(key);
      const repository = this.#repositories.get(key);
      if (repository === undefined) continue;
      repository.secrets++;
      repository.occurrences += entry.occurrences;
      repository.bySeverity[finding.severity]++;
    }
  }

  /** The totals so far, sorted. */
  totals(): MergeTotals {
    const byProvider = [...this.#providers.entries()]
      .map(([provider, counts]) => ({ provider, secrets: counts.secrets, repositories: counts.repositories.size }))
      .sort((a, b) => b.secrets - a.secrets || compareStrings(a.provider, b.provider));
    const byRepository = [...this.#repositories.values()].sort((a, b) => compareStrings(a.repository, b.repository) || compareStrings(a.commit ?? '', b.commit ?? ''));
    return { ...this.#totals, bySeverity: { ...this.#totals.bySeverity }, byProvider, byRepository };
  }
}

/** How repositories are told apart: name and scanned commit. */
export function keyOf(name: string, commit: string | undefined): string {
  return `${name}\0${commit ?? ''}`;
}
