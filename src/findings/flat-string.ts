/** Strings shorter than this are always copied by V8 when sliced or joined, so they hold nothing else alive. */
const SHORT = 13;

/**
 * A copy of `text` as one flat string that holds nothing else alive. A string built by `+` or a
 * template is a tree of its parts, and a slice of a longer string keeps that whole string: a
 * finding kept until the report (a scan may keep a hundred thousand) must hold neither its file's
 * text nor a tree of pieces. One-byte text stays one byte per character.
 */
export function flatString(text: string): string {
  if (text.length < SHORT) return text;
  return /[^\x00-\xff]/.test(text) ? Buffer.from(text, 'utf16le').toString('utf16le') : Buffer.from(text, 'latin1').toString('latin1');
}
