import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeStreamFile } from '../fast-import-stream.js';
import { importStream, runGit } from '../git-fixture.js';
import type { ResolvedPlant } from './match-history.js';
import { planHistory, type HistoryOptions } from './plan-history.js';

/** A generated repository, where its fake secrets are, and what building it cost. */
export interface GeneratedHistory {
  plants: ResolvedPlant[];
  streamBytes: number;
  streamMs: number;
  importMs: number;
}

/** Kept next to a generated repository's objects, so a later run on it (`history DIR`) can match plants. */
const PLANTS_FILE = 'secretscan-bench-plants.json';

/**
 * Writes the fast-import stream of the history into `scratch`, imports it into `dir` (new or
 * empty), checks out main, and resolves the plants' commit marks to object names.
 */
export function generateHistory(dir: string, scratch: string, options: HistoryOptions): GeneratedHistory {
  const streamPath = join(scratch, 'history.fast-import');
  let started = performance.now();
  const { result: plants, bytes } = writeStreamFile(streamPath, planHistory(options));
  const streamMs = performance.now() - started;
  started = performance.now();
  const marks = importStream(dir, streamPath);
  const importMs = performance.now() - started;
  const shaOf = (mark: number): string => {
    const sha = marks.get(mark);
    if (sha === undefined) throw new Error(`git fast-import exported no commit for mark :${mark}`);
    return sha;
  };
  const resolved = plants.map(
    ({ mark, removedMark, ...plant }): ResolvedPlant => ({
      ...plant,
      commit: shaOf(mark),
      ...(removedMark === undefined ? {} : { removedIn: shaOf(removedMark) }),
    }),
  );
  writeFileSync(join(gitDirOf(dir), PLANTS_FILE), `${JSON.stringify(resolved, null, 2)}\n`);
  return { plants: resolved, streamBytes: bytes, streamMs, importMs };
}

/** The absolute git directory of the repository at `dir`; throws when it is not one. */
export function gitDirOf(dir: string): string {
  return runGit(dir, ['rev-parse', '--absolute-git-dir']).trim();
}

/** The plants of a repository this bench generated earlier with --keep; undefined for any other. */
export function readKeptPlants(dir: string): ResolvedPlant[] | undefined {
  const path = join(gitDirOf(dir), PLANTS_FILE);
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every(isResolvedPlant)) throw new Error(`${path} is not a list of plants`);
  return parsed;
}

function isResolvedPlant(value: unknown): value is ResolvedPlant {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const isText = (key: string): boolean => typeof v[key] === 'string';
  return isText('kind') && isText('path') && isText('commit') && isText('ref') && typeof v.line === 'number' && typeof v.lineCount === 'number';
}
