import { fingerprintFromSecretId, flatString, redact, secretIdOf, type Finding } from '../findings/index.js';
import type { LineIndex } from './line-index.js';
import type { Match } from './match.js';
import { SecretFinder } from './secret-finder.js';
import type { Chunk } from './types.js';

const CONTEXT_WIDTH = 240;

/**
 * What every finding of one chunk shares for building its context line: the matches in start
 * order (with the longest span, so those overlapping a stretch of text are found by binary
 * search), and every distinct secret, for finding their copies (see SecretFinder). Built once per
 * chunk, so a file with many findings costs each finding only its own stretch of text, even when
 * they all sit on one long line.
 */
export interface ContextIndex {
  lines: LineIndex;
  byStart: Match[];
  longestSpan: number;
  secrets: SecretFinder;
}

/** Indexes a chunk's matches for `toFinding`. */
export function contextIndex(all: readonly Match[], lines: LineIndex): ContextIndex {
  const byStart = [...all].sort((a, b) => a.start - b.start);
  const longestSpan = all.reduce((longest, m) => Math.max(longest, m.end - m.start), 0);
  return { lines, byStart, longestSpan, secrets: new SecretFinder(all.map((m) => m.secret)) };
}

/** The matches overlapping [from, to), by binary search over the matches in start order. */
function matchesWithin(index: ContextIndex, from: number, to: number): Match[] {
  const { byStart } = index;
  const earliest = from - index.longestSpan;
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((byStart[mid] as Match).start < earliest) low = mid + 1;
    else high = mid;
  }
  const found: Match[] = [];
  for (let i = low; i < byStart.length && (byStart[i] as Match).start < to; i++) if ((byStart[i] as Match).end > from) found.push(byStart[i] as Match);
  return found;
}

/** The line holding `match`, with every detected secret on it replaced by its preview, trimmed around the secret. */
function contextOf(match: Match, index: ContextIndex): string {
  const { lines } = index;
  const line = lines.lineOf(match.start);
  const lineStart = lines.startOf(line);
  const full = lines.textOf(line);
  // Only the part of a long line that can end up in the context is redacted and trimmed: the
  // focus, CONTEXT_WIDTH around it, and room for the longest secret on either side, so a secret
  // cut by the edge is still recognised and replaced whole.
  const margin = CONTEXT_WIDTH + index.secrets.longest;
  const from = Math.max(0, match.start - lineStart - margin);
  const to = Math.min(full.length, match.end - lineStart + margin);
  let text = full.slice(from, to);
  const base = lineStart + from;
  const end = base + text.length;
  const onLine = matchesWithin(index, base, end).sort((a, b) => b.start - a.start);
  let focus = match.start - base;
  for (const m of onLine) {
    const cutFrom = Math.max(m.start, base) - base;
    const cutTo = Math.min(m.end, end) - base;
    const preview = redact(m.secret);
    text = text.slice(0, cutFrom) + preview + text.slice(cutTo);
    if (cutFrom < focus) focus += preview.length - (cutTo - cutFrom);
  }
  // The matched spans alone are not enough: a second copy of a secret glued to other characters
  // is not a match of the rule (its boundaries fail), yet it is the same secret.
  ({ text, focus } = index.secrets.redactIn(text, focus));
  const isCutLeft = from > 0;
  const isCutRight = to < full.length;
  if (text.length <= CONTEXT_WIDTH && !isCutLeft && !isCutRight) return text.trim();
  const start = Math.max(0, Math.min(focus - 80, text.length - CONTEXT_WIDTH));
  const shown = text.slice(start, start + CONTEXT_WIDTH).trim();
  return `${start > 0 || isCutLeft ? '…' : ''}${shown}${start + CONTEXT_WIDTH < text.length || isCutRight ? '…' : ''}`;
}

/**
 * Turns a match into the redacted, reportable Finding. `index` holds every match in the chunk so
 * the context line never shows another secret in clear.
 */
export function toFinding(match: Match, chunk: Chunk, index: ContextIndex, shouldReveal: boolean): Finding {
  const { lines } = index;
  const startLine = lines.lineOf(match.start);
  const lastLine = lines.lineOf(Math.max(match.start, match.end - 1));
  const secretId = secretIdOf(match.rule.spec.id, match.secret);
  const finding: Finding = {
    ruleId: match.rule.spec.id,
    ruleName: match.rule.spec.name,
    severity: match.severity,
    path: chunk.path,
    startLine: chunk.startLine + startLine,
    startColumn: match.start - lines.startOf(startLine) + 1,
    endLine: chunk.startLine + lastLine,
    endColumn: Math.max(match.start, match.end - 1) - lines.startOf(lastLine) + 2,
    fingerprint: fingerprintFromSecretId(match.rule.spec.id, chunk.path, secretId),
    secretId,
    preview: redact(match.secret),
    context: flatString(contextOf(match, index)),
    entropy: Math.round(match.entropy * 1000) / 1000,
  };
  if (match.encoding !== undefined) finding.decodedFrom = match.encoding;
  if (chunk.commit !== undefined) finding.commit = chunk.commit;
  if (chunk.blob !== undefined) finding.blob = chunk.blob;
  if (shouldReveal) finding.secret = match.secret;
  return finding;
}
