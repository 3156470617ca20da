import { expect, it } from 'vitest';
import { createMatcher, loadBuiltinRules, reporterFor } from '../src/index.js';
import { FAKE } from './helpers/fake-secrets.js';

it('exposes a library API: rules, matcher and reporters', async () => {
  const { rules } = await loadBuiltinRules();
  const scan = createMatcher(rules).scanChunk({ origin: 'stdin', path: 'app.env', text: `STRIPE=${FAKE.stripe}\n`, startLine: 1 });
  expect(scan.findings.map((f) => f.ruleId)).toEqual(['stripe.secret-key']);
  const result = { findings: scan.findings, suppressed: scan.suppressed, skipped: [], problems: [], stats: { chunks: 1, bytes: 0, durationMs: 0 }, isPartial: false };
  const json = reporterFor('json')(result, { toolName: 'secretscan', version: '0', informationUri: 'https://example.test', rules, root: '/r', useColor: false });
  expect(json).not.toContain(FAKE.stripe);
});
