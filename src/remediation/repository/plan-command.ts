import { lstat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How the plan's commands call secretscan in the project at `root`: `npx secretscan` in a Node
 * project (where it is usually a devDependency, not on PATH: a bare `secretscan` would exit 127),
 * plain `secretscan` elsewhere.
 */
export async function planCommandFor(root: string): Promise<string> {
  const manifest = await lstat(join(root, 'package.json')).catch(() => undefined);
  return manifest?.isFile() === true ? 'npx secretscan' : 'secretscan';
}
