import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { isLinux, validatorIssues } from '../../helpers/sarif-validator.js';
import { sarifSchemaErrors } from './schema.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NO_CONFIG = 'fixtures/config/valid/empty.yaml';

// The real pipeline end to end: scanning the fixture tree (with an empty config, since the
// project's own config allowlists fixtures/) must give SARIF that the official schema and
// Microsoft's validator with GitHub's rules accept without a single error or warning.
describe('SARIF from scanning fixtures/tree', async () => {
  const run = await runCli(['scan', 'fixtures/tree', '--format', 'sarif', '--config', NO_CONFIG], { cwd: REPO_ROOT });
  const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string }[] }[] };

  it('finds every planted provider secret and nothing in the placeholder-only docs', () => {
    expect(run.code).toBe(1);
    const rules = new Set(log.runs[0]?.results.map((r) => r.ruleId));
    for (const id of [
      'unusual-whales.api-token',
      'stripe.secret-key',
      'database.connection-url',
      'jwt.signing-secret',
      'aws.access-key-id',
      'aws.secret-access-key',
      'alpaca.api-key-id',
      'alpaca.secret-key',
      'tradestation.client-secret',
      'slack.webhook-url',
      'slack.bot-token',
      'private-key.openssh',
      'github.personal-access-token',
      'github.server-to-server-token',
    ]) {
      expect(rules, id).toContain(id);
    }
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it.runIf(isLinux)(
    'passes the SARIF validator with GitHub rules: 0 errors, 0 warnings',
    () => {
      expect(validatorIssues('fixtures-tree', run.stdout)).toEqual([]);
    },
    60_000,
  );
});
