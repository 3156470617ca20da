import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runGit, sealedGitEnv } from '../git-fixture.js';
import { formatPath } from '../fast-import-stream.js';
import { type PublishedVersion, tarballPath } from './npm-tarballs.js';
import { tarEntries } from './tar-entries.js';

// A repository built from real code: every given published version of some npm packages, one
// commit per version in publish order, each package in its own folder (`packages/<name>/`) that the
// commit replaces with that version's files. Written as one fast-import stream (each distinct blob
// once), then repacked with deltas as a real repository is. Built once into the cache.

/** What the build made. */
export interface RealHistory {
  repo: string;
  commits: number;
  /** Distinct blobs and their total size in bytes. */
  blobs: number;
  blobBytes: number;
  /** Set when the build stopped early at the size cap. */
  cappedAt?: string;
}

/** Writes to a child's stdin, waiting when its pipe is full. */
function pipeWriter(stdin: NodeJS.WritableStream): (chunk: string | Buffer) => Promise<void> {
  return async (chunk) => {
    if (stdin.write(chunk)) return;
    await new Promise<void>((resolve) => stdin.once('drain', () => resolve()));
  };
}

async function importVersions(repo: string, cache: string, versions: readonly PublishedVersion[], maxBlobBytes: number, log: (line: string) => void): Promise<RealHistory> {
  runGit(repo, ['init', '--quiet', '--initial-branch=main']);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repo, env: sealedGitEnv(), stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const write = pipeWriter(child.stdin);
  const marks = new Map<string, number>();
  let nextMark = 1;
  let blobBytes = 0;
  let commits = 0;
  let cappedAt: string | undefined;
  let lastCommit: number | undefined;
  for (const v of versions) {
    if (blobBytes >= maxBlobBytes) {
      cappedAt = `${v.name}@${v.version}`;
      break;
    }
    const folder = `packages/${v.name}`;
    const files: string[] = [];
    for (const entry of tarEntries(readFileSync(tarballPath(cache, v)))) {
      const path = entry.path.replace(/^[^/]+\//, '');
      if (path === '' || path.includes('\n')) continue;
      const sha = createHash('sha1').update(`blob ${entry.data.length}\0`).update(entry.data).digest('hex');
      let mark = marks.get(sha);
      if (mark === undefined) {
        mark = nextMark++;
        marks.set(sha, mark);
        blobBytes += entry.data.length;
        await write(`blob\nmark :${mark}\ndata ${entry.data.length}\n`);
        await write(entry.data);
        await write('\n');
      }
      files.push(`M 100644 :${mark} ${formatPath(`${folder}/${path}`)}\n`);
    }
    const mark = nextMark++;
    const when = Math.floor(v.time / 1000);
    const message = `${v.name} ${v.version}\n`;
    const parent = lastCommit === undefined ? '' : `from :${lastCommit}\n`;
    await write(
      `commit refs/heads/main\nmark :${mark}\nauthor Bench <bench@example.invalid> ${when} +0000\ncommitter Bench <bench@example.invalid> ${when} +0000\ndata ${Buffer.byteLength(message)}\n${message}${parent}D ${formatPath(folder)}\n${files.join('')}\n`,
    );
    lastCommit = mark;
    commits++;
    if (commits % 250 === 0) log(`  ${commits} commits, ${marks.size} blobs, ${(blobBytes / 1e6).toFixed(0)} MB`);
  }
  await write('done\n');
  child.stdin.end();
  const status = await exited;
  if (status !== 0) throw new Error(`git fast-import exited ${String(status)}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  return { repo, commits, blobs: marks.size, blobBytes, ...(cappedAt === undefined ? {} : { cappedAt }) };
}

/**
 * The repository for `versions` (in publish order) under `cache`, built when missing: the import,
 * then `git repack -a -d -f` for real deltas. `maxBlobBytes` stops the history once its distinct
 * blobs add up to that much. The key names the cached build.
 */
export async function realHistory(cache: string, key: string, versions: readonly PublishedVersion[], maxBlobBytes: number, log: (line: string) => void): Promise<RealHistory> {
  const repo = join(cache, 'history', key);
  const metaFile = join(repo, '.git', 'bench-history.json');
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as RealHistory;
  mkdirSync(join(cache, 'history'), { recursive: true });
  const building = `${repo}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building);
  let started = performance.now();
  const built = await importVersions(building, cache, versions, maxBlobBytes, log);
  log(`imported ${built.commits} commits, ${built.blobs} distinct blobs, ${(built.blobBytes / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(0)} s; repacking`);
  started = performance.now();
  runGit(building, ['repack', '-a', '-d', '-f', '-q', '--window=10', '--depth=50']);
  runGit(building, ['prune']);
  log(`repacked in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  rmSync(repo, { recursive: true, force: true });
  renameSync(building, repo);
  const meta: RealHistory = { ...built, repo };
  writeFileSync(metaFile, JSON.stringify(meta));
  return meta;
}
