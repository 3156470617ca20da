// C0 controls except tab, DEL, C1 controls, and the bidirectional overrides and isolates used in
// "Trojan Source" attacks (CVE-2021-42574). Scanned files are untrusted input.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a scanned repository (paths, context lines, author names, messages) made safe to show
 * to a person: terminal escape sequences and bidi controls become visible `\xNN` / `\uNNNN` escapes.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Multi-line text made safe line by line: its own line breaks stay, every other control is escaped. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
