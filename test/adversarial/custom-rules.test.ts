import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { spawnCli, STACK_FRAME } from './spawn-cli.js';

/** A `.secretscan.yaml` with one custom pack holding one rule with `pattern` and two examples. */
function configWithRule(id: string, pattern: string, examples: [string, string]): string {
  return `rules:
  custom:
    - provider:
        id: acme
        name: Acme
        remediation:
          rotateUrl: https://acme.test/rotate
          steps: [Rotate the token]
      rules:
        - id: ${id}
          name: Acme token
          description: An adversarial custom rule.
          severity: high
          pattern: '${pattern}'
          keywords: [acme=]
          references: [https://acme.test/tokens]
          tags: [internal]
          examples: ['${examples[0]}', '${examples[1]}']
          negativeExamples: ['acmx=zzzz']
`;
}

describe('custom rules in the config', () => {
  it('a pattern that does not compile: exit 2 naming the file and the rule id', async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    await writeFile(join(repo, '.secretscan.yaml'), configWithRule('acme.broken', 'acme=(?<secret>[a-z', ['acme=abc', 'acme=abd']));
    const run = await runCli(['scan'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/\.secretscan\.yaml(:\d+)?: acme\.broken: pattern does not compile/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  // Found by this test and fixed (src/cli/commands/scan.ts): custom rules from the config now get the
  // checks `rules check` gives the packs, including the timing on adversarial input, so `(a+)+$` is
  // refused at load (exit 2, naming the rule) instead of hanging the scan.
  it('a catastrophic pattern `(a+)+$` on a long run of `a`: the scan ends within 5 s', { timeout: 15_000 }, async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    await writeFile(join(repo, '.secretscan.yaml'), configWithRule('acme.slow', 'acme=(?<secret>(a+)+$)', ['acme=aaaa', 'acme=aaaaaa']));
    await writeFile(join(repo, 'slow.txt'), `acme=${'a'.repeat(40)}!\n`);
    const run = await spawnCli(['scan', 'slow.txt'], { cwd: repo, budgetMs: 5_000 });
    expect(run.isKilled).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('acme.slow');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  // The timing check alone accepted this one (its inputs never repeated "xy"): the static check
  // refuses the whole class of repeated alternatives that can read the same text two ways.
  it('a pattern whose repeated alternatives overlap, `acme_(?:xy|x|y)+!`: refused at load, exit 2, before anything runs it', { timeout: 15_000 }, async () => {
    const repo = await createRepo({ commits: [{ files: { 'README.md': 'hi\n' } }] });
    await writeFile(join(repo, '.secretscan.yaml'), configWithRule('acme.overlap', 'acme=(?<secret>acme_(?:xy|x|y)+!)', ['acme=acme_xyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxyxy!', 'acme=acme_xy!']));
    await writeFile(join(repo, 'slow.txt'), `acme=acme_${'xy'.repeat(40)}\n`);
    const run = await spawnCli(['scan', 'slow.txt'], { cwd: repo, budgetMs: 10_000 });
    expect(run.isKilled).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/acme\.overlap: not linear: the pattern can take exponential time/);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });
});
