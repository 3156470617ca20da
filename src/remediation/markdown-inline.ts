// Escapes only what would change the rendering inside a list item: backslashes, emphasis and link
// brackets, strikethrough, raw HTML and entity-like ampersands. Underscores inside words are left
// alone (GFM never reads them as emphasis), so `AWS_ACCESS_KEY_ID` stays readable in the source.
function escapeProse(text: string): string {
  return text
    .replace(/[\\*[\]~]/g, (char) => `\\${char}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&(?=[A-Za-z#])/g, '&amp;')
    .replace(/</g, '&lt;');
}

function codeSpan(code: string): string {
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return longestRun > 0 ? `${fence} ${code} ${fence}` : `${fence}${code}${fence}`;
}

/**
 * Remediation text as inline Markdown. Backtick-delimited parts become code spans; everything
 * else is escaped, so text from a rule pack cannot inject links or HTML.
 */
export function inlineMarkdown(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? codeSpan(part.slice(1, -1)) : escapeProse(part)))
    .join('');
}
