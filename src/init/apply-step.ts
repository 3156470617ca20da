import { constants } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ScanError } from '../errors.js';
import type { FileChange, InitStep } from './steps.js';

async function applyChange(change: FileChange): Promise<void> {
  if (change.kind === 'rename') {
    await rename(change.from, change.to);
    return;
  }
  await mkdir(dirname(change.path), { recursive: true });
  // O_NOFOLLOW: the plan refused links, and a link that appeared since is not written through.
  const file = await open(change.path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  try {
    await file.writeFile(change.text);
    if (change.isExecutable) await file.chmod(0o755);
  } finally {
    await file.close();
  }
}

/** Carries out one step's changes, in order. A failure is a ScanError naming the file. */
export async function applyStep(step: InitStep): Promise<void> {
  for (const change of step.changes) {
    try {
      await applyChange(change);
    } catch (error) {
      const path = change.kind === 'rename' ? change.from : change.path;
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new ScanError('E_IO', `cannot ${change.kind} ${path} (${reason})`, { cause: error, hint: 'check the permissions of the file and its folder' });
    }
  }
}
