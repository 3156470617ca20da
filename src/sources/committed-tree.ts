import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ScanInput } from '../engine/index.js';
import { gitText, spawnGit } from './git-process.js';
import { BatchParser } from './history/batch-parser.js';
import type { ReadOutcome } from './read-files.js';

/** A file as HEAD's tree holds it. */
export interface CommittedFile {
  path: string;
  blob: string;
  /** Bytes. */
  size: number;
}

const SYMLINK_MODE = '120000';

/** Repository-relative prefixes for the paths a user named (relative to `cwd`); `''` means everything. */
export function committedPrefixes(root: string, cwd: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [''];
  return paths.map((path) => {
    const inRepo = relative(root, resolve(cwd, path));
    return inRepo.startsWith('..') || isAbsolute(inRepo) ? inRepo : inRepo.split(sep).join('/');
  });
}

function isUnder(path: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The regular files of HEAD's tree under `prefixes` (symlinks and submodules left out); empty on
 * an unborn branch. One `git ls-tree`, read NUL-separated so any byte in a name survives.
 */
export async function listCommittedFiles(root: string, prefixes: readonly string[]): Promise<CommittedFile[]> {
  const head = (await gitText(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{tree}']).catch(() => '')).trim();
  if (head === '') return [];
  const out = await gitText(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', head]);
  const files: CommittedFile[] = [];
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, blob, size] = entry.slice(0, tab).split(/ +/);
    const path = entry.slice(tab + 1);
    if (type !== 'blob' || mode === SYMLINK_MODE || blob === undefined || !isUnder(path, prefixes)) continue;
    files.push({ path, blob, size: Number(size) });
  }
  return files;
}

/**
 * The committed files' contents, whole, read through one `git cat-file --batch` (a blob shared by
 * several paths is read once and yielded for each). Larger than `maxFileSize`: skipped and counted.
 */
export async function* committedFileInputs(root: string, files: readonly CommittedFile[], maxFileSize: number, outcome: ReadOutcome): AsyncGenerator<ScanInput> {
  const pathsByBlob = new Map<string, string[]>();
  for (const file of files) {
    if (file.size > maxFileSize) {
      outcome.skipped.push({ path: file.path, reason: 'too-large', size: file.size });
      continue;
    }
    pathsByBlob.set(file.blob, [...(pathsByBlob.get(file.blob) ?? []), file.path]);
  }
  if (pathsByBlob.size === 0) return;
  const { child, done } = spawnGit(root, ['cat-file', '--batch=%(objectname) %(objecttype) %(objectsize) %(rest)']);
  child.stdin.end(`${[...pathsByBlob.keys()].join('\n')}\n`);
  const parser = new BatchParser();
  try {
    for await (const data of child.stdout as AsyncIterable<Buffer>) {
      for (const object of parser.push(data)) {
        for (const path of pathsByBlob.get(object.sha) ?? []) {
          if (object.type === 'blob') yield { origin: 'tree', path, bytes: object.content, startLine: 1 };
          else outcome.problems.push({ path, message: "git cannot read this file's committed blob (`git fsck` tells why)" });
        }
      }
    }
    await done;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
