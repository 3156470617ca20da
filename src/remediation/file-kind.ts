import type { Catalogue } from '../sensitive-files/index.js';

/** What a file that held a secret is, for how to purge it and where the value belongs instead. */
export type SecretFileKind = 'env' | 'key' | 'credentials' | 'source';

/** A path as the catalogue of secret-bearing files (rules/sensitive-files.yaml) sees it. */
export interface SecretFile {
  kind: SecretFileKind;
  /** The catalogue entry's `.gitignore` lines; none for `source`. */
  gitignore: string[];
}

/**
 * Classifies a path by the catalogue: a file an entry matches (`.env`, keys, credential files) is
 * secret as a whole (purged with `--invert-paths`), of the entry's `placement` kind; anything else
 * is `source`, where only the value is replaced.
 */
export function secretFileOf(path: string, catalogue: Catalogue): SecretFile {
  const entry = catalogue.kinds.find((kind) => kind.matchesPath(path));
  return entry === undefined ? { kind: 'source', gitignore: [] } : { kind: entry.spec.placement ?? 'credentials', gitignore: entry.spec.gitignore };
}

/** The files a location's paths are, by path. */
interface WithFiles {
  files: Readonly<Record<string, SecretFile>>;
}

/** The kind of one of the location's paths (`source` for a path it does not list). */
export function secretFileKind(location: WithFiles, path: string): SecretFileKind {
  return location.files[path]?.kind ?? 'source';
}

/** Whether the whole file is the secret, so it should leave history entirely (`git filter-repo --invert-paths`). */
export function isWholeSecretFile(location: WithFiles, path: string): boolean {
  return secretFileKind(location, path) !== 'source';
}

/** The `.gitignore` lines that keep files of this kind out of git. */
export function gitignoreLinesFor(location: WithFiles, path: string): string[] {
  return location.files[path]?.gitignore ?? [];
}
