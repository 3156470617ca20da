import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

describe('createProgress', () => {
  it('redraws one line on a terminal, at most every 250 ms, with rate and ETA, and erases it', () => {
    let out = '';
    let clock = 1000;
    const progress = createProgress({ write: (t: string) => (out += t), isTTY: true }, 'history', 'blobs', () => clock);
    progress.setTotal(4);
    clock = 2000;
    progress.update(1, 10_000_000);
    clock = 2100;
    progress.update(2, 20_000_000);
    expect(out).toBe('\r\x1b[Khistory: 1/4 blobs, 10.0 MB, 10.0 MB/s, ETA 3 s');
    progress.done();
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    let out = '';
    const progress = createProgress({ write: (t: string) => (out += t), isTTY: false }, 'history', 'blobs');
    progress.update(1, 1);
    progress.done();
    expect(out).toBe('');
  });
});

it('scan --history shows progress on a terminal only', async () => {
  const repo = await createRepo({ commits: [{ files: { 'a.env': `K=${FAKE.stripe}\n` } }] });
  const tty = await runCli(['scan', '--history', '--format', 'json'], { cwd: repo, isTTY: true });
  expect(tty.stderr).toMatch(/\r\x1b\[Khistory: 1(\/1)? blobs/);
  const pipe = await runCli(['scan', '--history', '--format', 'json'], { cwd: repo });
  expect(pipe.stderr).toBe('');
});

it('scan on a terminal counts only the files it will read (allowlisted paths are not read)', async () => {
  const repo = await createRepo({
    commits: [
      {
        files: {
          '.secretscan.yaml': 'allowlist:\n  - reason: vendored code\n    paths: [vendor/]\n',
          'a.txt': 'nothing\n',
          'vendor/b.txt': `${FAKE.stripe}\n`,
          'vendor/c.txt': `${FAKE.stripe}\n`,
        },
      },
    ],
  });
  const tty = await runCli(['scan', '--format', 'json', '--no-gitignore-audit'], { cwd: repo, isTTY: true });
  expect(tty.code).toBe(0);
  expect(tty.stderr).toMatch(/scan: [12]\/2 files/);
  expect(JSON.parse(tty.stdout).suppressed).toMatchObject({ paths: 2 });
});
