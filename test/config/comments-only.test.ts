import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/index.js';
import { STARTER_CONFIG } from '../../src/init/starter-config.js';
import { loadYamlSupport, parseYamlDocument } from '../../src/rules/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

// Its own file: the check that the yaml package stayed unloaded needs a fresh module graph.
describe('a config of comments only (the starter config)', () => {
  it('loads as the empty config without loading the yaml package, as YAML would read it', async () => {
    const root = await makeTempDir();
    await writeFile(join(root, '.secretscan.yaml'), STARTER_CONFIG);
    const config = await loadConfig(root, undefined, root);
    expect(config).toEqual({ file: '.secretscan.yaml', disabledRules: [], customPacks: [], allowlist: [] });
    expect(() => parseYamlDocument('a: 1\n', 'x')).toThrow(/loadYamlSupport/);
    await loadYamlSupport();
    expect(parseConfig(STARTER_CONFIG, '.secretscan.yaml')).toEqual(config);
  });

  it('still parses (and checks) a config with one line that is not a comment', async () => {
    const root = await makeTempDir();
    await writeFile(join(root, '.secretscan.yaml'), `${STARTER_CONFIG}colour: red\n`);
    await expect(loadConfig(root, undefined, root)).rejects.toThrow(/colour/);
    await writeFile(join(root, '.secretscan.yaml'), '\t# a tab first\n');
    await expect(loadConfig(root, undefined, root)).resolves.toMatchObject({ file: '.secretscan.yaml' });
  });
});
