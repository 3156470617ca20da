import { describe, expect, it } from 'vitest';
import { validateEncodedCredential } from '../../src/validators/encoded-credential.js';

const encode = (text: string): string => Buffer.from(text, 'latin1').toString('base64');

describe('encoded-credential', () => {
  it('keeps base64 of user:password, also with a few bytes altered by hand', () => {
    expect(validateEncodedCredential(encode('svc-metrics:Qm7vXk2pL9sT4w')).isValid).toBe(true);
    expect(validateEncodedCredential(encode('deploy@acme.test:hV3nWq8L\xfer2Zx')).isValid).toBe(true);
  });

  it('drops placeholder pairs, short passwords, text without a user part and random bytes', () => {
    for (const text of ['ci-bot:password', 'ci-bot:abc', 'just some words here', ':Qm7vXk2pL9sT4w', 'a b:Qm7vXk2pL9sT4w']) {
      expect(validateEncodedCredential(encode(text)).isValid, text).toBe(false);
    }
    expect(validateEncodedCredential(encode('ci:\x01\x02\x03\x04\x05\x06\x07\x08')).isValid).toBe(false);
    expect(validateEncodedCredential('not base64 at all!').isValid).toBe(false);
  });
});
