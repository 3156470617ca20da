import { INVALID, VALID, type Verdict } from './types.js';

/** Stripe test-mode keys move no money: keep them, but at medium. */
export function gradeStripeMode(secret: string): Verdict {
  return /(?:^|_)test_/.test(secret) ? { isValid: true, severity: 'medium' } : VALID;
}

/** Alpaca `PK…` key ids belong to paper-trading accounts (medium); `AK…` ids trade real money. */
export function gradeAlpacaMode(secret: string): Verdict {
  return secret.startsWith('PK') ? { isValid: true, severity: 'medium' } : VALID;
}

/** AWS access key ids: a known four-letter prefix and 16 base32 characters. */
export function validateAwsKeyId(secret: string): Verdict {
  return /^(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}$/.test(secret) ? VALID : INVALID;
}
