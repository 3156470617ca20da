import { describe, expect, it } from 'vitest';
import { envNameFor } from '../../src/remediation/env-name.js';

describe('envNameFor', () => {
  it.each([
    ['stripe.secret-key', 'stripe', 'STRIPE_SECRET_KEY'],
    ['aws.access-key-id', 'aws', 'AWS_ACCESS_KEY_ID'],
    ['generic.password-assignment', 'generic', 'APP_SECRET'],
    ['1password.service-token', '1password', 'SECRET_1PASSWORD_SERVICE_TOKEN'],
  ])('%s -> %s', (ruleId, providerId, name) => {
    expect(envNameFor(ruleId, providerId)).toBe(name);
  });
});
