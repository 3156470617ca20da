/** Base id of every location; `run.originalUriBaseIds` maps it to the scanned root. */
export const SRCROOT = '%SRCROOT%';

/**
 * A repository-relative path as a relative URI reference: each segment percent-encoded (spaces,
 * `%`, `#`, `?`, non-ASCII as UTF-8), `/` kept. Encoding `:` also keeps a first segment such as
 * `c:notes` from being read as a URI scheme.
 */
export function relativeUriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The `file:` URI of an absolute directory, with a trailing slash (SARIF requires one on a base URI).
 * Handles POSIX and Windows roots without touching the file system or the working directory.
 */
export function directoryUriOf(root: string): string {
  const slashed = root.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:/.exec(slashed)?.[0];
  const rest = drive === undefined ? slashed : slashed.slice(drive.length);
  const encoded = rest.split('/').map(encodeURIComponent).join('/');
  const path = drive === undefined ? encoded : `/${drive}${encoded}`;
  return `file://${path.endsWith('/') ? path : `${path}/`}`;
}
