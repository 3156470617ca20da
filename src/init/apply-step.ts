import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ScanError } from '../errors.js';
import type { FileChange, InitStep } from './steps.js';

async function applyChange(change: FileChange): Promise<void> {
  if (change.kind === 'rename') {
    await rename(change.from, change.to);
    return;
  }
  await mkdir(dirname(change.path), { recursive: true });
  await writeFile(change.path, change.text);
  if (change.isExecutable) await chmod(change.path, 0o755);
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
