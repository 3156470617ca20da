import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/index.js';
import { loadBuiltinRules } from '../../src/rules/index.js';

const SEED = 20261122;
const { rules } = await loadBuiltinRules();
const matcher = createMatcher(rules, { shouldRevealSecrets: true });
const AWS_SECRET = ['Zq8vN2xR4tL7pW9sK3mB', '6yH1c/F5gJ0dA8eU2iO4'].join('');
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

// Pieces that exercise every decoder: escapes, %-signs, quotes, base64 runs (some encoding a
// secret), Kubernetes Secret structure, line breaks and non-ASCII text.
const piece = fc.oneof(
  fc.constantFrom('\\', '\\"', '\\n', '\\u00', '%', '%2F', '%25', '%zz', '"', "'", '\n', '\r\n', ' ', '=', ':', '.', 'é', '😀'),
  fc.constantFrom('kind: Secret\n', 'data:\n', '  password: ', '  blob: |\n    ', 'aws_secret_access_key=', '"private_key": "', 'password = '),
  fc.constantFrom(b64(`aws_secret_access_key=${AWS_SECRET}`), b64('password=hunter2x9'), b64('bar\n'), AWS_SECRET.replace('/', '%2F')),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='), maxLength: 40 }),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('decoding on arbitrary text', () => {
  it('never throws, places every finding inside the text, and decodes the secret it reports', () => {
    let decoded = 0;
    fc.assert(
      fc.property(text, (input) => {
        const lines = input.split('\n');
        for (const f of matcher.scanChunk({ origin: 'tree', path: 'k8s/any.yaml', text: input, startLine: 1 }).findings) {
          expect(f.startLine).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeGreaterThanOrEqual(f.startLine);
          expect(f.endLine).toBeLessThanOrEqual(lines.length);
          expect(f.startColumn).toBeGreaterThanOrEqual(1);
          if (f.startLine === f.endLine) expect(f.endColumn).toBeGreaterThan(f.startColumn);
          expect(f.secret?.length ?? 0).toBeGreaterThan(0);
          if (f.decodedFrom !== undefined) decoded++;
          // The context shows neither the decoded secret nor its encoded form.
          if ((f.secret?.length ?? 0) >= 8) expect(f.context).not.toContain(f.secret);
        }
      }),
      { numRuns: 400, seed: SEED },
    );
    // The generator reaches the decoders: some findings come from decoded text.
    expect(decoded).toBeGreaterThan(10);
  });
});
