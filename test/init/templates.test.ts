import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/index.js';
import { commitMsgBlock, githubWorkflow, HOOK_BLOCK, NATIVE_HOOK, nativeHook, preCommitBlock, STARTER_CONFIG } from '../../src/init/index.js';
import { STARTER_CONFIG_EXAMPLE } from '../../src/init/starter-config.js';
import { loadBuiltinRules, loadYamlSupport, parseYamlDocument } from '../../src/rules/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { runCli } from '../helpers/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('init templates', () => {
  it('the starter config parses, and so do its examples once uncommented', async () => {
    await loadYamlSupport();
    expect(parseConfig(STARTER_CONFIG, '.secretscan.yaml')).toMatchObject({ disabledRules: [], allowlist: [] });
    const example = parseConfig(STARTER_CONFIG_EXAMPLE, '.secretscan.yaml');
    expect(example.maxFileSize).toBe(10 * 1024 * 1024);
    expect(example.allowlist).toHaveLength(2);
    // Every commented line of the starter is a comment: nothing is switched on by default.
    expect(STARTER_CONFIG.split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([]);
    const { rules } = await loadBuiltinRules();
    const ids = new Set(rules.flatMap((rule) => [rule.spec.id, rule.provider.id]));
    for (const id of example.disabledRules) expect(ids).toContain(id);
  });

  it('the hooks are valid sh and carry the marker once', async () => {
    const dir = await makeTempDir();
    for (const [name, text] of [
      ['husky', HOOK_BLOCK],
      ['native', NATIVE_HOOK],
      ['monorepo', preCommitBlock('apps/web')],
    ] as const) {
      await writeFile(join(dir, name), text);
      execFileSync('sh', ['-n', join(dir, name)]);
      expect(text.split('# secretscan: block commits that add secrets')).toHaveLength(2);
    }
    for (const [name, text] of [
      ['husky-msg', commitMsgBlock()],
      ['native-msg', nativeHook('commit-msg')],
    ] as const) {
      await writeFile(join(dir, name), text);
      execFileSync('sh', ['-n', join(dir, name)]);
      expect(text.split('# secretscan: block commit messages that hold secrets')).toHaveLength(2);
      expect(text).toContain('scan --commit-msg "$1"');
    }
    expect(NATIVE_HOOK.startsWith('#!/bin/sh\n')).toBe(true);
  });

  it('secretscan finds nothing in its own templates', async () => {
    const cwd = await makeTempDir();
    const templates: [string, string][] = [
      ['.husky/pre-commit', HOOK_BLOCK],
      ['pre-commit', NATIVE_HOOK],
      ['.husky/commit-msg', commitMsgBlock()],
      ['commit-msg', nativeHook('commit-msg')],
      ['.secretscan.yaml', STARTER_CONFIG],
      ['example.yaml', STARTER_CONFIG_EXAMPLE],
      ['.github/workflows/secretscan.yml', githubWorkflow('main', '0.1.0')],
    ];
    for (const [path, text] of templates) {
      const run = await runCli(['scan', '--stdin', '--stdin-path', path, '--format', 'json'], { cwd, stdin: text });
      expect(run.code, `${path}: ${run.stdout}`).toBe(0);
    }
    // The same scan does see a planted secret, so the zeros above mean something.
    const planted = await runCli(['scan', '--stdin', '--stdin-path', 'pre-commit'], { cwd, stdin: `${HOOK_BLOCK}\nexport STRIPE=${FAKE.stripe}\n` });
    expect(planted.code).toBe(1);
    expect(planted.stdout + planted.stderr).not.toContain(FAKE.stripe);
  });

  it('quotes a branch name YAML would misread', () => {
    expect(githubWorkflow('release/1.x', '0.1.0')).toContain('branches: [release/1.x]');
    expect(githubWorkflow('#7', '0.1.0')).toContain('branches: ["#7"]');
  });

  it('.pre-commit-hooks.yaml declares the pre-commit framework hook, for pre-commit 3.0 and 4.x', async () => {
    await loadYamlSupport();
    const doc = parseYamlDocument(await readFile(new URL('../../.pre-commit-hooks.yaml', import.meta.url), 'utf8'), '.pre-commit-hooks.yaml');
    expect(doc.errors).toEqual([]);
    const hooks = doc.value as Record<string, unknown>[];
    expect(hooks).toEqual([
      expect.objectContaining({ id: 'secretscan', name: 'secretscan', entry: 'secretscan scan --staged', language: 'node', pass_filenames: false, minimum_pre_commit_version: '3.0.0' }),
      expect.objectContaining({ id: 'secretscan-commit-msg', entry: 'secretscan scan --commit-msg', language: 'node', stages: ['commit-msg'], pass_filenames: true, minimum_pre_commit_version: '3.0.0' }),
    ]);
    // The pre-commit stage is `commit` before 3.2 and `pre-commit` after: naming either excludes
    // one side, so the hook names no stage for it.
    for (const hook of hooks) expect((hook.stages as string[] | undefined) ?? []).not.toContain('pre-commit');
    for (const hook of hooks) expect((hook.stages as string[] | undefined) ?? []).not.toContain('commit');
  });
});
