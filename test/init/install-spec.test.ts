import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installSpecOf } from '../../src/init/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** A project with secretscan installed in node_modules, recorded as npm does with `resolved`. */
async function installedFrom(resolved: string | undefined): Promise<{ project: string; packageRoot: string }> {
  const project = await makeTempDir();
  const packageRoot = join(project, 'node_modules', 'secretscan');
  await mkdir(packageRoot, { recursive: true });
  const entry = resolved === undefined ? { version: '1.2.3' } : { version: '1.2.3', resolved };
  await writeFile(join(project, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: { 'node_modules/secretscan': entry } }));
  return { project, packageRoot };
}

describe('installSpecOf: the devDependency spec of the secretscan that runs', () => {
  it('from the registry: ^version', async () => {
    const { project, packageRoot } = await installedFrom('https://registry.npmjs.org/secretscan/-/secretscan-1.2.3.tgz');
    expect(await installSpecOf(packageRoot, '1.2.3', project)).toBe('^1.2.3');
  });

  it('from a git URL: that URL with its commit', async () => {
    const { project, packageRoot } = await installedFrom('git+ssh://git@github.com/secretscan/secretscan.git#0123abc');
    expect(await installSpecOf(packageRoot, '1.2.3', project)).toBe('git+ssh://git@github.com/secretscan/secretscan.git#0123abc');
  });

  it('from a tarball: a file: path relative to the package.json being edited', async () => {
    const { project, packageRoot } = await installedFrom('file:../downloads/secretscan-1.2.3.tgz');
    expect(await installSpecOf(packageRoot, '1.2.3', project)).toBe('file:../downloads/secretscan-1.2.3.tgz');
    expect(await installSpecOf(packageRoot, '1.2.3', join(project, 'frontend'))).toBe('file:../../downloads/secretscan-1.2.3.tgz');
  });

  it('unknown (a development checkout, a global install, no record): undefined', async () => {
    const { project, packageRoot } = await installedFrom(undefined);
    expect(await installSpecOf(packageRoot, '1.2.3', project)).toBeUndefined();
    expect(await installSpecOf(project, '1.2.3', project)).toBeUndefined();
  });
});
