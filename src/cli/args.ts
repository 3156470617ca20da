import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

/** One command-line option, as help shows it and as the parser reads it. */
export interface OptionSpec {
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  description: string;
  /** Shown in help after the flag, e.g. FILE. */
  valueName?: string;
  /** Allowed values of a string option. */
  choices?: readonly string[];
  default?: string | boolean;
}

/** A command (or subcommand): its usage line, options, positionals and examples. */
export interface CommandSpec {
  usage: string;
  summary: string;
  options: readonly OptionSpec[];
  /** Positional arguments: described in help; `max` bounds how many are accepted. */
  positionals?: { description: string; max: number };
  examples?: readonly (readonly [string, string])[];
}

/** What a command's arguments parsed into. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** The options every command accepts. */
export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', type: 'boolean', description: 'show this help' };

function parseError(error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(message)?.[1] ?? message;
    return new UsageError(`Unknown argument: ${option}`, 'run `secretscan --help` for the options');
  }
  return new UsageError(message.split('\n')[0] ?? message, 'run `secretscan --help` for the options');
}

/**
 * Node's parser refuses a value that starts with a dash (`--threads -1`: "argument is ambiguous"),
 * so a negative number never reaches the option's own check, which says what is accepted. A
 * string option followed by something shaped like a number is joined into `--name=value`; any
 * other dash-led word stays an option, as the parser reads it.
 */
function joinDashValues(spec: CommandSpec, args: readonly string[]): string[] {
  const takesValue = new Set(spec.options.filter((o) => o.type === 'string').flatMap((o) => [`--${o.name}`, ...(o.short === undefined ? [] : [`-${o.short}`])]));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    if (takesValue.has(arg) && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${arg.startsWith('--') ? arg : `--${spec.options.find((o) => `-${o.short}` === arg)?.name ?? ''}`}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

/**
 * Parses `args` strictly against `spec` (Node's own parser): unknown options, a missing value,
 * a value outside `choices` and too many positionals are UsageErrors. Defaults are filled in.
 */
export function parseCommandArgs(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const options = Object.fromEntries([...spec.options, HELP_OPTION].map((o) => [o.name, { type: o.type, ...(o.short === undefined ? {} : { short: o.short }) }]));
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: joinDashValues(spec, args), options, strict: true, allowPositionals: true });
  } catch (error) {
    throw parseError(error);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const option of spec.options) {
    const value = parsed.values[option.name];
    const single = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof single === 'string' && option.choices !== undefined && !option.choices.includes(single)) {
      throw new UsageError(`--${option.name} ${single} is not one of: ${option.choices.join(', ')}`);
    }
    values[option.name] = single ?? option.default;
  }
  values.help = parsed.values.help === true;
  const max = spec.positionals?.max ?? 0;
  if (parsed.positionals.length > max) throw new UsageError(`unexpected argument: ${parsed.positionals[max] ?? ''}`, `usage: ${spec.usage}`);
  return { values, positionals: parsed.positionals };
}

/** Help text for a command: usage, summary, options with defaults and choices, examples. */
export function helpText(spec: CommandSpec): string {
  const rows = [...spec.options, HELP_OPTION].map((o) => {
    const flag = `${o.short === undefined ? '    ' : `-${o.short}, `}--${o.name}${o.valueName === undefined ? '' : ` ${o.valueName}`}`;
    const extra = [o.choices === undefined ? '' : `one of: ${o.choices.join(', ')}`, o.default === undefined || o.default === false ? '' : `default: ${String(o.default)}`].filter((part) => part !== '').join('; ');
    return [flag, `${o.description}${extra === '' ? '' : ` (${extra})`}`];
  });
  const width = Math.max(...rows.map(([flag]) => (flag ?? '').length));
  const lines = [`usage: ${spec.usage}`, '', spec.summary, ''];
  if (spec.positionals !== undefined) lines.push(spec.positionals.description, '');
  lines.push('options:', ...rows.map(([flag, text]) => `  ${(flag ?? '').padEnd(width)}  ${text ?? ''}`));
  if (spec.examples !== undefined && spec.examples.length > 0) {
    lines.push('', 'examples:', ...spec.examples.flatMap(([command, what]) => [`  ${command}`, `      ${what}`]));
  }
  return `${lines.join('\n')}\n`;
}
