import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/index.js';
import { buildRepositoryPlan, formatRepositoryPlanMarkdown, formatRepositoryPlanText, type PlanSecret, type SecretLocation } from '../../src/remediation/index.js';
import { SAMPLE_RULES } from '../helpers/sample-result.js';

function finding(path: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'stripe.secret-key',
    ruleName: 'Stripe secret key',
    severity: 'high',
    path,
    startLine: 3,
    startColumn: 7,
    endLine: 3,
    endColumn: 39,
    fingerprint: 'v1:f',
    secretId: 'v1:s',
    preview: 'sk_l…(32)',
    context: 'const stripeKey = "sk_l…(32)";',
    entropy: 4,
    ...extra,
  };
}

function location(extra: Partial<SecretLocation>): SecretLocation {
  return { place: 'pushed', isAtHead: true, isInWorkingTree: true, isStaged: false, paths: [], files: {}, commits: ['a'.repeat(40)], remoteRefs: ['upstream/main'], remotes: ['upstream'], ...extra };
}

const stripe = SAMPLE_RULES[0];

describe('buildRepositoryPlan', () => {
  it('writes one filter-repo run for every secret, `--path=` for a path that starts with a dash, and keeps every remote', () => {
    const inSource = finding('src/pay.js');
    const inFile = finding('-secrets/.env', { secretId: 'v1:t', context: 'STRIPE_KEY=sk_l…(32)' });
    const secrets: PlanSecret[] = [
      { finding: inSource, location: location({ paths: ['src/pay.js'], files: { 'src/pay.js': { kind: 'source', gitignore: [] } } }), ...(stripe === undefined ? {} : { rule: stripe }), head: [inSource], uncommitted: [] },
      { finding: inFile, location: location({ paths: ['-secrets/.env'], files: { '-secrets/.env': { kind: 'env', gitignore: ['.env'] } } }), head: [inFile], uncommitted: [] },
    ];
    // A remote name from the repository's config that a shell or git would read as an option is left out.
    const plan = buildRepositoryPlan(secrets, { command: 'secretscan', replacementsFile: '../r e p.txt' }, ['origin', 'upstream', '--upload-pack=touch${IFS}x', '2nd']);
    expect(plan.purge?.commands).toEqual([
      'git fetch --prune --tags 2nd',
      'git fetch --prune --tags origin',
      'git fetch --prune --tags upstream',
      'remote_2nd_url=$(git remote get-url 2nd)',
      'origin_url=$(git remote get-url origin)',
      'upstream_url=$(git remote get-url upstream)',
      "secretscan remediate --write-replacements '../r e p.txt' > /dev/null",
      "git filter-repo --force --replace-text '../r e p.txt' --invert-paths --path=-secrets/.env",
      "rm -f -- '../r e p.txt'",
      'git remote add -- 2nd "$remote_2nd_url"',
      'git remote add -- origin "$origin_url"',
      'git remote add -- upstream "$upstream_url"',
    ]);
    expect(plan.publish?.commands).toEqual(['git push --force --all upstream', 'git push --force --tags upstream']);
    expect(plan.fix.edits).toEqual([{ path: 'src/pay.js', line: 3, column: 7, ruleName: 'Stripe secret key', preview: 'sk_l…(32)', variable: 'stripeKey', envName: 'STRIPE_KEY', source: 'head' }]);
    expect(plan.fix.commands.slice(0, 3)).toEqual(['git rm --cached -- -secrets/.env', "printf '%s\\n' .env >> .gitignore", 'git add -- src/pay.js .gitignore']);
    // Each secret once in the checklist; the unloaded rule's secret under "Other credentials".
    expect(plan.rotate.groups.map((group) => [group.providerName, group.secrets.length])).toEqual([
      ['Other credentials', 1],
      ['Stripe', 1],
    ]);
  });

  it('renders the same plan as text and Markdown, in order, with a checklist per provider', () => {
    const only = finding('app.js');
    const plan = buildRepositoryPlan([{ finding: only, location: location({ paths: ['app.js'], files: {} }), ...(stripe === undefined ? {} : { rule: stripe }), head: [only], uncommitted: [] }], {
      command: 'npx secretscan',
      replacementsFile: '../x.txt',
    });
    const text = formatRepositoryPlanText(plan);
    expect(text.match(/^\d\. .*$/gm)?.map((line) => line.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(text).toContain('   Stripe: rotate at https://dashboard.stripe.com/apikeys\n     [ ] Stripe secret key `sk_l…(32)` (`stripe.secret-key`, high), pushed: seen at `app.js:3`\n');
    expect(text).toContain('   $ npx secretscan scan --history\n');
    const markdown = formatRepositoryPlanMarkdown(plan, 3);
    expect(markdown).toMatch(/^### Remediation plan\n/);
    expect(markdown).toContain('\n#### 1. Rotate every leaked credential first\n');
    expect(markdown).toContain('\n##### Stripe\n');
    expect(markdown).toContain('- [ ] Stripe secret key `sk_l…(32)`');
  });
});
