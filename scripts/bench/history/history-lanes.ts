import { createCodeFile, type CodeFile } from '../code-file.js';
import type { Random } from '../prng.js';
import type { BranchShape } from './history-shape.js';

// The branches of a history being generated, each with its own working set of files, and the
// choice of which files a commit touches.

/** One branch being generated: its files as of its tip. */
export interface Lane {
  ref: string;
  files: Map<string, CodeFile>;
  /** Paths of the ordinary (not large) files, oldest first: edits favour the old ones. */
  paths: string[];
  /** Mark of the tip commit; absent before the branch's first commit. */
  tip?: number;
  /** Side branches only. */
  shape?: BranchShape;
  /** Side branches only: slots of the fork and the end (the merge, when merged). */
  startSlot?: number;
  endSlot?: number;
}

const EXTENSIONS = ['ts', 'ts', 'ts', 'js', 'py', 'go', 'json', 'yaml', 'md'];
const DIRS = ['src', 'lib', 'test', 'internal', 'config', 'docs'];

/** A new, empty lane. */
export function createLane(ref: string): Lane {
  return { ref, files: new Map(), paths: [] };
}

/** The path of the `n`-th ordinary file; side-branch files live under the branch's directory. */
export function pathOfFile(r: Random, n: number, lane: Lane): string {
  const dir = lane.shape === undefined ? `pkg-${n % 24}/${r.pick(DIRS)}` : `${lane.shape.dir}/${r.pick(DIRS)}`;
  return `${dir}/module-${n}.${r.pick(EXTENSIONS)}`;
}

/** Creates the `n`-th ordinary file of 0.4 to 1.6 times `meanBytes` in `lane`; returns its path. */
export function addFile(r: Random, lane: Lane, n: number, meanBytes: number): string {
  const file = createCodeFile(r, pathOfFile(r, n, lane), r.int(Math.round(0.4 * meanBytes), Math.round(1.6 * meanBytes)));
  lane.files.set(file.path, file);
  lane.paths.push(file.path);
  return file.path;
}

/** An ordinary file of the lane, older ones far more often (a few files are edited all the time). */
export function pickFile(r: Random, lane: Lane): CodeFile {
  const path = lane.paths[Math.floor(lane.paths.length * r.next() ** 2)];
  const file = path === undefined ? undefined : lane.files.get(path);
  if (file === undefined) throw new Error(`${lane.ref} has no files to edit`);
  return file;
}

/** Removes an ordinary file that is neither pinned nor in `keep`; returns its path, if one was found. */
export function deleteFile(r: Random, lane: Lane, keep: ReadonlySet<string>): string | undefined {
  const candidates = lane.paths.filter((p) => !keep.has(p) && lane.files.get(p)?.pinned === undefined);
  if (candidates.length === 0) return undefined;
  const path = r.pick(candidates);
  lane.files.delete(path);
  lane.paths.splice(lane.paths.indexOf(path), 1);
  return path;
}

/** Moves every file of `from` into `to` (a merge of a branch that only added its own files). */
export function mergeLane(to: Lane, from: Lane): CodeFile[] {
  const files = [...from.files.values()];
  for (const file of files) {
    to.files.set(file.path, file);
    to.paths.push(file.path);
  }
  return files;
}

/** The active side branch holding `slot`, if any (for placing plants). */
export function laneAt(lanes: readonly Lane[], slot: number): Lane | undefined {
  return lanes.find((l) => l.startSlot !== undefined && l.endSlot !== undefined && l.startSlot <= slot && slot < l.endSlot);
}
