import { parseArgs } from 'node:util';
import { parseSize } from '../config/index.js';
import { UsageError } from '../errors.js';

/** The scan settings the `args` input may change, in the pipeline's terms. */
export interface ScanArgs {
  maxFileSize?: number;
  threads?: number;
  timeoutSeconds?: number;
  shouldAuditGitignore?: boolean;
  shouldUseDefaultBaseline?: boolean;
}

const SUPPORTED = '--max-file-size SIZE, --threads N, --timeout SECONDS, --no-gitignore-audit, --no-baseline';

/**
 * Splits the `args` input into words the way a shell would quote them, and nothing more: single
 * quotes keep everything, double quotes and backslashes escape, whitespace separates. No variable,
 * glob, command or redirection is ever interpreted; there is no shell.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word = `${word ?? ''}${c}`;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) word = `${word ?? ''}${text[++i] as string}`;
      else word = `${word ?? ''}${c}`;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== undefined) throw new UsageError(`args: unterminated ${quote === "'" ? 'single' : 'double'} quote`, 'close the quote, or remove it');
  if (word !== undefined) words.push(word);
  return words;
}

function positiveNumber(flag: string, value: string | undefined, isInteger: boolean): number {
  const number = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(number) || number < 0 || (isInteger && !Number.isInteger(number)) || (!isInteger && number === 0)) {
    throw new UsageError(`args: ${flag} ${value ?? ''} is not a ${isInteger ? 'whole number' : 'positive number'}`);
  }
  return number;
}

/**
 * The `args` input: further `scan` flags, parsed without a shell (see splitWords). Only flags that
 * tune the scan are accepted; what to scan, where reports go and whether secrets are shown are the
 * action's inputs, so a flag such as `--show-secrets`, `--output` or `--range` is refused (exit 2).
 */
export function parseScanArgs(text: string): ScanArgs {
  const words = splitWords(text);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: words,
      strict: true,
      allowPositionals: false,
      options: {
        'max-file-size': { type: 'string' },
        threads: { type: 'string' },
        timeout: { type: 'string' },
        'no-gitignore-audit': { type: 'boolean' },
        'no-baseline': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(`args: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, `the args input takes only ${SUPPORTED}; the other settings are the action's own inputs`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const args: ScanArgs = {};
  if (typeof values['max-file-size'] === 'string') {
    const size = parseSize(values['max-file-size']);
    if (size === undefined) throw new UsageError(`args: --max-file-size ${values['max-file-size']} is not a size`, 'use bytes or a unit, e.g. 2MiB');
    args.maxFileSize = size;
  }
  if (typeof values.threads === 'string') args.threads = positiveNumber('--threads', values.threads, true);
  if (typeof values.timeout === 'string') args.timeoutSeconds = positiveNumber('--timeout', values.timeout, false);
  if (values['no-gitignore-audit'] === true) args.shouldAuditGitignore = false;
  if (values['no-baseline'] === true) args.shouldUseDefaultBaseline = false;
  return args;
}
