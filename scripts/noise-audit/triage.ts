import { readFileSync, writeFileSync } from 'node:fs';

/** What a finding is, decided by reading it in context. */
export type Verdict = 'credential' | 'example-or-test' | 'not-credential' | 'untriaged';

const VERDICTS: readonly Verdict[] = ['credential', 'example-or-test', 'not-credential', 'untriaged'];

/** One triaged secret in one file. Never holds a raw secret: the preview is the report's redacted one. */
export interface TriageEntry {
  verdict: Verdict;
  /** The rule that reported it when it was triaged. */
  rule: string;
  line: number;
  preview: string;
  note?: string;
}

/** The subset of a JSON report finding the audit reads. */
export interface AuditFinding {
  ruleId: string;
  severity: string;
  path: string;
  startLine: number;
  secretId: string;
  preview: string;
  context: string;
}

/**
 * A finding's triage key: its path and its secret's id (a hash of the value), so a verdict survives
 * rule changes (a value moving from a generic rule to a provider's) and lines moving.
 */
export function triageKeyOf(finding: Pick<AuditFinding, 'path' | 'secretId'>): string {
  return `${finding.path}#${finding.secretId}`;
}

/** Reads the triage file (a missing file is an empty triage); throws on a malformed one. */
export function readTriage(file: string): Map<string, TriageEntry> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  const parsed = JSON.parse(text) as { entries?: Record<string, TriageEntry> };
  const entries = new Map(Object.entries(parsed.entries ?? {}));
  for (const [key, entry] of entries) {
    if (!VERDICTS.includes(entry.verdict)) throw new Error(`${file}: ${key}: verdict must be one of ${VERDICTS.join(', ')}`);
  }
  return entries;
}

/** Writes the triage file sorted by key, so its diffs stay small. */
export function writeTriage(file: string, entries: Map<string, TriageEntry>): void {
  const sorted = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(file, `${JSON.stringify({ verdicts: 'credential | example-or-test | not-credential | untriaged', entries: sorted }, null, 1)}\n`);
}

/** Adds an `untriaged` entry for each finding the triage does not know; returns how many were added. */
export function recordNew(entries: Map<string, TriageEntry>, findings: readonly AuditFinding[]): number {
  let added = 0;
  for (const f of findings) {
    const key = triageKeyOf(f);
    if (entries.has(key)) continue;
    entries.set(key, { verdict: 'untriaged', rule: f.ruleId, line: f.startLine, preview: f.preview });
    added++;
  }
  return added;
}
