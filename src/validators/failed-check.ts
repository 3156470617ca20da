import { INVALID, type Validator, type Verdict } from './types.js';

/** What a rule reports when a format check fails: the value has the format's shape, so it stays, at low. */
const FAILED_CHECK: Verdict = { isValid: true, severity: 'low' };

/**
 * The inverse of an offline check, for a rule that reports the values the check rejects: a token in a
 * provider's exact format whose checksum or structure is wrong was typed out, altered or truncated.
 * It cannot authenticate as it stands, but it shows where a credential was pasted (often a real one
 * with a character changed) and it is a test or documentation credential in its own right, so it is
 * kept at low severity instead of vanishing. Values the check accepts are left to the rule that
 * reports them at full severity.
 */
export function failedCheck(check: Validator): Validator {
  return (secret) => (check(secret).isValid ? INVALID : FAILED_CHECK);
}
