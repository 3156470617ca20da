/** Quotes a path for a POSIX shell command the user is told to run; plain paths stay as they are. */
export function shellQuote(path: string): string {
  if (/^[\w@%+=:,./-]+$/.test(path)) return path;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
