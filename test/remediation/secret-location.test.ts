import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.js';
import { gitignoreLinesFor, isWholeSecretFile, locateSecret, replacementLines, secretFileKind, secretFileOf } from '../../src/remediation/index.js';
import { loadCatalogue } from '../../src/sensitive-files/index.js';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo, git } from '../helpers/git-repo.js';

function finding(path: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'stripe.secret-key',
    ruleName: 'Stripe secret key',
    severity: 'high',
    path,
    startLine: 1,
    startColumn: 1,
    endLine: 1,
    endColumn: 33,
    fingerprint: 'v1:f',
    secretId: 'v1:s',
    preview: 'sk_l…(32)',
    context: '',
    entropy: 4,
    ...extra,
  };
}

function at(sha: string, date = '2024-01-02T03:04:05Z') {
  return { sha, author: 'a', date };
}

describe('locateSecret', () => {
  it('is working-tree when no commit holds it, staged when the index adds it', async () => {
    const root = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }] });
    const location = await locateSecret(root, { workingTree: [finding('cfg.js')], staged: [finding('cfg.js')] });
    expect(location).toMatchObject({ place: 'working-tree', isStaged: true, isInWorkingTree: true, isAtHead: false, commits: [] });
  });

  it('is working-tree outside git', async () => {
    expect((await locateSecret(undefined, { workingTree: [finding('cfg.js')] })).place).toBe('working-tree');
  });

  it('is unpushed when no remote-tracking ref reaches the commit; notes the last commit and a root commit', async () => {
    const root = await createRepo({ commits: [{ files: { 'cfg.js': 'x\n' } }] });
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    const location = await locateSecret(root, { history: finding('cfg.js', { commit: at(head), isPresentAtHead: true }) });
    expect(location).toMatchObject({ place: 'unpushed', isAtHead: true, remoteRefs: [], commits: [head] });
  });

  it('is pushed when a remote-tracking ref reaches an introducing commit, even after later local commits', async () => {
    const remote = await createRepo({ isBare: true });
    const root = await createRepo({ commits: [{ files: { 'cfg.js': 'x\n' } }, { files: { 'b.txt': 'b\n' } }] });
    const first = git(root, ['rev-parse', 'HEAD~1']).trim();
    git(root, ['remote', 'add', 'origin', remote]);
    git(root, ['push', '-q', 'origin', 'HEAD~1:refs/heads/main']);
    git(root, ['fetch', '-q', 'origin']);
    const history = finding('cfg.js', { commit: at(first), isPresentAtHead: false, occurrences: [{ path: 'cfg.js', startLine: 1, startColumn: 1, commit: at(first) }] });
    const location = await locateSecret(root, { history });
    expect(location).toMatchObject({ place: 'pushed', remoteRefs: ['origin/main'], remotes: ['origin'], isAtHead: false });
  });

  it('orders introducing commits oldest first', async () => {
    const root = await createRepo({ commits: [{ files: { 'a.txt': 'a\n' } }, { files: { 'x.js': 'x\n' } }, { files: { 'y.js': 'y\n' } }] });
    const [c3, c2] = git(root, ['rev-list', 'HEAD']).trim().split('\n') as [string, string];
    const history = finding('x.js', {
      commit: at(c2, '2024-01-01T00:00:00Z'),
      occurrences: [
        { path: 'y.js', startLine: 1, startColumn: 1, commit: at(c3, '2024-02-01T00:00:00Z') },
        { path: 'x.js', startLine: 1, startColumn: 1, commit: at(c2, '2024-01-01T00:00:00Z') },
      ],
    });
    const location = await locateSecret(root, { history });
    expect(location).toMatchObject({ place: 'unpushed', commits: [c2, c3], paths: ['x.js', 'y.js'] });
  });
});

describe('file kinds and replacements', () => {
  it('treats .env, key and credential files as secret as a whole, templates and source as values, as the catalogue says', async () => {
    const catalogue = await loadCatalogue();
    const paths = ['.env', 'config/.env.production', 'deploy/id_rsa', 'tls/server.pem', '.netrc', '.env.example', 'src/app.ts', 'config.yaml', '.env.local'];
    const location = { files: Object.fromEntries(paths.map((path) => [path, secretFileOf(path, catalogue)])) };
    const isWhole = (path: string): boolean => isWholeSecretFile(location, path);
    expect(['.env', 'config/.env.production', 'deploy/id_rsa', 'tls/server.pem', '.netrc'].every(isWhole)).toBe(true);
    expect(['.env.example', 'src/app.ts', 'config.yaml'].some(isWhole)).toBe(false);
    expect(['.env', 'deploy/id_rsa', '.netrc', 'src/app.ts'].map((path) => secretFileKind(location, path))).toEqual(['env', 'key', 'credentials', 'source']);
    const dotenv = catalogue.kinds.find((kind) => kind.spec.id === 'file.dotenv');
    expect(gitignoreLinesFor(location, '.env.local')).toEqual(dotenv?.spec.gitignore);
    expect(gitignoreLinesFor(location, '.env.local')).toEqual(expect.arrayContaining(['.env', '.env.*', '!.env.example']));
    expect(gitignoreLinesFor(location, 'tls/server.pem')).toEqual(['*.pem']);
    expect(gitignoreLinesFor(location, 'src/app.ts')).toEqual([]);
  });

  it('writes a literal line for a long varied value (and its base64), longest first; PEM bodies line by line', () => {
    const long = 'Zq7wKp3xNm8vRt2y';
    const { lines } = replacementLines([{ values: [long, long], keys: [] }]);
    expect(lines).toEqual([`${Buffer.from(long).toString('base64')}==>REMOVED-BY-SECRETSCAN`, `${long}==>REMOVED-BY-SECRETSCAN`]);
    const pem = replacementLines([{ values: [FAKE.pem], keys: [] }]).lines;
    expect(pem).toHaveLength(3);
    expect(pem.join('\n')).not.toContain('BEGIN');
    expect(replacementLines([{ values: ['regex:Zq7wKp3xNm8v'], keys: [] }]).lines).toContain('literal:regex:Zq7wKp3xNm8v==>REMOVED-BY-SECRETSCAN');
  });

  it('anchors a short or plain value to the names it was assigned to, and leaves it out when it has none', () => {
    const { lines, unanchored } = replacementLines([{ values: ['dev'], keys: ['POSTGRES_PASSWORD'] }]);
    expect(lines).toEqual([
      'regex:(?<![A-Za-z0-9_])(POSTGRES_PASSWORD["\']?[ \\t]*(?::|=>?)[ \\t]*["\']?)ZGV2(?![A-Za-z0-9_])==>\\1REMOVED-BY-SECRETSCAN',
      'regex:(?<![A-Za-z0-9_])(POSTGRES_PASSWORD["\']?[ \\t]*(?::|=>?)[ \\t]*["\']?)dev(?![A-Za-z0-9_])==>\\1REMOVED-BY-SECRETSCAN',
    ]);
    expect(unanchored).toBe(0);
    expect(replacementLines([{ values: ['admin'], keys: [] }])).toEqual({ lines: [], unanchored: 2 });
  });
});
