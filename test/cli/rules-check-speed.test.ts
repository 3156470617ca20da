import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, STACK_FRAME } from '../adversarial/spawn-cli.js';
import { createRepo } from '../helpers/git-repo.js';

// Real processes of the bundled CLI. `quadratic-token=` followed by `[^;]*;` scans to the end of
// the text from every keyword: quadratic, which the timing check must refuse (exit 2) within its
// own limits. The budgets only stop a hang; they are not timing assertions.

const QUADRATIC_RULE = `      - id: acme.quadratic
        name: Acme quadratic token
        description: Scans to the next semicolon, however far.
        severity: high
        pattern: 'quadratic-token=(?<secret>[^;]*);'
        keywords: [quadratic-token=]
        references: [https://acme.test/tokens]
        tags: [internal]
        examples: ['quadratic-token=q8w7e6r5t4;', 'quadratic-token=z9x8c7v6b5;']
        negativeExamples: ['quadratic-token q8w7e6r5t4']
`;

const PROVIDER = `provider:
  id: acme
  name: Acme
  remediation: {rotateUrl: 'https://acme.test/rotate', steps: [Rotate the token]}
`;

describe('the timing check in real processes', () => {
  it('`rules check DIR` fails a quadratic rule: exit 2 with file:line: rule-id and what was slow', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'secretscan-rules-'));
    try {
      const rule = QUADRATIC_RULE.replace(/^ {4}/gm, '');
      await writeFile(join(dir, 'acme.yaml'), `${PROVIDER}rules:\n${rule}`);
      const run = await spawnCli(['rules', 'check', '.'], { cwd: dir, budgetMs: 45_000 });
      expect(run.isKilled).toBe(false);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/acme\.yaml:6: acme\.quadratic: (not linear|too slow): .+ \d+ (KiB|MiB) of /);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a custom rule in .secretscan.yaml that is not linear is refused: exit 2 naming the config, line and rule', { timeout: 60_000 }, async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    const provider = "    - provider: {id: acme, name: Acme, remediation: {rotateUrl: 'https://acme.test/rotate', steps: [Rotate the token]}}\n";
    await writeFile(join(repo, '.secretscan.yaml'), `rules:\n  custom:\n${provider}      rules:\n${QUADRATIC_RULE}`);
    const run = await spawnCli(['scan'], { cwd: repo, budgetMs: 45_000 });
    expect(run.isKilled).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\.secretscan\.yaml:5: acme\.quadratic: (not linear|too slow): /);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
