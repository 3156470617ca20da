import { describe, expect, it } from 'vitest';
import { sealedGitEnv, useGitEnvironment } from '../../src/sources/index.js';

describe('sealedGitEnv', () => {
  it('carries the index, repository and object locations git sets for hooks, made absolute against the start directory', () => {
    const env = sealedGitEnv(
      {
        PATH: '/usr/bin',
        GIT_INDEX_FILE: '.git/index.lock',
        GIT_DIR: '.git',
        GIT_WORK_TREE: '.',
        GIT_COMMON_DIR: '/repo/.git',
        GIT_OBJECT_DIRECTORY: '/repo/.git/objects/incoming-abc',
        GIT_ALTERNATE_OBJECT_DIRECTORIES: '/repo/.git/objects:objects2:"/quoted dir"',
      },
      '/work/project',
    );
    expect(env.GIT_INDEX_FILE).toBe('/work/project/.git/index.lock');
    expect(env.GIT_DIR).toBe('/work/project/.git');
    expect(env.GIT_WORK_TREE).toBe('/work/project');
    expect(env.GIT_COMMON_DIR).toBe('/repo/.git');
    expect(env.GIT_OBJECT_DIRECTORY).toBe('/repo/.git/objects/incoming-abc');
    expect(env.GIT_ALTERNATE_OBJECT_DIRECTORIES).toBe('/repo/.git/objects:/work/project/objects2:"/quoted dir"');
  });

  it('keeps out everything that changes how git reads or diffs, and empty locations', () => {
    const env = sealedGitEnv(
      {
        PATH: '/usr/bin',
        GIT_INDEX_FILE: '',
        GIT_CONFIG_PARAMETERS: "'diff.external'='evil'",
        GIT_EXTERNAL_DIFF: 'evil',
        GIT_CONFIG_GLOBAL: '/home/me/.gitconfig',
        GIT_NAMESPACE: 'other',
        GIT_EDITOR: ':',
      },
      '/work/project',
    );
    expect(
      Object.keys(env)
        .filter((key) => key.startsWith('GIT_') && !key.startsWith('GIT_CONFIG_KEY_') && !key.startsWith('GIT_CONFIG_VALUE_'))
        .sort(),
    ).toEqual(['GIT_CONFIG_COUNT', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_NO_REPLACE_OBJECTS', 'GIT_OPTIONAL_LOCKS', 'GIT_TERMINAL_PROMPT'].filter((key) => key !== 'GIT_CONFIG_COUNT' || env.GIT_CONFIG_COUNT !== undefined));
    expect(env.GIT_CONFIG_GLOBAL).toBe('/dev/null');
    expect(env.GIT_NO_REPLACE_OBJECTS).toBe('1');
  });

  it('reads the environment the entry point handed over, not the process', () => {
    try {
      useGitEnvironment({ env: { PATH: '/opt/git/bin', GIT_DIR: '.git' }, cwd: '/hook/start' });
      expect(sealedGitEnv()).toMatchObject({ PATH: '/opt/git/bin', GIT_DIR: '/hook/start/.git' });
    } finally {
      useGitEnvironment({ env: process.env, cwd: process.cwd() });
    }
  });
});
