// `v1:` or `v2:` and 32 lower-case hex characters: what fingerprintOf in src/findings produces.
const FINGERPRINT = /^v[12]:[0-9a-f]{32}$/;

/** What a malformed fingerprint is told to look like, in error messages. */
export const FINGERPRINT_SHAPE = 'v1: or v2: followed by 32 lower-case hex characters';

/** Whether `text` is a finding fingerprint (`v1:` or `v2:` + 32 lower-case hex characters). */
export function isFingerprint(text: string): boolean {
  return FINGERPRINT.test(text);
}
