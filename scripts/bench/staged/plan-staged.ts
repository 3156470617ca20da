import { createCodeFile, editCodeFile, spliceLines, textOf, type CodeFile } from '../code-file.js';
import type { CommitCommand, FileChange } from '../fast-import-stream.js';
import { fillerLine } from '../filler-lines.js';
import type { Random } from '../prng.js';

// The repository of the `staged` bench (a few hundred files, a few commits) and the change staged
// on top of it: what a developer commits on an ordinary day, with no secrets in it.

const FILE_COUNT = 300;
const COMMIT_COUNT = 4;
const EXTENSIONS = ['ts', 'ts', 'ts', 'js', 'json', 'md', 'yaml'];
/** 2024-01-01T00:00:00Z in seconds. */
const START_TIME = 1_704_067_200;

/** A file of the staged change: its path, new content, and the lines it adds. */
export interface StagedFile {
  path: string;
  content: string;
  isNew: boolean;
  addedLines: number;
}

/** The repository's commits (for fast-import) and its files as of the last one. */
export function planStagedCommits(r: Random): { commits: CommitCommand[]; files: CodeFile[] } {
  const files = Array.from({ length: FILE_COUNT }, (_, i) => createCodeFile(r, `src/${['app', 'core', 'api', 'util'][i % 4] ?? 'app'}/module-${i}.${r.pick(EXTENSIONS)}`, r.int(800, 9000)));
  const commits: CommitCommand[] = [];
  for (let n = 0; n < COMMIT_COUNT; n++) {
    const touched = n === 0 ? files : Array.from({ length: r.int(5, 15) }, () => r.pick(files));
    if (n > 0) touched.forEach((file) => editCodeFile(r, file));
    const changes = [...new Set(touched)].map((f): FileChange => ({ kind: 'modify', path: f.path, content: textOf(f) }));
    const who = { name: 'Staged Bench', email: 'staged@example.invalid', time: START_TIME + n * 3600 };
    commits.push({
      type: 'commit',
      ref: 'refs/heads/main',
      mark: n + 1,
      author: who,
      committer: who,
      message: `Change ${n + 1}\n`,
      changes,
      ...(n === 0 ? {} : { from: n }),
    });
  }
  return { commits, files };
}

function newLines(r: Random, count: number): string[] {
  return Array.from({ length: count }, () => fillerLine(r, 'code', 0));
}

/**
 * The staged change: four TypeScript files modified (three hunks each: one line replaced by 14,
 * 13 inserted, two replaced by 13) and one new file of 40 lines, 200 added lines in all.
 */
export function planStagedChange(r: Random, files: readonly CodeFile[]): StagedFile[] {
  const candidates = files.filter((f) => f.path.endsWith('.ts') && f.lines.length >= 20);
  const picked = new Set<CodeFile>();
  while (picked.size < 4 && picked.size < candidates.length) picked.add(r.pick(candidates));
  const changed = [...picked].map((original): StagedFile => {
    const file: CodeFile = { ...original, lines: [...original.lines] };
    const third = Math.floor(file.lines.length / 3);
    spliceLines(file, r.int(2 * third, file.lines.length - 2), 2, newLines(r, 13));
    spliceLines(file, r.int(third, 2 * third - 1), 0, newLines(r, 13));
    spliceLines(file, r.int(0, third - 1), 1, newLines(r, 14));
    return { path: file.path, content: textOf(file), isNew: false, addedLines: 40 };
  });
  const created = { path: 'src/app/feature-flags.ts', flavour: 'code' as const, lines: newLines(r, 40) };
  return [...changed, { path: created.path, content: textOf(created), isNew: true, addedLines: 40 }];
}
