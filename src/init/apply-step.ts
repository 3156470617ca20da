import { rename } from 'node:fs/promises';
import { ScanError } from '../errors.js';
import { writeFileSafely } from '../safe-fs/index.js';
import type { FileChange, InitStep } from './steps.js';

async function applyChange(change: FileChange, root: string): Promise<void> {
  if (change.kind === 'rename') {
    // rename() moves a symlink itself, never what it points to.
    await rename(change.from, change.to);
    return;
  }
  await writeFileSafely(change.path, change.text, { root, shouldCreateDirectories: true, isExecutable: change.isExecutable });
}

/**
 * Carries out one step's changes, in order, in the repository at `root`. Files are written
 * without following symlinks (see writeFileSafely). A failure is a ScanError naming the file.
 */
export async function applyStep(step: InitStep, root: string): Promise<void> {
  for (const change of step.changes) {
    try {
      await applyChange(change, root);
    } catch (error) {
      if (error instanceof ScanError) throw error;
      const path = change.kind === 'rename' ? change.from : change.path;
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new ScanError('E_IO', `cannot ${change.kind} ${path} (${reason})`, { cause: error, hint: 'check the permissions of the file and its folder' });
    }
  }
}
