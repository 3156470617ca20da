// `v1:` and 32 lower-case hex characters: what fingerprintOf in src/findings produces.
const FINGERPRINT = /^v1:[0-9a-f]{32}$/;

/** What a malformed fingerprint is told to look like, in error messages. */
export const FINGERPRINT_SHAPE = 'v1: followed by 32 lower-case hex characters';

/** Whether `text` is a finding fingerprint (`v1:` + 32 lower-case hex characters). */
export function isFingerprint(text: string): boolean {
  return FINGERPRINT.test(text);
}
