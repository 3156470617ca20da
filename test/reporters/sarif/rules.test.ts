import { describe, expect, it } from 'vitest';
import { pascalCaseOf } from '../../../src/reporters/sarif/rules.js';

describe('pascalCaseOf', () => {
  it.each([
    ['stripe.secret-key', 'StripeSecretKey'],
    ['aws.access-key-id', 'AwsAccessKeyId'],
    ['generic.password-assignment', 'GenericPasswordAssignment'],
    ['github.pat-v2', 'GithubPatV2'],
  ])('%s -> %s', (id, name) => {
    expect(pascalCaseOf(id)).toBe(name);
  });
});
