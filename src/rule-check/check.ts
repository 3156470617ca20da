import { createMatcher } from '../engine/index.js';
import type { Finding } from '../findings/index.js';
import { checkRuleSpeed } from './check-speed.js';
import { exponentialBacktrackingProblem, globProblem, type Rule } from '../rules/index.js';

/** Runs `text` through the full matcher with only `rule` loaded, as a file named `example.txt`. */
export function scanExample(rule: Rule, text: string): Finding[] {
  return createMatcher([rule]).scanChunk({ origin: 'stdin', path: 'example.txt', text, startLine: 1 }).findings;
}

function checkExamples(rule: Rule): string[] {
  const where = `${rule.file}: ${rule.spec.id}`;
  const problems: string[] = [];
  // Checked here, not when compiling: running a regex compiles it, and scans compile lazily.
  rule.regex.lastIndex = 0;
  if (rule.regex.test('')) problems.push(`${where}: pattern matches the empty string`);
  rule.spec.examples.forEach((text, i) => {
    if (scanExample(rule, text).length === 0) problems.push(`${where}: examples[${i}] is not detected`);
    rule.regex.lastIndex = 0;
    // A decoder rule's pattern reads decoded values, not the example text.
    const direct = rule.spec.decoder === undefined ? text.matchAll(rule.regex) : [];
    for (const m of direct) {
      const matched = m[0].toLowerCase();
      if (!rule.keywords.some((k) => matched.includes(k))) {
        problems.push(`${where}: examples[${i}]: the match contains none of the keywords, so the prefilter would skip it`);
      } else if (rule.spec.startsWithKeyword === true && !rule.keywords.some((k) => matched.startsWith(k))) {
        problems.push(`${where}: examples[${i}]: the match does not start with a keyword, but the rule says startsWithKeyword`);
      }
    }
  });
  rule.spec.negativeExamples.forEach((text, i) => {
    if (scanExample(rule, text).length > 0) problems.push(`${where}: negativeExamples[${i}] is detected but must not be`);
  });
  return problems;
}

/**
 * What can be proved without running a rule: its pattern cannot backtrack exponentially (the
 * whole class, not only what the timing inputs happen to trigger), and its path globs match in
 * about linear time.
 */
function checkStatically(rule: Rule): string[] {
  const where = `${rule.file}: ${rule.spec.id}`;
  const problems: string[] = [];
  const slow = exponentialBacktrackingProblem(rule.regex.source, rule.regex.flags);
  if (slow !== undefined) problems.push(`${where}: not linear: the pattern ${slow}`);
  const globs = [...(rule.spec.paths ?? []), ...(rule.spec.severityByPath ?? []).flatMap((entry) => entry.paths ?? [])];
  for (const glob of globs) {
    const problem = globProblem(glob.replace(/^!/, ''));
    if (problem !== undefined) problems.push(`${where}: path pattern "${glob}": ${problem}`);
  }
  return problems;
}

/**
 * Every problem with the rules' patterns, examples and speed; empty when all rules pass. `cwd` is what rule
 * files are relative to (for line numbers in speed problems). Default: the process's.
 */
export async function checkRules(rules: readonly Rule[], options: { shouldTimeRules?: boolean; cwd?: string } = {}): Promise<string[]> {
  const problems: string[] = [];
  const runnable: Rule[] = [];
  for (const rule of rules) {
    const refused = checkStatically(rule);
    problems.push(...refused);
    // A refused pattern is never run, not even on its examples: a crafted example could hang here.
    if (refused.length === 0) runnable.push(rule);
  }
  problems.push(...runnable.flatMap(checkExamples));
  if (options.shouldTimeRules !== false) problems.push(...(await checkRuleSpeed(runnable, { cwd: options.cwd })));
  return problems;
}
