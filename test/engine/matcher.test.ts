import { describe, expect, it } from 'vitest';
import { createMatcher, decodeText, type Chunk } from '../../src/engine/index.js';
import { compileTestPack, GENERIC_PACK, TEST_PACK } from '../helpers/rules.js';

const rules = [...compileTestPack(TEST_PACK), ...compileTestPack(GENERIC_PACK)];
const TOKEN = 'acme_Q7b9ZxW2kLm4Np8Rt6Yv3Hs1';
const OTHER = 'acme_a8Kd92LmQz7Xw3Rt5Yp1Nc6B';

function chunk(text: string, extra: Partial<Chunk> = {}): Chunk {
  return { origin: 'tree', path: 'src/app.ts', text, startLine: 1, ...extra };
}

function scan(text: string, extra: Partial<Chunk> = {}) {
  return createMatcher(rules).scanChunk(chunk(text, extra));
}

describe('createMatcher', () => {
  it('reports 1-based line and column with an exclusive end column', () => {
    const [finding] = scan(`first line\n  key = "${TOKEN}"\n`).findings;
    expect(finding).toMatchObject({ ruleId: 'acme.token', startLine: 2, startColumn: 10, endLine: 2, endColumn: 10 + TOKEN.length });
  });

  it('counts lines from the chunk start line (diff hunks)', () => {
    const [finding] = scan(`x\n${TOKEN}`, { startLine: 41 }).findings;
    expect(finding?.startLine).toBe(42);
  });

  it('handles CRLF line endings without shifting columns', () => {
    const [finding] = scan(`a\r\nb\r\nT=${TOKEN}\r\n`).findings;
    expect(finding).toMatchObject({ startLine: 3, startColumn: 3 });
    expect(finding?.context).not.toContain('\r');
  });

  it('counts columns in UTF-16 units after multi-byte characters', () => {
    const [finding] = scan(`// clé 🔑 ${TOKEN}`).findings;
    expect(finding?.startColumn).toBe('// clé 🔑 '.length + 1);
  });

  it('gives the same positions from UTF-8 bytes as from text, across multi-byte characters', () => {
    const text = `${'é🔑ü'.repeat(3000)}\nclé 🔑 ${TOKEN} ${'ascii '.repeat(900)}\n日本 ${OTHER}\n`;
    const decoded = decodeText(Buffer.from(text));
    if (!('text' in decoded) || decoded.utf8 === undefined) throw new Error('expected valid UTF-8');
    expect(decoded.utf8.isAscii).toBe(false);
    const fromText = scan(text).findings;
    const fromBytes = createMatcher(rules).scanChunk(chunk(decoded.text, { utf8: decoded.utf8 })).findings;
    expect(fromBytes).toEqual(fromText);
    expect(fromText.map((f) => [f.startLine, f.startColumn])).toEqual([
      [2, 'clé 🔑 '.length + 1],
      [3, 4],
    ]);
  });

  it('never carries the raw secret, in any field, unless asked to', () => {
    const result = scan(`const a = "${TOKEN}"; const b = "${OTHER}";`);
    expect(result.findings).toHaveLength(2);
    const serialized = JSON.stringify(result);
    expect(serialized).not.toContain(TOKEN);
    expect(serialized).not.toContain(OTHER);
    expect(result.findings[0]?.preview).toBe('acme…(29)');
  });

  it('returns the raw values beside the findings only when asked to keep them, never on the findings', () => {
    const kept = createMatcher(rules, { shouldKeepValues: true }).scanChunk(chunk(`const a = "${TOKEN}";`));
    expect(kept.secrets).toEqual([TOKEN]);
    expect(JSON.stringify(kept.findings)).not.toContain(TOKEN);
  });

  it('puts the raw secret on the finding with shouldRevealSecrets', () => {
    const [finding] = createMatcher(rules, { shouldRevealSecrets: true }).scanChunk(chunk(TOKEN)).findings;
    expect(finding?.secret).toBe(TOKEN);
  });

  it('finds a keyword whatever its case', () => {
    expect(scan(`ACME_${TOKEN.slice(5)}`).findings).toHaveLength(0);
    expect(scan(`X-Acme-Token: ${TOKEN}`).findings).toHaveLength(1);
  });

  it('suppresses a line carrying the inline allow marker and counts it', () => {
    const result = scan(`${TOKEN} // secretscan:allow test key\n${OTHER}\n`);
    expect(result.findings.map((f) => f.startLine)).toEqual([2]);
    expect(result.suppressed.inline).toBe(1);
  });

  it('drops placeholders and low-entropy values', () => {
    expect(scan('acme_xxxxxxxxxxxxxxxxxxxxxxxx').findings).toHaveLength(0);
    expect(scan('acme_aaaaaaaaaaaaaaaaaaaaaaaa').findings).toHaveLength(0);
    expect(scan('TOKEN=${ACME_TOKEN_FROM_THE_ENV}').findings).toHaveLength(0);
  });

  it('prefers a provider rule over the generic rule on the same secret', () => {
    const result = scan(`ACME_TOKEN=${TOKEN}`);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['acme.token']);
    expect(scan('MY_TOKEN=Zx81kQm2Lp9Wr4Tn').findings.map((f) => f.ruleId)).toEqual(['generic.token-assignment']);
  });

  it('finds a multi-line PEM block and rejects a stub', () => {
    const body = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu';
    const result = scan(`x\n-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ startLine: 2, endLine: 5, startColumn: 1 });
    expect(scan('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----').findings).toHaveLength(0);
  });

  it('redacts every secret on a context line and trims long lines', () => {
    const long = `${'a'.repeat(500)} ${TOKEN} ${'b'.repeat(500)}`;
    const [finding] = scan(long).findings;
    expect(finding?.context.length).toBeLessThanOrEqual(242);
    expect(finding?.context).toContain('acme…(29)');
  });

  it('keeps fingerprints stable when lines move and distinct across paths', () => {
    const [a] = scan(TOKEN).findings;
    const [b] = scan(`\n\n\n${TOKEN}`).findings;
    const [c] = scan(TOKEN, { path: 'other.ts' }).findings;
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).not.toBe(c?.fingerprint);
    expect(a?.secretId).toBe(c?.secretId);
  });

  it('applies a suppression policy by path and by candidate', () => {
    const matcher = createMatcher(rules, {
      suppression: { isPathSuppressed: (p) => p.startsWith('vendor/'), isSuppressed: (c) => c.secret.endsWith('Hs1') },
    });
    expect(matcher.scanChunk(chunk(TOKEN, { path: 'vendor/x.js' })).suppressed.paths).toBe(1);
    const result = matcher.scanChunk(chunk(`${TOKEN}\n${OTHER}`));
    expect(result.findings).toHaveLength(1);
    expect(result.suppressed.allowlist).toBe(1);
  });

  it('finds secrets far apart in a long single-line file', () => {
    const text = `${TOKEN}${' filler'.repeat(200_000)} ${OTHER}`;
    expect(scan(text).findings).toHaveLength(2);
  });
});
