import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { executeScan } from '../../src/pipeline/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

describe('executeScan', () => {
  it('returns the suppressed result with the rules, roots and repository it used, and prints nothing', async () => {
    const root = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n`, 'b.js': `k = "${FAKE.stripeOther}";\n` } }] });
    const lines: string[] = [];
    const scan = await executeScan({ cwd: root, source: { kind: 'tree', paths: [] }, threads: 0, log: (line) => lines.push(line) });
    expect(scan.result.findings.map((finding) => finding.path)).toEqual(['a.js', 'b.js']);
    expect(scan.result.findings.every((finding) => finding.secret === undefined)).toBe(true);
    expect(scan.rules.length).toBeGreaterThan(10);
    expect(scan).toMatchObject({ root, projectRoot: root, sourceKind: 'tree', repo: { root, isBare: false } });
    expect(lines).toContain('matching on this thread');
    expect(lines.join('\n')).not.toContain(FAKE.stripe);
  });

  it('reads each source kind it is given: history finds a secret the tree no longer has', async () => {
    const root = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n` } }, { files: { 'a.js': 'k = 1;\n' } }] });
    expect((await executeScan({ cwd: root, source: { kind: 'tree', paths: [] }, threads: 0 })).result.findings).toEqual([]);
    const history = await executeScan({ cwd: root, source: { kind: 'history' }, threads: 0 });
    expect(history.result.findings.map((finding) => finding.ruleId)).toEqual(['stripe.secret-key']);
    const stdin = await executeScan({ cwd: root, source: { kind: 'stdin', read: async () => Buffer.from(`k = "${FAKE.stripe}";\n`), path: 'in.js' }, threads: 0 });
    expect(stdin.result.findings.map((finding) => finding.path)).toEqual(['in.js']);
  });

  it('keeps raw values only when asked, and throws a ScanError for a git source outside a repository', async () => {
    const root = await createRepo({ commits: [{ files: { 'a.js': `k = "${FAKE.stripe}";\n` } }] });
    const revealed = await executeScan({ cwd: root, source: { kind: 'tree', paths: [] }, threads: 0, shouldRevealSecrets: true });
    expect(revealed.result.findings[0]?.secret).toBe(FAKE.stripe);
    const bare = await createRepo({ isBare: true });
    await expect(executeScan({ cwd: bare, source: { kind: 'staged' }, threads: 0 })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the GitHub Action', () => {
  it('imports nothing from the CLI: it calls the pipeline directly', async () => {
    const files = (await readdir(join(SRC, 'action'))).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(await readFile(join(SRC, 'action', file), 'utf8'), file).not.toMatch(/from '\.\.\/cli\//);
  });
});
