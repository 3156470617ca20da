import { spawn } from 'node:child_process';
import { GitError } from '../../errors.js';
import { sealedGitEnv } from '../git-env.js';
import { spawnGit } from '../git-process.js';
import { BatchParser, type BatchObject } from './batch-parser.js';

/**
 * The objects `git rev-list ...revListArgs` names, with content, whose type is in `types` (plus
 * `missing` ones): rev-list piped straight into one long-lived `git cat-file --batch`, the bytes
 * never passing through JavaScript until parsed. Every object arrives length-prefixed, so no
 * content (a commit message with control characters, a file) can be mistaken for a separator.
 */
export async function* catObjects(root: string, revListArgs: readonly string[], types: ReadonlySet<string>): AsyncGenerator<BatchObject> {
  const revList = spawnGit(root, ['rev-list', ...revListArgs], { isStdoutHandedOff: true });
  revList.child.stdin.end();
  const catFile = spawn('git', ['-c', 'core.fsmonitor=false', 'cat-file', '--batch=%(objectname) %(objecttype) %(objectsize) %(rest)'], {
    cwd: root,
    env: sealedGitEnv(),
    stdio: [revList.child.stdout, 'pipe', 'pipe'],
  });
  let stderr = '';
  catFile.stderr.on('data', (data: Buffer) => (stderr += data.toString('utf8').slice(0, 2048)));
  const catDone = new Promise<number | null>((resolve, reject) => {
    catFile.on('error', reject);
    catFile.on('close', resolve);
  });
  const parser = new BatchParser();
  try {
    for await (const data of catFile.stdout as AsyncIterable<Buffer>) {
      for (const object of parser.push(data)) if (types.has(object.type) || object.type === 'missing') yield object;
    }
    const code = await catDone;
    await revList.done;
    if (code !== 0 || !parser.isComplete) throw new GitError('E_GIT', `git cat-file failed (exit ${code ?? 'signal'}): ${stderr.trim().split('\n')[0] ?? ''}`);
  } finally {
    if (catFile.exitCode === null) catFile.kill();
    if (revList.child.exitCode === null) revList.child.kill();
  }
}
