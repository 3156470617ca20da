import { describe, expect, it } from 'vitest';
import { repositoryNameOf } from '../../src/sources/index.js';

// A credential-shaped value built at run time, so this file holds none.
const TOKEN = ['ghp', 'Zr4Tq8Wm2Xc6Vb1Nn5Kp9Lj3Q7b9ZxW2kLm4'].join('_');

describe('repositoryNameOf', () => {
  it.each([
    ['https://github.com/acme/api.git', 'github.com/acme/api'],
    ['https://github.com/acme/api', 'github.com/acme/api'],
    ['https://GitHub.com/acme/api/', 'github.com/acme/api'],
    [`https://x-access-token:${TOKEN}@github.com/acme/api.git`, 'github.com/acme/api'],
    [`https://${TOKEN}@github.com/acme/api.git`, 'github.com/acme/api'],
    ['https://gitlab.example.com:8443/group/sub/api.git?private_token=abc#frag', 'gitlab.example.com/group/sub/api'],
    ['ssh://git@github.com:22/acme/api.git', 'github.com/acme/api'],
    ['git@github.com:acme/api.git', 'github.com/acme/api'],
    ['github.com:acme/api', 'github.com/acme/api'],
    ['git://example.org/acme/api.git', 'example.org/acme/api'],
    ['file:///srv/git/acme/api.git', '/srv/git/acme/api'],
    ['/srv/git/acme/api.git', '/srv/git/acme/api'],
  ])('%s is %s', (url, name) => {
    expect(repositoryNameOf(url)).toBe(name);
  });

  it.each([[''], ['   '], ['https://github.com/'], ['relative/path'], ['https://exa mple.com/a'], ['https://github.com/acme/\u001b[31mapi'], [`https://github.com/${'a'.repeat(600)}`]])('%j names nothing', (url) => {
    expect(repositoryNameOf(url)).toBeUndefined();
  });

  it('never keeps a user name, password or token', () => {
    for (const url of [`https://user:${TOKEN}@github.com/acme/api`, `ssh://${TOKEN}@github.com/acme/api`, `${TOKEN}@github.com:acme/api`]) {
      expect(repositoryNameOf(url)).toBe('github.com/acme/api');
    }
  });
});
