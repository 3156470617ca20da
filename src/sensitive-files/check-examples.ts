import { compilePathPatterns } from '../rules/index.js';
import type { Catalogue, SensitiveFileKind } from './types.js';

/** Every example problem of one entry: `file:line: id: what`. */
export function checkKindExamples(kind: SensitiveFileKind, file: string): string[] {
  const { spec } = kind;
  const problems: string[] = [];
  const problem = (what: string): void => void problems.push(`${file}:${kind.line}: ${spec.id}: ${what}`);
  const isIgnored = compilePathPatterns(spec.gitignore);
  for (const path of spec.examples) {
    if (!kind.matchesPath(path)) problem(`example \`${path}\` does not match paths/exceptions`);
    if (!isIgnored(path)) problem(`example \`${path}\` is not ignored by the entry's gitignore lines`);
  }
  for (const path of spec.negativeExamples) {
    if (kind.matchesPath(path)) problem(`negative example \`${path}\` matches`);
    if (isIgnored(path)) problem(`negative example \`${path}\` would be ignored by the entry's gitignore lines`);
  }
  spec.contentExamples.forEach((content, index) => {
    if (kind.matchesContent?.(content) === false) problem(`contentExamples[${index}] does not match contentPattern`);
  });
  spec.negativeContentExamples.forEach((content, index) => {
    if (kind.matchesContent?.(content) !== false) problem(`negativeContentExamples[${index}] matches contentPattern`);
  });
  return problems;
}

/** Every example problem in the catalogue. */
export function checkCatalogueExamples(catalogue: Catalogue): string[] {
  return catalogue.kinds.flatMap((kind) => checkKindExamples(kind, catalogue.file));
}
