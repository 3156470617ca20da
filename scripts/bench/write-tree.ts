import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateTree, type PlantedSecret, type TreeOptions } from './plan-tree.js';

/** What was written: the file list (tree-relative, sorted), total bytes and the planted secrets. */
export interface WrittenTree {
  files: string[];
  bytes: number;
  planted: PlantedSecret[];
}

/** Writes the deterministic tree under `root` (which must exist). */
export function writeTree(root: string, options: TreeOptions): WrittenTree {
  const written: WrittenTree = { files: [], bytes: 0, planted: [] };
  const madeDirs = new Set<string>();
  for (const file of generateTree(options)) {
    const full = join(root, file.path);
    const dir = dirname(full);
    if (!madeDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
    }
    writeFileSync(full, file.text);
    written.files.push(file.path);
    written.bytes += Buffer.byteLength(file.text);
    if (file.planted !== undefined) written.planted.push(file.planted);
  }
  written.files.sort();
  return written;
}
