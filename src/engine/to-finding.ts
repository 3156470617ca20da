import { fingerprintOf, redact, secretIdOf, type Finding } from '../findings/index.js';
import type { LineIndex } from './line-index.js';
import type { Match } from './match.js';
import type { Chunk } from './types.js';

const CONTEXT_WIDTH = 240;

/**
 * Replaces every occurrence of each detected secret's value with its preview, longest first. The
 * matched spans alone are not enough: a second copy of a secret glued to other characters is not
 * a match of the rule (its boundaries fail), yet it is the same secret.
 */
function redactValues(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(redact(secret));
  return out;
}

/** The line holding `match`, with every detected secret on it replaced by its preview, trimmed around the secret. */
function contextOf(match: Match, all: readonly Match[], lines: LineIndex): string {
  const line = lines.lineOf(match.start);
  const lineStart = lines.startOf(line);
  let text = lines.textOf(line);
  const lineEnd = lineStart + text.length;
  const onLine = all
    .filter((m) => m.start < lineEnd && m.end > lineStart)
    .sort((a, b) => b.start - a.start);
  let focus = match.start - lineStart;
  for (const m of onLine) {
    const from = Math.max(m.start, lineStart) - lineStart;
    const to = Math.min(m.end, lineEnd) - lineStart;
    const preview = redact(m.secret);
    text = text.slice(0, from) + preview + text.slice(to);
    if (from < focus) focus += preview.length - (to - from);
  }
  const secrets = [...new Set(all.map((m) => m.secret))].filter((secret) => !secret.includes('\n')).sort((a, b) => b.length - a.length);
  focus = redactValues(text.slice(0, focus), secrets).length;
  text = redactValues(text, secrets);
  if (text.length <= CONTEXT_WIDTH) return text.trim();
  const from = Math.max(0, Math.min(focus - 80, text.length - CONTEXT_WIDTH));
  return `${from > 0 ? '…' : ''}${text.slice(from, from + CONTEXT_WIDTH).trim()}${from + CONTEXT_WIDTH < text.length ? '…' : ''}`;
}

/**
 * Turns a match into the redacted, reportable Finding. `all` holds every match in the chunk so the
 * context line never shows another secret in clear.
 */
export function toFinding(match: Match, chunk: Chunk, all: readonly Match[], lines: LineIndex, shouldReveal: boolean): Finding {
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
    context: contextOf(match, all, lines),
    entropy: Math.round(match.entropy * 1000) / 1000,
  };
  if (match.encoding !== undefined) finding.decodedFrom = match.encoding;
  if (chunk.commit !== undefined) finding.commit = chunk.commit;
  if (chunk.blob !== undefined) finding.blob = chunk.blob;
  if (shouldReveal) finding.secret = match.secret;
  return finding;
}
