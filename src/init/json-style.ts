/** How a JSON file is laid out, so a rewrite changes only what it must. */
export interface JsonStyle {
  /** A tab, or a number of spaces. Default: 2. */
  indent: string | number;
  lineEnding: '\n' | '\r\n';
  hasFinalNewline: boolean;
  /** A leading byte-order mark, kept as it was. */
  hasBom: boolean;
}

/** Reads the indentation (from the first indented line), line ending and final newline of `text`. */
export function detectJsonStyle(text: string): JsonStyle {
  const hasBom = text.startsWith('\uFEFF');
  const body = hasBom ? text.slice(1) : text;
  const indentation = /^[{[][ \t]*\r?\n([ \t]+)\S/.exec(body)?.[1];
  let indent: string | number = 2;
  if (indentation !== undefined) indent = indentation.includes('\t') ? '\t' : indentation.length;
  return { indent, lineEnding: body.includes('\r\n') ? '\r\n' : '\n', hasFinalNewline: /\n$/.test(body), hasBom };
}

/** Serialises `value` in `style`. */
export function formatJson(value: unknown, style: JsonStyle): string {
  let text = JSON.stringify(value, null, style.indent);
  if (style.lineEnding === '\r\n') text = text.replace(/\n/g, '\r\n');
  return `${style.hasBom ? '\uFEFF' : ''}${text}${style.hasFinalNewline ? style.lineEnding : ''}`;
}
