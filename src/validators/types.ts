import type { Severity } from '../findings/index.js';

/** A validator's answer: reject the match, or keep it (optionally at another severity). */
export type Verdict = { isValid: false } | { isValid: true; severity?: Severity };

/** An offline check of a candidate secret. It may only reject or re-grade, never add matches. */
export type Validator = (secret: string) => Verdict;

export const VALID: Verdict = { isValid: true };
export const INVALID: Verdict = { isValid: false };
