import { describe, expect, it } from 'vitest';
import { fallbackRemediation, remediationFor } from '../../src/remediation/index.js';
import { SAMPLE_RULES } from '../helpers/sample-result.js';

function rule(id: string) {
  const found = SAMPLE_RULES.find((candidate) => candidate.spec.id === id);
  if (found === undefined) throw new Error(`no sample rule ${id}`);
  return found;
}

describe('remediationFor', () => {
  const plan = remediationFor(rule('stripe.secret-key'));

  it('orders the steps rotate, relocate, purge, verify', () => {
    expect(plan.steps.map((step) => step.kind)).toEqual(['rotate', 'relocate', 'purge', 'verify']);
    expect(plan).toMatchObject({ ruleId: 'stripe.secret-key', ruleName: 'Stripe secret key', providerName: 'Stripe' });
  });

  it('rotates first at the provider, with its URL and steps, and says why history rewriting is not enough', () => {
    const [rotate] = plan.steps;
    expect(rotate?.title).toBe('Rotate or revoke the credential at Stripe first');
    expect(rotate?.url).toBe('https://dashboard.stripe.com/apikeys');
    expect(rotate?.actions.slice(0, 2)).toEqual(['Roll the key in the dashboard', 'Deploy the new key everywhere it is used']);
    expect(rotate?.why).toMatch(/does not un-leak a secret that was pushed/);
  });

  it('moves the value to an environment variable, a _FILE mount or a secret manager', () => {
    const text = plan.steps[1]?.actions.join('\n') ?? '';
    expect(text).toContain('`STRIPE_SECRET_KEY`');
    expect(text).toContain('`STRIPE_SECRET_KEY_FILE`');
    expect(text).toMatch(/Vault/);
    expect(text).toMatch(/AWS Secrets Manager/);
  });

  it('purges with git filter-repo (replace-text or invert-paths), force-pushes, and mentions BFG, host caches and re-clones', () => {
    const purge = plan.steps[2];
    expect(purge?.commands).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^git filter-repo --replace-text \S*replacements\.txt/),
        expect.stringMatching(/^git filter-repo --invert-paths --path FILE/),
        'git push --force --all origin',
        'git push --force --tags origin',
      ]),
    );
    const actions = purge?.actions.join('\n') ?? '';
    expect(actions).toMatch(/bfg --replace-text/);
    expect(actions).toMatch(/cached views and pull-request refs/);
    expect(actions).toMatch(/re-clone/);
  });

  it('verifies with a history scan', () => {
    expect(plan.steps[3]?.commands).toEqual(['secretscan scan --history']);
  });

  it('does not name "Generic" as a provider', () => {
    const generic = remediationFor(rule('generic.password-assignment'));
    expect(generic.steps[0]?.title).toBe('Rotate or revoke the credential first, wherever it is accepted');
    expect(generic.steps[1]?.actions[0]).toContain('`APP_SECRET`');
  });
});

describe('fallbackRemediation', () => {
  it('gives the same four steps without a provider page', () => {
    const plan = fallbackRemediation('legacy.api-token', 'Legacy API token');
    expect(plan.steps.map((step) => step.kind)).toEqual(['rotate', 'relocate', 'purge', 'verify']);
    expect(plan.steps[0]?.url).toBeUndefined();
    expect(plan.providerName).toBe('the provider');
    expect(plan.steps[1]?.actions[0]).toContain('`LEGACY_API_TOKEN`');
  });
});
