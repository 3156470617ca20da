import { printable } from '../../terminal-text/index.js';

/**
 * Untrusted text for a Markdown table cell or list item: Markdown punctuation is backslash-escaped
 * (including `|`, which would split the cell, and backticks), and HTML is neutralised.
 */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/[\\`*_[\]#|~!]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Untrusted text as an inline code span that is safe in a table cell. The fence is one backtick
 * longer than the longest backtick run inside (CommonMark's rule, so backticks need no escape), and
 * `|` becomes `\|`, which GitHub's table parser unescapes even inside code.
 */
export function markdownCode(text: string): string {
  const safe = printable(text).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') || safe.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}
