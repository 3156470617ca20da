import { plantLines, removePinned, type CodeFile } from '../code-file.js';
import { makeFakeSecret } from '../fake-secrets.js';
import type { PlantedSecret } from '../plan-tree.js';
import type { Random } from '../prng.js';
import type { Lane } from './history-lanes.js';

// Fake secrets added to a history in one commit and removed in a later commit of the same branch
// (or of main, once that branch is merged). Those on the stale (never merged) branch stay at its tip.

/** Where a fake secret was planted in history. `line` is its 1-based line in the blob that added it. */
export interface HistoryPlant extends PlantedSecret {
  /** Mark of the commit that added it. */
  mark: number;
  /** The branch it was added on. */
  ref: string;
  /** Mark of the commit that removed it; absent while it is still at a branch tip. */
  removedMark?: number;
}

/** Plants still to add, plants still to remove, and those added so far. */
export interface PlantQueue {
  toPlant: Array<{ n: number; slot: number; lane: Lane }>;
  toRemove: Array<{ plant: HistoryPlant; file: CodeFile; slot: number }>;
  planted: HistoryPlant[];
  /** Each plant stays for 10 to this many commits. */
  maxLifetime: number;
}

/** Spreads `count` plants evenly over the history, each on the branch that is active at its slot. */
export function schedulePlants(r: Random, count: number, commitCount: number, laneOf: (slot: number) => Lane): PlantQueue {
  const toPlant = Array.from({ length: count }, (_, n) => {
    const slot = Math.max(1, Math.floor(((n + 0.5) * commitCount) / count) + r.int(-2, 2));
    return { n, slot, lane: laneOf(slot) };
  });
  return { toPlant, toRemove: [], planted: [], maxLifetime: Math.max(10, Math.round(commitCount * 0.05)) };
}

/** Whether a plant is due on `lane` (the lane then takes the next commit, so a short-lived branch gets it). */
export function hasDuePlant(queue: PlantQueue, lane: Lane, slot: number): boolean {
  return queue.toPlant.some((p) => p.lane === lane && p.slot <= slot);
}

/** Plants what is due on `lane` into files without a plant; returns the paths it changed. */
export function applyDuePlants(r: Random, queue: PlantQueue, lane: Lane, slot: number, mark: number): string[] {
  const due = queue.toPlant.filter((p) => p.lane === lane && p.slot <= slot);
  queue.toPlant = queue.toPlant.filter((p) => !due.includes(p));
  const paths: string[] = [];
  for (const { n } of due) {
    const candidates = lane.paths.filter((p) => lane.files.get(p)?.pinned === undefined);
    const file = candidates.length === 0 ? undefined : lane.files.get(r.pick(candidates));
    if (file === undefined) continue;
    const secret = makeFakeSecret(r, n);
    const line = plantLines(r, file, secret.lines);
    const plant: HistoryPlant = { kind: secret.kind, path: file.path, line, lineCount: secret.lines.length, mark, ref: lane.ref };
    queue.planted.push(plant);
    const lifetime = r.int(10, queue.maxLifetime);
    if (lane.shape?.isMerged !== false) queue.toRemove.push({ plant, file, slot: slot + lifetime });
    paths.push(file.path);
  }
  return paths;
}

/** Removes the plants that are due and whose file is on `lane`; returns the paths it changed. */
export function removeDuePlants(queue: PlantQueue, lane: Lane, slot: number, mark: number): string[] {
  const due = queue.toRemove.filter((p) => p.slot <= slot && lane.files.get(p.file.path) === p.file);
  queue.toRemove = queue.toRemove.filter((p) => !due.includes(p));
  for (const { plant, file } of due) {
    removePinned(file);
    plant.removedMark = mark;
  }
  return due.map((p) => p.file.path);
}
