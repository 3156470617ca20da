import { compilePathPatterns } from '../rules/index.js';
import type { SensitiveFileKind, SensitiveFileSpec } from './types.js';

/** Compiles one validated entry: `paths` minus `exceptions`, and the content regex if any. */
export function compileKind(spec: SensitiveFileSpec, line: number): SensitiveFileKind {
  const matchesPath = compilePathPatterns([...spec.paths, ...spec.exceptions.map((pattern) => `!${pattern}`)]);
  const kind: SensitiveFileKind = { spec, line, matchesPath };
  if (spec.contentPattern !== undefined) {
    const regex = new RegExp(spec.contentPattern);
    kind.matchesContent = (content) => regex.test(content);
  }
  return kind;
}

/** The first catalogue entry whose path patterns match `path`, ignoring content. */
export function kindOfPath(kinds: readonly SensitiveFileKind[], path: string): SensitiveFileKind | undefined {
  return kinds.find((kind) => kind.matchesPath(path));
}
