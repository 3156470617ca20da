import { describe, expect, it } from 'vitest';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { STACK_FRAME } from './spawn-cli.js';

// test/sources/range.test.ts checks the exit code and the shape of the message; here, that the
// first line names the revision that does not exist, on either side and with three dots.
describe('--range with a revision that does not exist', () => {
  it.each([
    ['nonexistent..HEAD', 'nonexistent'],
    ['HEAD..nonexistent', 'nonexistent'],
    ['nonexistent...HEAD', 'nonexistent'],
    ['refs/heads/nope..HEAD', 'refs/heads/nope'],
  ])('%s: exit 2, the message names %s', async (spec, name) => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const run = await runCli(['scan', '--range', spec], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toContain(`"${name}"`);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
