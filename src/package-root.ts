import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root folder (holding package.json and rules/), found by walking up from
 * this module, so it works from the compiled `dist/` and from sources run by the test runner.
 */
export const PACKAGE_ROOT: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('secretscan: cannot locate its package root (package.json next to rules/)');
    dir = parent;
  }
  return dir;
})();
