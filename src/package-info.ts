import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

/** Name, version and home page from secretscan's own package.json. */
export interface PackageInfo {
  name: string;
  version: string;
  homepage: string;
}

let cached: PackageInfo | undefined;

/** Reads package.json once (dist/src/cli/ -> package root). */
export function packageInfo(): PackageInfo {
  if (cached === undefined) {
    const raw = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Partial<PackageInfo>;
    cached = { name: raw.name ?? 'secretscan', version: raw.version ?? '0.0.0', homepage: raw.homepage ?? 'https://www.npmjs.com/package/secretscan' };
  }
  return cached;
}
