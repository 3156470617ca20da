import { createCodeFile, editCodeFile, textOf } from '../code-file.js';
import type { CommitCommand, FastImportCommand, FileChange } from '../fast-import-stream.js';
import { createRandom, type Random } from '../prng.js';
import { addFile, createLane, deleteFile, laneAt, mergeLane, pickFile, type Lane } from './history-lanes.js';
import { applyDuePlants, hasDuePlant, removeDuePlants, schedulePlants, type HistoryPlant, type PlantQueue } from './history-plants.js';
import { BRANCHES, REFS, signatureAt, slotOf } from './history-shape.js';

/** What to generate. The same options always give the same stream, and so the same commit SHAs. */
export interface HistoryOptions {
  seed: number;
  /** Commits in total, merges included; at least 2. */
  commitCount: number;
  /** Target total size of all blob versions, in bytes. */
  totalBytes: number;
  plantedCount: number;
}

const INITIAL_FILES = 250;
const LARGE_FILES = 8;
/** Share of the total that the large files take in the first commit. */
const LARGE_SHARE = 0.08;
/** Share of the total that edits of ordinary files should produce; large-file edits fill the rest. */
const ORDINARY_SHARE = 0.55;
const VERBS = ['Update', 'Fix', 'Refactor', 'Tidy', 'Extend', 'Rework', 'Document', 'Speed up'];

interface State {
  r: Random;
  options: HistoryOptions;
  main: Lane;
  branches: Lane[];
  large: string[];
  mark: number;
  nextFile: number;
  /** Bytes of file content written so far. */
  emitted: number;
  ordinaryBytes: number;
  largeBytes: number;
  plants: PlantQueue;
}

function createState(options: HistoryOptions): State {
  const r = createRandom(options.seed);
  const main = createLane('refs/heads/main');
  const branches = BRANCHES.map((shape) => ({
    ...createLane(shape.ref),
    shape,
    startSlot: slotOf(shape.start, options.commitCount),
    endSlot: slotOf(shape.end, options.commitCount),
  }));
  const editsPerCommit = 2.5;
  const ordinaryBytes = Math.max(400, Math.min(16_000, (ORDINARY_SHARE * options.totalBytes) / (options.commitCount * editsPerCommit)));
  const plants = schedulePlants(r, options.plantedCount, options.commitCount, (slot) => laneAt(branches, slot) ?? main);
  return {
    r,
    options,
    main,
    branches,
    large: [],
    mark: 0,
    nextFile: 0,
    emitted: 0,
    ordinaryBytes,
    largeBytes: (LARGE_SHARE * options.totalBytes) / LARGE_FILES,
    plants,
  };
}

function commitOf(state: State, lane: Lane, slot: number, changes: FileChange[], extra: Partial<CommitCommand> = {}): CommitCommand {
  for (const change of changes) if (change.kind === 'modify' && extra.merge === undefined) state.emitted += change.content.length;
  const first = changes[0]?.path ?? '';
  const who = signatureAt(state.r, slot);
  const message = `${state.r.pick(VERBS)} ${first.slice(first.lastIndexOf('/') + 1)}\n`;
  const command: CommitCommand = { type: 'commit', ref: lane.ref, mark: state.mark, author: who, committer: who, message, changes, ...extra };
  lane.tip = state.mark;
  return command;
}

function initialCommit(state: State): CommitCommand {
  const { r, main } = state;
  state.mark++;
  for (let i = 0; i < INITIAL_FILES; i++) addFile(r, main, state.nextFile++, state.ordinaryBytes);
  for (let i = 0; i < LARGE_FILES; i++) {
    const path = i % 2 === 0 ? `vendor/bundle-${i}.min.js` : `data/fixtures-${i}.json`;
    main.files.set(path, createCodeFile(r, path, r.int(Math.round(0.3 * state.largeBytes), Math.round(1.7 * state.largeBytes)), true));
    state.large.push(path);
  }
  const changes = [...main.files.values()].map((f): FileChange => ({ kind: 'modify', path: f.path, content: textOf(f) }));
  return commitOf(state, main, 0, changes, { message: 'Initial import\n' });
}

function contentOf(lane: Lane, path: string): string {
  const file = lane.files.get(path);
  if (file === undefined) throw new Error(`${lane.ref} has no file ${path}`);
  return textOf(file);
}

function isBehindBudget(state: State, slot: number): boolean {
  const due = (state.options.totalBytes * (slot + 1)) / state.options.commitCount;
  return state.emitted < due - state.largeBytes / 2;
}

/** A commit of a few edits; sometimes a new or deleted file, a large-file edit, a plant or a removal. */
function regularCommit(state: State, lane: Lane, slot: number): CommitCommand {
  const { r } = state;
  state.mark++;
  const touched = new Set<string>();
  if (lane.tip === undefined) for (let i = r.int(3, 6); i > 0; i--) touched.add(addFile(r, lane, state.nextFile++, state.ordinaryBytes));
  removeDuePlants(state.plants, lane, slot, state.mark).forEach((path) => touched.add(path));
  for (let i = r.int(1, 4); i > 0; i--) {
    const file = pickFile(r, lane);
    editCodeFile(r, file);
    touched.add(file.path);
  }
  if (r.chance(0.03)) touched.add(addFile(r, lane, state.nextFile++, state.ordinaryBytes));
  const deleted = lane === state.main && r.chance(0.01) && lane.paths.length > 50 ? deleteFile(r, lane, touched) : undefined;
  if (lane === state.main && isBehindBudget(state, slot)) {
    const path = r.pick(state.large);
    const file = lane.files.get(path);
    if (file !== undefined) editCodeFile(r, file);
    touched.add(path);
  }
  applyDuePlants(r, state.plants, lane, slot, state.mark).forEach((path) => touched.add(path));
  const changes = [...touched].map((path): FileChange => ({ kind: 'modify', path, content: contentOf(lane, path) }));
  if (deleted !== undefined) changes.push({ kind: 'delete', path: deleted });
  return commitOf(state, lane, slot, changes, { from: lane.tip ?? state.main.tip });
}

function mergeCommit(state: State, branch: Lane, slot: number): CommitCommand {
  state.mark++;
  const changes = mergeLane(state.main, branch).map((f): FileChange => ({ kind: 'modify', path: f.path, content: textOf(f) }));
  const name = branch.ref.replace('refs/heads/', '');
  return commitOf(state, state.main, slot, changes, { from: state.main.tip, merge: [branch.tip ?? 0], message: `Merge branch '${name}'\n` });
}

function refsAt(state: State, slot: number): FastImportCommand[] {
  const from = state.main.tip ?? 1;
  return REFS.filter((ref) => slotOf(ref.at, state.options.commitCount) === slot).map((ref): FastImportCommand => {
    if (ref.kind === 'ref') return { type: 'reset', ref: ref.name, from };
    const tagger = signatureAt(state.r, slot);
    return { type: 'tag', name: ref.name, from, tagger: { ...tagger, time: tagger.time + 60 }, message: `Release ${ref.name}\n` };
  });
}

function laneFor(state: State, slot: number): Lane {
  const active = state.branches.filter((b) => (b.startSlot ?? 0) <= slot && slot < (b.endSlot ?? 0));
  const waiting = active.find((b) => hasDuePlant(state.plants, b, slot));
  if (waiting !== undefined) return waiting;
  return active.length > 0 && state.r.chance(0.4) ? state.r.pick(active) : state.main;
}

/**
 * The commands of a whole history, commit by commit (file contents are built as they are needed).
 * Returns where the fake secrets were planted, once the generator is done.
 */
export function* planHistory(options: HistoryOptions): Generator<FastImportCommand, HistoryPlant[]> {
  if (options.commitCount < 2) throw new RangeError('a history needs at least 2 commits');
  const state = createState(options);
  yield initialCommit(state);
  for (let slot = 1; slot < options.commitCount; slot++) {
    const merging = state.branches.find((b) => b.shape?.isMerged === true && b.endSlot === slot && b.tip !== undefined);
    yield merging === undefined ? regularCommit(state, laneFor(state, slot), slot) : mergeCommit(state, merging, slot);
    yield* refsAt(state, slot);
  }
  return state.plants.planted;
}
