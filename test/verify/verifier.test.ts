import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';
import { createVerifier, secretIn, type HttpRequest, type HttpResponse } from '../../src/verify/index.js';

const { rules } = await loadBuiltinRules();
const rule = (id: string) => {
  const found = rules.find((r) => r.spec.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
};

function findingOf(ruleId: string, secret: string, path = 'app.env', line = 1): Finding {
  return { ruleId, ruleName: ruleId, severity: 'high', path, startLine: line, startColumn: 1, endLine: line, endColumn: 2, fingerprint: `v1:${ruleId}:${path}:${line}`, secretId: 'v1:x', preview: 'x…', context: '', entropy: 4, secret };
}

function recordingTransport(answer: (request: HttpRequest) => HttpResponse) {
  const sent: HttpRequest[] = [];
  return { sent, transport: async (request: HttpRequest) => (sent.push(request), answer(request)) };
}

const stripeKey = secretIn(rule('stripe.secret-key'), rule('stripe.secret-key').spec.examples[0] ?? '') ?? '';
const alpacaId = secretIn(rule('alpaca.api-key-id'), 'APCA_API_KEY_ID=PK39HCTA77Y0C1EPKYCV') ?? '';
const alpacaSecret = secretIn(rule('alpaca.secret-key'), rule('alpaca.secret-key').spec.examples[0] ?? '') ?? '';

describe('createVerifier', () => {
  it('sends one request per distinct secret in a run, across calls and findings', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, body: '{}' }));
    const verifier = createVerifier({ transport, perHostIntervalMs: 0 });
    const findings = [findingOf('stripe.secret-key', stripeKey, 'a.env'), findingOf('stripe.secret-key', stripeKey, 'b.env')];
    await verifier.verifyFindings(findings, rules);
    await verifier.verifyFindings([findingOf('stripe.secret-key', stripeKey, 'c.env')], rules);
    expect(sent).toHaveLength(1);
    expect(findings.map((f) => f.verification?.status)).toEqual(['live', 'live']);
    expect(findings[0]?.verification?.detail).toBe('HTTP 200 from api.stripe.com: accepted');
    expect(findings[0]?.verification?.checkedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('pairs an Alpaca key id with its secret beside it and sends the pair once, to the paper host for PK keys', async () => {
    const { sent, transport } = recordingTransport((request) => ({ status: request.headers['apca-api-secret-key'] === alpacaSecret ? 200 : 401, body: '{}' }));
    const findings = [findingOf('alpaca.api-key-id', alpacaId, 'bot.env', 1), findingOf('alpaca.secret-key', alpacaSecret, 'bot.env', 2)];
    await createVerifier({ transport, perHostIntervalMs: 0 }).verifyFindings(findings, rules);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url.hostname).toBe('paper-api.alpaca.markets');
    expect(findings.map((f) => f.verification?.status)).toEqual(['live', 'live']);
  });

  it('signs an AWS pair once for both of its rules, and leaves temporary (ASIA) keys unknown', async () => {
    const keyId = ['AKIA', 'Q3MZ7XW2KLP4NB6R'].join('');
    const secretKey = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYzzzzzzzzzzzzz1'].join('/').slice(0, 40);
    const { sent, transport } = recordingTransport(() => ({ status: 403, body: '<ErrorResponse><Error><Code>InvalidClientTokenId</Code></Error></ErrorResponse>' }));
    const findings = [findingOf('aws.access-key-id', keyId, '.env', 1), findingOf('aws.secret-access-key', secretKey, '.env', 2)];
    await createVerifier({ transport, perHostIntervalMs: 0 }).verifyFindings(findings, rules);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIA[A-Z0-9]{16}\/\d{8}\/us-east-1\/sts\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(findings.map((f) => f.verification?.detail)).toEqual(['HTTP 403 from sts.amazonaws.com (InvalidClientTokenId): rejected', 'HTTP 403 from sts.amazonaws.com (InvalidClientTokenId): rejected']);
    const temporary = [findingOf('aws.access-key-id', `ASIA${keyId.slice(4)}`, 't.env', 1), findingOf('aws.secret-access-key', secretKey, 't.env', 2)];
    await createVerifier({ transport, perHostIntervalMs: 0 }).verifyFindings(temporary, rules);
    expect(sent).toHaveLength(1);
    expect(temporary[0]?.verification?.detail).toMatch(/temporary \(ASIA\) credentials need their session token/);
  });

  it('tries regional hosts in turn and says revoked only when every one rejects', async () => {
    const datadogKey = 'a'.repeat(16) + '0123456789abcdef';
    const { sent, transport } = recordingTransport((request) => (request.url.hostname === 'api.datadoghq.eu' ? { status: 200, body: '{"valid":true}', json: { valid: true } } : { status: 403, body: '{}', json: {} }));
    const verification = await createVerifier({ transport, perHostIntervalMs: 0 }).verifyValues(rule('datadog.api-key'), { secret: datadogKey, partners: new Map() }, rules);
    expect(verification.status).toBe('live');
    expect(sent.map((request) => request.url.hostname)).toEqual(['api.datadoghq.com', 'api.datadoghq.eu']);
    const rejecting = recordingTransport(() => ({ status: 403, body: '{}', json: {} }));
    const revoked = await createVerifier({ transport: rejecting.transport, perHostIntervalMs: 0 }).verifyValues(rule('datadog.api-key'), { secret: datadogKey, partners: new Map() }, rules);
    expect(revoked.status).toBe('revoked');
    expect(rejecting.sent).toHaveLength(5);
  });

  it('says unknown, without a request, when the partner is missing', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, body: '{}' }));
    const findings = [findingOf('alpaca.secret-key', alpacaSecret)];
    await createVerifier({ transport }).verifyFindings(findings, rules);
    expect(sent).toHaveLength(0);
    expect(findings[0]?.verification).toMatchObject({ status: 'unknown', detail: expect.stringMatching(/needs its alpaca\.api-key-id/) });
  });

  it('turns a network failure into unknown and never puts the value in the detail', async () => {
    const transport = async (): Promise<HttpResponse> => {
      throw new Error(`socket hang up while sending ${stripeKey}`);
    };
    const findings = [findingOf('stripe.secret-key', stripeKey)];
    await createVerifier({ transport }).verifyFindings(findings, rules);
    expect(findings[0]?.verification?.status).toBe('unknown');
    expect(findings[0]?.verification?.detail).toBe('no answer from api.stripe.com: network error');
  });

  it('leaves findings of rules without a verifier alone', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, body: '{}' }));
    const findings = [findingOf('generic.password-assignment', 'hunter2hunter2')];
    await createVerifier({ transport }).verifyFindings(findings, rules);
    expect(sent).toHaveLength(0);
    expect(findings[0]?.verification).toBeUndefined();
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const transport = async (): Promise<HttpResponse> => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return { status: 200, body: '{}' };
    };
    const keys = Array.from({ length: 8 }, (_, i) => `${stripeKey.slice(0, -1)}${i}`);
    await createVerifier({ transport, concurrency: 2, perHostIntervalMs: 0 }).verifyFindings(
      keys.map((key, i) => findingOf('stripe.secret-key', key, `f${i}`)),
      rules,
    );
    expect(most).toBe(2);
  });
});
