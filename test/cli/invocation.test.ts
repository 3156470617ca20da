import { describe, expect, it } from 'vitest';
import { commandFor } from '../../src/cli/invocation.js';

describe("commandFor (the command a blocked commit's advice names)", () => {
  it.each([
    ['a devDependency of the project', '/work/app/node_modules/.bin/secretscan', '/work/app', 'npx secretscan'],
    ['a devDependency, run from a subfolder', '/work/app/node_modules/secretscan/dist/cli/bin.mjs', '/work/app/src', 'npx secretscan'],
    ['a devDependency of a package folder below the repository', '/work/app/frontend/node_modules/.bin/secretscan', '/work/app', 'frontend/node_modules/.bin/secretscan'],
    ['a global install (npm prefix)', '/usr/local/lib/node_modules/secretscan/dist/cli/bin.mjs', '/work/app', 'secretscan'],
    ['a global install (bin link)', '/usr/local/bin/secretscan', '/work/app', 'secretscan'],
    ['npx without an install', '/home/me/.npm/_npx/1a2b3c/node_modules/.bin/secretscan', '/work/app', 'npx secretscan'],
    ['a development checkout', '/work/secretscan/dist/cli/bin.mjs', '/work/secretscan', 'node dist/cli/bin.mjs'],
    ['a path with a space', '/work/app/my web/node_modules/.bin/secretscan', '/work/app', "'my web/node_modules/.bin/secretscan'"],
    ['nothing known', undefined, '/work/app', 'secretscan'],
  ])('%s', (_name, script, cwd, expected) => {
    expect(commandFor(script, cwd)).toBe(expected);
  });
});
