import { fingerprintOf, redact, secretIdOf, type Finding } from '../findings/index.js';
import type { LineIndex } from './line-index.js';
import type { Match } from './match.js';
import { SecretFinder } from './secret-finder.js';
import type { Chunk } from './types.js';

const CONTEXT_WIDTH = 240;

/**
 * What every finding of one chunk shares for building its context line: the matches bucketed by
 * line, and every distinct secret, for finding their copies (see SecretFinder). Built once per chunk, so a file with many
 * findings costs each finding only its own line.
 */
export interface ContextIndex {
  lines: LineIndex;
  byLine: Map<number, Match[]>;
  secrets: SecretFinder;
}

/** Indexes a chunk's matches for `toFinding`. */
export function contextIndex(all: readonly Match[], lines: LineIndex): ContextIndex {
  const byLine = new Map<number, Match[]>();
  for (const m of all) {
    const first = lines.lineOf(m.start);
    const last = lines.lineOf(Math.max(m.start, m.end - 1));
    for (let line = first; line <= last; line++) {
      const list = byLine.get(line);
      if (list === undefined) byLine.set(line, [m]);
      else list.push(m);
    }
  }
  return { lines, byLine, secrets: new SecretFinder(all.map((m) => m.secret)) };
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
  const onLine = (index.byLine.get(line) ?? []).filter((m) => m.start < end && m.end > base).sort((a, b) => b.start - a.start);
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
  const finding: Finding = {
    ruleId: match.rule.spec.id,
    ruleName: match.rule.spec.name,
    severity: match.severity,
    path: chunk.path,
    startLine: chunk.startLine + startLine,
    startColumn: match.start - lines.startOf(startLine) + 1,
    endLine: chunk.startLine + lastLine,
    endColumn: Math.max(match.start, match.end - 1) - lines.startOf(lastLine) + 2,
    fingerprint: fingerprintOf(match.rule.spec.id, chunk.path, match.secret),
    secretId: secretIdOf(match.rule.spec.id, match.secret),
    preview: redact(match.secret),
    context: contextOf(match, index),
    entropy: Math.round(match.entropy * 1000) / 1000,
  };
  if (match.encoding !== undefined) finding.decodedFrom = match.encoding;
  if (chunk.commit !== undefined) finding.commit = chunk.commit;
  if (chunk.blob !== undefined) finding.blob = chunk.blob;
  if (shouldReveal) finding.secret = match.secret;
  return finding;
}
