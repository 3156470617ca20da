import { INVALID, VALID, type Verdict } from './types.js';

/** Passwords that stand for a password in a `user:password` pair (compared lower-cased). */
const PLACEHOLDER_PASSWORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'token', 'xxx', 'xxxx']);

/**
 * The value of an `auth` field is base64 of `user:password`: the user part is printable text
 * without a colon, and at least six characters follow the colon. A few bytes of the password may
 * be outside printable ASCII (a value altered by hand, a binary secret); random base64 decodes to
 * mostly unprintable bytes and to no `user:` prefix.
 */
export function validateEncodedCredential(secret: string): Verdict {
  if (!/^[A-Za-z0-9+/]{12,512}={0,2}$/.test(secret)) return INVALID;
  const decoded = Buffer.from(secret, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  if (colon < 1 || colon > 128 || !/^[\x21-\x39\x3b-\x7e]+$/.test(decoded.slice(0, colon))) return INVALID;
  const password = decoded.slice(colon + 1);
  if (password.length < 6 || PLACEHOLDER_PASSWORDS.has(password.toLowerCase())) return INVALID;
  const printable = password.replace(/[^\x20-\x7e]/g, '').length;
  return printable >= password.length * 0.8 ? VALID : INVALID;
}
