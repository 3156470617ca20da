import { SEVERITIES } from '../findings/index.js';
import { isPathClassName, PATH_CLASSES } from './path-classes.js';
import type { ProviderSpec, RulePack, RuleSpec } from './types.js';
import type { YamlDocument } from './yaml-document.js';
import { type DocumentPath, isRecord, isStringList, ProblemList, unknownKeysOf } from '../document-shape.js';

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PROVIDER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PACK_KEYS = new Set(['provider', 'rules']);
const RULE_KEYS = new Set([
  'id',
  'name',
  'description',
  'severity',
  'pattern',
  'ignoreCase',
  'keywords',
  'entropy',
  'validators',
  'paths',
  'severityByPath',
  'decoder',
  'multiline',
  'startsWithKeyword',
  'references',
  'tags',
  'examples',
  'negativeExamples',
  'verify',
]);

function checkProvider(raw: unknown, problems: ProblemList): ProviderSpec | undefined {
  if (!isRecord(raw)) {
    problems.add(['provider'], 'provider', 'missing `provider:` block (id, name, remediation)');
    return undefined;
  }
  const before = problems.items.length;
  if (typeof raw.id !== 'string' || !PROVIDER_ID.test(raw.id)) problems.add(['provider', 'id'], 'provider', '`id` must be lower-case letters, digits and hyphens');
  if (typeof raw.name !== 'string' || raw.name.trim() === '') problems.add(['provider', 'name'], 'provider', '`name` must be a non-empty string');
  const remediation = raw.remediation;
  if (!isRecord(remediation)) {
    problems.add(['provider', 'remediation'], 'provider', 'missing `remediation:` with `rotateUrl` and `steps`');
  } else {
    if (typeof remediation.rotateUrl !== 'string' || !/^https:\/\/\S+$/.test(remediation.rotateUrl)) {
      problems.add(['provider', 'remediation', 'rotateUrl'], 'provider', '`remediation.rotateUrl` must be an https URL of the page where the key is rotated');
    }
    if (!isStringList(remediation.steps)) {
      problems.add(['provider', 'remediation', 'steps'], 'provider', '`remediation.steps` must be a non-empty list of strings');
    }
  }
  return problems.items.length === before ? (raw as unknown as ProviderSpec) : undefined;
}

function checkRuleFields(raw: Record<string, unknown>, subject: string, problems: ProblemList, at: DocumentPath): void {
  for (const key of unknownKeysOf(raw, RULE_KEYS)) problems.add([...at, key], subject, `unknown field \`${key}\``);
  for (const key of ['name', 'description'] as const) {
    if (typeof raw[key] !== 'string' || (raw[key] as string).trim() === '') problems.add([...at, key], subject, `\`${key}\` must be a non-empty string`);
  }
  if (Array.isArray(raw.pattern) && isStringList(raw.pattern)) {
    // A list of parts is joined without separators: it lets long patterns carry a YAML comment per part.
    raw.pattern = raw.pattern.join('');
  } else if (typeof raw.pattern !== 'string' || raw.pattern.trim() === '') {
    problems.add([...at, 'pattern'], subject, '`pattern` must be a non-empty string or a list of strings');
  }
  if (!SEVERITIES.includes(raw.severity as never)) problems.add([...at, 'severity'], subject, '`severity` must be high, medium or low');
  if (!isStringList(raw.keywords)) problems.add([...at, 'keywords'], subject, '`keywords` must be a non-empty list of strings');
  for (const key of ['references', 'tags', 'negativeExamples'] as const) {
    if (!isStringList(raw[key])) problems.add([...at, key], subject, `\`${key}\` must be a non-empty list of strings`);
  }
  if (!isStringList(raw.examples) || raw.examples.length < 2) problems.add([...at, 'examples'], subject, '`examples` must list at least two strings');
  for (const key of ['validators', 'paths'] as const) {
    if (raw[key] !== undefined && !isStringList(raw[key])) problems.add([...at, key], subject, `\`${key}\` must be a non-empty list of strings`);
  }
  if (raw.decoder !== undefined && raw.decoder !== 'kubernetes-secret') problems.add([...at, 'decoder'], subject, '`decoder` must be kubernetes-secret');
  if (raw.severityByPath !== undefined) {
    const entries = raw.severityByPath;
    const isValid =
      Array.isArray(entries) &&
      entries.length > 0 &&
      entries.every(
        (entry: unknown) =>
          isRecord(entry) &&
          (entry.paths === undefined) !== (entry.class === undefined) &&
          (entry.paths === undefined || isStringList(entry.paths)) &&
          (entry.class === undefined || isPathClassName(entry.class)) &&
          SEVERITIES.includes(entry.severity as never) &&
          Object.keys(entry).every((k) => k === 'paths' || k === 'class' || k === 'severity'),
      );
    const classes = Object.keys(PATH_CLASSES).join(', ');
    if (!isValid) problems.add([...at, 'severityByPath'], subject, `\`severityByPath\` must be a non-empty list of { paths: [globs] or class: ${classes}, severity: high|medium|low }`);
  }
  for (const key of ['ignoreCase', 'multiline', 'startsWithKeyword'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') problems.add([...at, key], subject, `\`${key}\` must be true or false`);
  }
  if (raw.verify !== undefined && !isRecord(raw.verify)) problems.add([...at, 'verify'], subject, '`verify` must be a mapping (see README "Live verification")');
  if (raw.entropy !== undefined && (typeof raw.entropy !== 'number' || raw.entropy < 0 || raw.entropy > 8)) {
    problems.add([...at, 'entropy'], subject, '`entropy` must be a number of bits per character between 0 and 8');
  }
}

function checkRules(raw: unknown, providerId: string | undefined, problems: ProblemList): RuleSpec[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(['rules'], 'rules', '`rules:` must be a non-empty list');
    return [];
  }
  const rules: RuleSpec[] = [];
  const seen = new Set<unknown>();
  raw.forEach((entry: unknown, index) => {
    const at: DocumentPath = ['rules', index];
    if (!isRecord(entry)) {
      problems.add(at, `rules[${index}]`, 'each rule must be a mapping');
      return;
    }
    const subject = typeof entry.id === 'string' ? entry.id : `rules[${index}]`;
    const before = problems.items.length;
    if (typeof entry.id !== 'string' || !RULE_ID.test(entry.id)) {
      problems.add([...at, 'id'], subject, '`id` must look like `provider.kind` (lower case, hyphens inside parts)');
    } else if (providerId !== undefined && !entry.id.startsWith(`${providerId}.`)) {
      problems.add([...at, 'id'], subject, `\`id\` must start with the pack's provider id \`${providerId}.\``);
    }
    if (seen.has(entry.id)) problems.add([...at, 'id'], subject, 'duplicate rule id in this pack');
    seen.add(entry.id);
    checkRuleFields(entry, subject, problems, at);
    if (problems.items.length === before) rules.push(entry as unknown as RuleSpec);
  });
  return rules;
}

/**
 * Checks the shape of one parsed pack. Returns every problem found and, when the provider block
 * is valid, the pack with its well-formed rules, so that later checks (compiling, examples) still
 * run on those and all problems are reported at once. `base` locates the pack inside its document.
 */
export function validatePack(value: unknown, file: string, doc: Pick<YamlDocument, 'lineOf'>, base: DocumentPath = []): { pack?: RulePack; problems: string[] } {
  const problems = new ProblemList(file, doc.lineOf, base);
  if (!isRecord(value)) {
    problems.add([], 'pack', 'a rule pack must be a mapping with `provider:` and `rules:`');
    return { problems: problems.items };
  }
  for (const key of unknownKeysOf(value, PACK_KEYS)) problems.add([key], 'pack', `unknown top-level field \`${key}\``);
  const provider = checkProvider(value.provider, problems);
  const providerId = isRecord(value.provider) && typeof value.provider.id === 'string' ? value.provider.id : undefined;
  const rules = checkRules(value.rules, providerId, problems);
  if (provider === undefined) return { problems: problems.items };
  return { pack: { file, provider, rules }, problems: problems.items };
}
