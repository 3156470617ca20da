import { describe, expect, it } from 'vitest';
import { envNameFor, envNameForVariable, variableNameOf } from '../../src/remediation/env-name.js';

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

describe('envNameForVariable', () => {
  it.each([
    ['POSTGRES_PASSWORD', 'database.container-env-password', 'database', 'POSTGRES_PASSWORD'],
    ['uw_api_token', 'unusual-whales.api-token', 'unusual-whales', 'UW_API_TOKEN'],
    ['uwApiToken', 'unusual-whales.api-token', 'unusual-whales', 'UW_API_TOKEN'],
    ['spring.datasource.password', 'generic.password-assignment', 'generic', 'SPRING_DATASOURCE_PASSWORD'],
    ['key', 'stripe.secret-key', 'stripe', 'STRIPE_KEY'],
    ['password', 'generic.password-assignment', 'generic', 'APP_PASSWORD'],
    [undefined, 'stripe.secret-key', 'stripe', 'STRIPE_SECRET_KEY'],
  ])('%s (%s) -> %s', (variable, ruleId, providerId, name) => {
    expect(envNameForVariable(variable, ruleId, providerId)).toBe(name);
  });
});

describe('variableNameOf', () => {
  it.each([
    ['POSTGRES_PASSWORD: …(3)', '…(3)', 'POSTGRES_PASSWORD'],
    ['const uw_api_token = "0f8e…(36)";', '0f8e…(36)', 'uw_api_token'],
    ['{"apiKey": "sk_l…(32)"}', 'sk_l…(32)', 'apiKey'],
    ['DATABASE_URL="postgres://app:…(14)@db.internal:5432/app"', '…(14)', 'DATABASE_URL'],
    ['fetch(url, "sk_l…(32)")', 'sk_l…(32)', undefined],
  ])('%s -> %s', (context, preview, name) => {
    expect(variableNameOf({ context, preview })).toBe(name);
  });
});
