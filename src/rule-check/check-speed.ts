import { ruleLineFinder } from './speed/rule-line.js';
import { GROWTH_LIMIT, isSuperLinear, LARGE_INPUT, MAX_HANG_MS, MEDIUM_GROWTH_LIMIT, MEDIUM_INPUT, SMALL_INPUT } from './speed/speed-limits.js';
import { timeRules, type HungRun, type RuleTimes, type ShapeTime } from './speed/speed-pool.js';
import type { TimedKind } from './speed/speed-protocol.js';
import type { Rule } from '../rules/index.js';

const HINT = '(hint: bound repetitions, e.g. {20,64} instead of +, and avoid nested or adjacent quantifiers over the same characters)';

const KIND_LABEL: Record<TimedKind, string> = { regex: 'the pattern', matcher: 'a scan with this rule' };

function sizeLabel(size: number): string {
  return size >= 1024 * 1024 ? `${(size / (1024 * 1024)).toFixed(size % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${Math.round(size / 1024)} KiB`;
}

const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;

function describeHang(hung: HungRun): string {
  const stopped = `${KIND_LABEL[hung.kind]} was stopped after ${hung.limitMs} ms on ${sizeLabel(hung.size)} of ${hung.shape}`;
  if (hung.smallMs === undefined) return `not linear: ${stopped}`;
  const small = `${sizeLabel(SMALL_INPUT)} took ${ms(hung.smallMs)}`;
  if (hung.limitMs >= MAX_HANG_MS) return `too slow: ${stopped} (${small})`;
  const limit = hung.size > MEDIUM_INPUT ? GROWTH_LIMIT : MEDIUM_GROWTH_LIMIT;
  return `not linear: ${stopped}; ${small} (more than ${limit}x the time for ${Math.round(hung.size / SMALL_INPUT)}x the input)`;
}

function describeGrowth(worst: ShapeTime, others: number): string {
  const large = worst.largeMs as number;
  const growth = Math.round(large / Math.max(worst.smallMs, 0.01));
  const more = others > 0 ? `; ${others} more input shape(s) grew too` : '';
  return (
    `not linear: ${KIND_LABEL[worst.kind]} took ${ms(worst.smallMs)} on ${sizeLabel(SMALL_INPUT)} and ${ms(large)} on ${sizeLabel(LARGE_INPUT)} of ${worst.shape}` +
    ` (${growth}x for ${LARGE_INPUT / SMALL_INPUT}x the input; the limit is ${GROWTH_LIMIT}x)${more}`
  );
}

/** What was slow for one rule, or undefined when it is linear on every shape. */
function verdictOf(times: RuleTimes): string | undefined {
  if (times.failure !== undefined) return `the timing check crashed: ${times.failure}`;
  if (times.hung !== undefined) return describeHang(times.hung);
  const grown = times.shapes.filter((s) => s.largeMs !== undefined && isSuperLinear(s.smallMs, s.largeMs));
  if (grown.length === 0) return undefined;
  const worst = grown.reduce((a, b) => ((b.largeMs as number) / b.smallMs > (a.largeMs as number) / a.smallMs ? b : a));
  return describeGrowth(worst, grown.length - 1);
}

/**
 * ReDoS guard: times every rule on adversarial inputs built from its own pattern (its keywords,
 * literals, examples and the classes it repeats), at 64 KiB and 1 MiB (256 KiB screens), both its regex alone and a
 * real scan with only the rule loaded. A rule fails when a run has to be stopped (see hangLimitOf)
 * or grows clearly super-linearly. One problem per failing rule: `file:line: rule-id: not linear: …`.
 * `cwd` resolves rule files for the line number.
 */
export async function checkRuleSpeed(rules: readonly Rule[], options: { cwd?: string | undefined } = {}): Promise<string[]> {
  if (rules.length === 0) return [];
  const times = await timeRules(rules);
  const lineOf = ruleLineFinder(options.cwd ?? '.');
  const problems: string[] = [];
  for (const [index, rule] of rules.entries()) {
    const verdict = verdictOf(times[index] as RuleTimes);
    if (verdict === undefined) continue;
    const line = await lineOf(rule.file, rule.spec.id);
    problems.push(`${rule.file}${line === undefined ? '' : `:${line}`}: ${rule.spec.id}: ${verdict} ${HINT}`);
  }
  return problems;
}
