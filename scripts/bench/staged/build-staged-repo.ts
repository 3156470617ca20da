import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeStreamFile, type FastImportCommand } from '../fast-import-stream.js';
import { importStream, runGit } from '../git-fixture.js';
import { createRandom } from '../prng.js';
import { planStagedChange, planStagedCommits } from './plan-staged.js';

/** What was built: sizes of the repository and of the staged change (from `git diff --cached --numstat`). */
export interface StagedRepo {
  files: number;
  commits: number;
  stagedFiles: number;
  addedLines: number;
  removedLines: number;
}

function* commandsOf(commits: readonly FastImportCommand[]): Generator<FastImportCommand, void> {
  yield* commits;
}

/** Builds the repository in `dir` (new or empty) through `scratch`, then writes and stages the change. */
export function buildStagedRepo(dir: string, scratch: string, seed: number): StagedRepo {
  const r = createRandom(seed);
  const { commits, files } = planStagedCommits(r);
  const streamPath = join(scratch, 'staged.fast-import');
  writeStreamFile(streamPath, commandsOf(commits));
  importStream(dir, streamPath);
  const change = planStagedChange(r, files);
  for (const file of change) writeFileSync(join(dir, file.path), file.content);
  runGit(dir, ['add', '--', ...change.map((f) => f.path)]);
  const numstat = runGit(dir, ['diff', '--cached', '--numstat'])
    .split('\n')
    .filter((line) => line !== '');
  const sum = (column: number): number => numstat.reduce((total, line) => total + Number(line.split('\t')[column] ?? 0), 0);
  return { files: files.length + 1, commits: commits.length, stagedFiles: numstat.length, addedLines: sum(0), removedLines: sum(1) };
}
