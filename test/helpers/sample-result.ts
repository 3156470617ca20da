import { fingerprintOf, redact, secretIdOf } from '../../src/findings/index.js';
import type { CommitInfo, Finding, Occurrence, ScanResult, Severity } from '../../src/findings/index.js';
import type { ReportContext } from '../../src/reporters/index.js';
import type { ProviderSpec, Rule, RuleSpec } from '../../src/rules/index.js';

// Raw values are assembled at run time so that this file never contains a provider-shaped token
// (our own self-scan and push protection would rightly flag one). None is a real credential.
const join = (...parts: string[]): string => parts.join('');

/**
 * A raw secret that goes only through `redactedContext` (the code path that builds `context`),
 * never into a Finding field. Reporter tests assert it appears in no output.
 */
export const PLANTED_SECRET = join('sk_', 'live_', 'PLANTED', 'notARealKey', '0123456789abcdef');

const AWS_KEY_ID = join('AKIA', 'Q2PLANTED', 'WXYZ7');
const PASSWORD = join('hunter', '2-', 'correct-horse');
const SENTRY_DSN_KEY = join('0f1e2d3c', '4b5a69788796a5b4c3d2e1f0');
const LEGACY_TOKEN = join('lgcy_', 'tok_', 'PLANTED42');
const SECOND_STRIPE = join('sk_', 'live_', 'SECOND', 'notARealKey', 'fedcba9876543210');
const THIRD_STRIPE = join('rk_', 'live_', 'THIRD', 'notARealKey', '00112233445566778899');

/** Every raw value used in the sample, for "appears nowhere" assertions. */
export const RAW_SECRETS: readonly string[] = [PLANTED_SECRET, AWS_KEY_ID, PASSWORD, SENTRY_DSN_KEY, LEGACY_TOKEN, SECOND_STRIPE, THIRD_STRIPE];

function provider(id: string, name: string, rotateUrl: string, steps: string[]): ProviderSpec {
  return { id, name, remediation: { rotateUrl, steps } };
}

/** A compiled Rule built by hand; the regex is trivial because reporters never run it. */
export function makeRule(spec: Partial<RuleSpec> & Pick<RuleSpec, 'id' | 'name' | 'severity'>, from: ProviderSpec): Rule {
  const full: RuleSpec = {
    description: `Finds ${spec.name} values.`,
    pattern: 'x',
    keywords: ['x'],
    references: [],
    tags: [],
    examples: [],
    negativeExamples: [],
    ...spec,
  };
  return { spec: full, provider: from, file: `rules/${from.id}.yaml`, regex: /x/dg, keywords: ['x'], matchesPath: () => true, structuralId: 'abc123' };
}

const STRIPE = provider('stripe', 'Stripe', 'https://dashboard.stripe.com/apikeys', ['Roll the key in the dashboard', 'Deploy the new key everywhere it is used']);
const AWS = provider('aws', 'AWS', 'https://console.aws.amazon.com/iam/home#/security_credentials', ['Create a new access key for the IAM user', 'Deactivate, then delete, the leaked access key']);
const GENERIC = provider('generic', 'Generic', 'https://owasp.org/www-community/vulnerabilities/Use_of_hard-coded_password', ['Change the password wherever it is accepted']);
const SENTRY = provider('sentry', 'Sentry', 'https://sentry.io/settings/projects/', ['Revoke the DSN key under Client Keys', 'Create a new client key']);
const NPM = provider('npm', 'npm', 'https://www.npmjs.com/settings/tokens', ['Delete the token']);

/** The rules loaded for the sample scan; `npm.access-token` never fires. */
export const SAMPLE_RULES: Rule[] = [
  makeRule({ id: 'stripe.secret-key', name: 'Stripe secret key', severity: 'high', tags: ['payment'], description: 'A Stripe live secret key (sk_live_ followed by at least 24 characters).' }, STRIPE),
  makeRule({ id: 'aws.access-key-id', name: 'AWS access key ID', severity: 'high', validators: ['aws-key-id'], tags: ['cloud'], description: 'An AWS access key ID (AKIA followed by 16 upper-case letters and digits).' }, AWS),
  makeRule({ id: 'generic.password-assignment', name: 'Password assignment', severity: 'medium', description: 'A literal assigned to a variable or key named like a password' }, GENERIC),
  makeRule({ id: 'sentry.dsn', name: 'Sentry DSN', severity: 'low' }, SENTRY),
  makeRule({ id: 'npm.access-token', name: 'npm access token', severity: 'high' }, NPM),
];

/** The context-building code path: the source line with every secret replaced by its preview. */
export function redactedContext(sourceLine: string, secrets: readonly string[]): string {
  return secrets.reduce((line, secret) => line.split(secret).join(redact(secret)), sourceLine);
}

interface FindingSpec {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  path: string;
  line: number;
  /** The raw source line; must contain `secret`. */
  source: string;
  secret: string;
  /** Other secrets on the same line, redacted in the context too. */
  alsoOnLine?: string[];
  commit?: CommitInfo;
  /** History scans: every place the secret appears, the finding's own included. */
  occurrences?: Occurrence[];
  isPresentAtHead?: boolean;
}

/**
 * Builds a Finding the way the engine does: offsets from the raw line, then only redacted text
 * kept. `showSecret` mimics `--show-secrets`, the one case in which `secret` is set.
 */
export function makeFinding(spec: FindingSpec, showSecret = false): Finding {
  const column = spec.source.indexOf(spec.secret) + 1;
  if (column === 0) throw new Error(`sample line for ${spec.ruleId} does not contain its secret`);
  const finding: Finding = {
    ruleId: spec.ruleId,
    ruleName: spec.ruleName,
    severity: spec.severity,
    path: spec.path,
    startLine: spec.line,
    startColumn: column,
    endLine: spec.line,
    endColumn: column + spec.secret.length,
    fingerprint: fingerprintOf(spec.ruleId, spec.path, spec.secret),
    secretId: secretIdOf(spec.ruleId, spec.secret),
    preview: redact(spec.secret),
    context: redactedContext(spec.source, [spec.secret, ...(spec.alsoOnLine ?? [])]),
    entropy: 4.25,
  };
  if (spec.commit !== undefined) finding.commit = spec.commit;
  if (spec.occurrences !== undefined) finding.occurrences = spec.occurrences;
  if (spec.isPresentAtHead !== undefined) finding.isPresentAtHead = spec.isPresentAtHead;
  if (showSecret) finding.secret = spec.secret;
  return finding;
}

const COMMIT_A: CommitInfo = { sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', author: 'Jane Doe <jane@example.com>', date: '2024-03-01T10:00:00Z' };
const COMMIT_B: CommitInfo = { sha: '0badc0de1234567890abcdef1234567890abcdef', author: 'Zoë Ünal <zoe@example.com>', date: '2024-05-17T08:30:00+02:00' };

// PLANTED_SECRET sits on this line but no finding is about it: it reaches the sample only through
// `redactedContext`, like a second secret on a line that the engine redacts in every context.
const stripeLine = `stripe.keys = { live: '${SECOND_STRIPE}', restricted: '${THIRD_STRIPE}', old: '${PLANTED_SECRET}' };`;

/** Findings across several rules, files with spaces and non-ASCII names, with and without commits. Deliberately unsorted. */
export function sampleFindings(showSecrets = false): Finding[] {
  const specs: FindingSpec[] = [
    { ruleId: 'sentry.dsn', ruleName: 'Sentry DSN', severity: 'low', path: 'src/app.ts', line: 3, source: `Sentry.init({ dsn: 'https://${SENTRY_DSN_KEY}@o1.ingest.sentry.io/42' });`, secret: SENTRY_DSN_KEY },
    { ruleId: 'stripe.secret-key', ruleName: 'Stripe secret key', severity: 'high', path: 'src/config.ts', line: 12, source: stripeLine, secret: THIRD_STRIPE, alsoOnLine: [SECOND_STRIPE, PLANTED_SECRET], commit: COMMIT_A },
    { ruleId: 'stripe.secret-key', ruleName: 'Stripe secret key', severity: 'high', path: 'src/config.ts', line: 12, source: stripeLine, secret: SECOND_STRIPE, alsoOnLine: [THIRD_STRIPE, PLANTED_SECRET], commit: COMMIT_A },
    { ruleId: 'aws.access-key-id', ruleName: 'AWS access key ID', severity: 'high', path: 'deploy/prod env/.env', line: 3, source: `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`, secret: AWS_KEY_ID, commit: COMMIT_B },
    { ruleId: 'generic.password-assignment', ruleName: 'Password assignment', severity: 'medium', path: 'docs/café/naïve notes.md', line: 7, source: `« café » password = "${PASSWORD}"`, secret: PASSWORD },
    { ruleId: 'legacy.api-token', ruleName: 'Legacy API token', severity: 'medium', path: 'src/config.ts', line: 30, source: `legacyToken: '${LEGACY_TOKEN}',`, secret: LEGACY_TOKEN, commit: COMMIT_B },
  ];
  return specs.map((spec) => makeFinding(spec, showSecrets));
}

/**
 * A rich result: findings, suppressions, skipped files of three kinds, a problem, and so a partial
 * scan. `showSecrets` sets `secret` on every finding, as `--show-secrets` does.
 */
export function sampleResult(showSecrets = false): ScanResult {
  return {
    findings: sampleFindings(showSecrets),
    suppressed: { inline: 2, allowlist: 1, paths: 3 },
    skipped: [
      { path: 'vendor/bundle.min.js', reason: 'too-large', size: 5242880 },
      { path: 'assets/logo.png', reason: 'binary', size: 20480 },
      { path: 'link-to-secrets', reason: 'symlink' },
    ],
    problems: [{ path: 'secrets/locked.txt', message: "EACCES: permission denied, open 'secrets/locked.txt'" }],
    stats: { chunks: 42, bytes: 123456, durationMs: 987 },
    isPartial: true,
  };
}

/** A clean, complete scan that still skipped one binary file. */
export function cleanResult(): ScanResult {
  return {
    findings: [],
    suppressed: { inline: 0, allowlist: 0, paths: 0 },
    skipped: [{ path: 'assets/logo.png', reason: 'binary', size: 20480 }],
    problems: [],
    stats: { chunks: 40, bytes: 100000, durationMs: 321 },
    isPartial: false,
  };
}

/**
 * Findings of a history scan. The Stripe key was introduced in COMMIT_A in src/config.ts, copied in
 * COMMIT_B to two more paths, and is still at HEAD; the AWS key was introduced in COMMIT_A, copied
 * once in COMMIT_B, and has been removed from HEAD. Occurrences are deliberately unsorted.
 */
export function historyFindings(showSecrets = false): Finding[] {
  const stripeSource = `export const stripeKey = '${SECOND_STRIPE}';`;
  const stripeColumn = stripeSource.indexOf(SECOND_STRIPE) + 1;
  const specs: FindingSpec[] = [
    {
      ruleId: 'stripe.secret-key',
      ruleName: 'Stripe secret key',
      severity: 'high',
      path: 'src/config.ts',
      line: 12,
      source: stripeSource,
      secret: SECOND_STRIPE,
      commit: COMMIT_A,
      isPresentAtHead: true,
      occurrences: [
        { path: 'docs/café/setup guide.md', startLine: 20, startColumn: 9, commit: COMMIT_B },
        { path: 'src/config.ts', startLine: 12, startColumn: stripeColumn, commit: COMMIT_A },
        { path: 'config/legacy.ts', startLine: 4, startColumn: stripeColumn, commit: COMMIT_B },
      ],
    },
    {
      ruleId: 'aws.access-key-id',
      ruleName: 'AWS access key ID',
      severity: 'high',
      path: 'deploy/prod env/.env',
      line: 3,
      source: `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`,
      secret: AWS_KEY_ID,
      commit: COMMIT_A,
      isPresentAtHead: false,
      occurrences: [
        { path: 'deploy/staging.env', startLine: 2, startColumn: 19, commit: COMMIT_B },
        { path: 'deploy/prod env/.env', startLine: 3, startColumn: 19, commit: COMMIT_A },
      ],
    },
  ];
  return specs.map((spec) => makeFinding(spec, showSecrets));
}

/** `finding` with `count` more places in history, at paths with brackets (`copies/[0].ts`), added by its own commit. */
export function withOtherPlaces(finding: Finding, count: number): Finding {
  const copies = Array.from({ length: count }, (_, index) => ({ path: `copies/[${index}].ts`, startLine: index + 1, startColumn: 5, commit: finding.commit }));
  return { ...finding, occurrences: [...(finding.occurrences ?? []), ...copies] };
}

/** A complete history scan of a shallow clone: two history findings, a notice and a skipped submodule. */
export function historyResult(showSecrets = false): ScanResult {
  return {
    findings: historyFindings(showSecrets),
    suppressed: { inline: 0, allowlist: 0, paths: 0 },
    skipped: [{ path: 'vendor/sdk', reason: 'submodule' }],
    problems: [],
    stats: { chunks: 57, bytes: 234567, durationMs: 1234 },
    isPartial: false,
    notices: ['This is a shallow clone: history covers 12 commits back to 2024-01-02.'],
  };
}

/** A fixed context, so goldens are stable: root `/repo`, version 1.2.3, a GitHub remote. */
export function sampleContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    toolName: 'secretscan',
    version: '1.2.3',
    informationUri: 'https://github.com/secretscan/secretscan',
    rules: SAMPLE_RULES,
    root: '/repo',
    useColor: false,
    vcs: { repositoryUri: 'https://github.com/acme/api', revisionId: 'c0ffee0000000000000000000000000000c0ffee', branch: 'main' },
    ...overrides,
  };
}

/** The sample result after `--verify`: one Stripe key live, one revoked, the AWS key id unknown. */
export function verifiedResult(): ScanResult {
  const result = sampleResult();
  const checkedAt = '2024-05-06T07:08:09.000Z';
  const [, live, revoked, aws] = result.findings;
  if (live !== undefined) live.verification = { status: 'live', checkedAt, detail: 'HTTP 200 from api.stripe.com: accepted' };
  if (revoked !== undefined) revoked.verification = { status: 'revoked', checkedAt, detail: 'HTTP 401 from api.stripe.com: rejected' };
  if (aws !== undefined) aws.verification = { status: 'unknown', checkedAt, detail: 'not checked: needs its aws.secret-access-key beside it, and none (or more than one) was found' };
  return result;
}
