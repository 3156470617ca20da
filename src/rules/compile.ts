import { createHash } from 'node:crypto';
import { VALIDATOR_NAMES } from '../validators/index.js';
import { DEFAULT_SEVERITY_BY_PATH, pathClassMatcher, type PathClassName } from './path-classes.js';
import { compilePathPatterns, memoizeByPath } from './path-glob.js';
import type { ProviderSpec, Rule, RuleSpec } from './types.js';

const UNICODE_ONLY_SYNTAX = /\\[pP]\{|\(\?[imsx-]+[:)]/;

/** The grading of a rule without `severityByPath` entries of its own: the default class entries only. */
function defaultSeverityFor(path: string): RuleSpec['severity'] | undefined {
  return DEFAULT_SEVERITY_BY_PATH.find((entry) => pathClassMatcher(entry.class as PathClassName)(path))?.severity;
}

/** Compiles a validated spec; returns the rule or the problems (each `file: rule-id: what`). */
export function compileRule(spec: RuleSpec, provider: ProviderSpec, file: string): { rule?: Rule; problems: string[] } {
  const problems: string[] = [];
  const where = `${file}: ${spec.id}`;
  const flags = `gd${spec.ignoreCase === true ? 'i' : ''}`;
  let regex: RegExp | undefined;
  try {
    regex = new RegExp(spec.pattern, flags);
  } catch (error) {
    const hint = UNICODE_ONLY_SYNTAX.test(spec.pattern) ? ' (hint: JavaScript has no inline flags or \\p{..} without `u`; use ignoreCase: true)' : '';
    problems.push(`${where}: pattern does not compile: ${error instanceof Error ? error.message : String(error)}${hint}`);
  }
  for (const name of spec.validators ?? []) {
    if (!VALIDATOR_NAMES.includes(name)) problems.push(`${where}: unknown validator \`${name}\` (known: ${VALIDATOR_NAMES.join(', ')})`);
  }
  for (const keyword of spec.keywords) {
    if (!/^[\x20-\x7e]+$/.test(keyword)) problems.push(`${where}: keyword \`${keyword}\` must be printable ASCII`);
  }
  if (regex === undefined || problems.length > 0) return { problems };
  const matchesPath = spec.paths === undefined ? () => true : compilePathPatterns(spec.paths);
  const structuralId = createHash('sha256').update(`${flags}\0${spec.pattern}`).digest('hex').slice(0, 12);
  const keywords = [...new Set(spec.keywords.map((k) => k.toLowerCase()))];
  const rule: Rule = { spec, provider, file, regex, keywords, matchesPath, structuralId };
  if (spec.severityByPath === undefined) rule.severityFor = defaultSeverityFor;
  else {
    const graded = [...spec.severityByPath, ...DEFAULT_SEVERITY_BY_PATH].map((entry) => ({
      matches: entry.class !== undefined ? pathClassMatcher(entry.class) : compilePathPatterns(entry.paths ?? []),
      severity: entry.severity,
    }));
    rule.severityFor = memoizeByPath((path) => graded.find((entry) => entry.matches(path))?.severity);
  }
  if (spec.startsWithKeyword === true) {
    rule.stickyRegex = new RegExp(spec.pattern, flags.replace('g', 'y'));
    rule.stickyProbe = new RegExp(spec.pattern, flags.replace('g', 'y').replace('d', ''));
  }
  return { rule, problems };
}
