/** The longest repository name a report carries; a longer `origin` URL or `--repository` is refused or cut. */
export const MAX_REPOSITORY_NAME_LENGTH = 512;

// scp-like git addresses: `git@github.com:acme/api.git`, `github.com:acme/api` (no scheme, a colon
// before the first slash, and not a Windows drive letter).
const SCP_LIKE = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/;

function trimPath(path: string): string {
  return path
    .replace(/[?#].*$/s, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/^\/+/, '');
}

function joined(host: string, path: string): string | undefined {
  const name = `${host.toLowerCase()}/${trimPath(path)}`.replace(/\/+$/, '');
  return name === `${host.toLowerCase()}` ? undefined : name;
}

function fromUrl(url: URL): string | undefined {
  if (url.protocol === 'file:') return trimPath(decodeURIComponent(url.pathname)) === '' ? undefined : `/${trimPath(decodeURIComponent(url.pathname))}`;
  // hostname leaves out the user, password and port; the path keeps owner/name.
  return url.hostname === '' ? undefined : joined(url.hostname, decodeURIComponent(url.pathname));
}

/**
 * A remote URL as a repository name, `host/owner/name`: the scheme, user name, password or token,
 * port, query and `.git` left out (`https://x:TOKEN@github.com/acme/api.git` → `github.com/acme/api`,
 * `git@github.com:acme/api.git` → the same). A local path stays a path. Undefined when nothing is left.
 */
export function repositoryNameOf(remoteUrl: string): string | undefined {
  const url = remoteUrl.trim();
  if (url === '' || /[\0-\x1f\x7f]/.test(url)) return undefined;
  let name: string | undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      name = fromUrl(new URL(url));
    } catch {
      return undefined;
    }
  } else {
    const scp = SCP_LIKE.exec(url);
    if (scp !== null && !/^[a-z]$/i.test(scp[1] ?? '')) name = joined(scp[1] ?? '', scp[2] ?? '');
    else if (url.startsWith('/')) name = `/${trimPath(url)}`;
  }
  if (name === undefined || name === '/' || name.length > MAX_REPOSITORY_NAME_LENGTH) return undefined;
  return name;
}
