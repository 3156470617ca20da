import { readFile, writeFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { verificationTable } from '../helpers/verification-table.js';

// The README lists every verifier: what is sent where, and what the answer means. The table is
// generated from the rule packs; run with UPDATE_VERIFICATION_TABLE=1 to rewrite it.
const README = new URL('../../README.md', import.meta.url);
const BLOCK = /(<!-- verification-table:start -->\n)[\s\S]*?(<!-- verification-table:end -->)/;

it('the README table of verifiers matches the rule packs', async () => {
  const { rules } = await loadBuiltinRules();
  const text = await readFile(README, 'utf8');
  const expected = text.replace(BLOCK, (_all, start: string, end: string) => `${start}${verificationTable(rules)}\n${end}`);
  if (process.env.UPDATE_VERIFICATION_TABLE === '1') await writeFile(README, expected);
  expect(BLOCK.test(text)).toBe(true);
  expect(text).toBe(expected);
});
