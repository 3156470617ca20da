import { describe, expect, it } from 'vitest';
import { formatPlanMarkdown, remediationFor, remediationMarkdown, remediationText } from '../../src/remediation/index.js';
import { makeRule, SAMPLE_RULES } from '../helpers/sample-result.js';

const stripe = SAMPLE_RULES[0];
if (stripe === undefined) throw new Error('no sample rule');

describe('remediationText', () => {
  const text = remediationText(stripe);

  it('titles the plan and numbers the steps in order', () => {
    expect(text.startsWith('How to fix Stripe secret key (stripe.secret-key):\n1. Rotate or revoke the credential at Stripe first.\n')).toBe(true);
    const numbered = text
      .split('\n')
      .filter((line) => /^\d\. /.test(line))
      .map((line) => line.slice(0, 2));
    expect(numbered).toEqual(['1.', '2.', '3.', '4.']);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shows the rotation page and commands prefixed with $', () => {
    expect(text).toContain('   Open https://dashboard.stripe.com/apikeys\n');
    expect(text).toContain('   $ secretscan scan --history\n');
  });
});

describe('remediationMarkdown', () => {
  const markdown = remediationMarkdown(stripe);

  it('is a numbered list with bold step titles, an autolink and sh code blocks', () => {
    expect(markdown.startsWith('1. **Rotate or revoke the credential at Stripe first.** ')).toBe(true);
    expect(markdown).toContain('   Open <https://dashboard.stripe.com/apikeys>');
    expect(markdown).toContain('   ```sh\n   git filter-repo --replace-text ../replacements.txt');
    expect(markdown).toContain('4. **Verify that no copy is left.**');
  });

  it('renders backtick-marked code as code spans and keeps identifiers readable', () => {
    expect(markdown).toContain('`STRIPE_SECRET_KEY_FILE`');
    expect(markdown).toContain('`VALUE==>REMOVED`');
    expect(markdown).not.toContain('\\_');
  });

  it('escapes provider text from rule packs, so it cannot inject HTML, links or emphasis', () => {
    const hostile = makeRule(
      { id: 'evil.token', name: 'Evil token', severity: 'high' },
      {
        id: 'evil',
        name: 'Evil',
        remediation: { rotateUrl: 'https://example.com/rotate', steps: ['<script>x</script> [click](https://x.test) *now* _please_', 'run `evil --revoke`'] },
      },
    );
    const output = formatPlanMarkdown(remediationFor(hostile));
    expect(output).toContain('- &lt;script>x&lt;/script> \\[click\\](https://x.test) \\*now\\* \\_please\\_');
    expect(output).toContain('- run `evil --revoke`');
    expect(output).not.toContain('<script>');
  });
});
