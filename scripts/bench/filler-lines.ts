import type { Random } from './prng.js';

// Filler that looks like a real code base to the scanner: identifiers, prose, JSON, config lines
// (including key names such as TOKEN_TTL that trip keyword prefilters without being secrets), and
// now and then a very long minified or data line.

const WORDS = [
  'account',
  'active',
  'buffer',
  'cache',
  'client',
  'config',
  'context',
  'count',
  'data',
  'default',
  'delete',
  'error',
  'event',
  'field',
  'filter',
  'format',
  'handler',
  'index',
  'item',
  'key',
  'limit',
  'list',
  'load',
  'message',
  'model',
  'name',
  'node',
  'options',
  'order',
  'parse',
  'password',
  'path',
  'query',
  'record',
  'request',
  'response',
  'result',
  'retry',
  'route',
  'schema',
  'secret',
  'server',
  'session',
  'source',
  'state',
  'status',
  'stream',
  'target',
  'timeout',
  'token',
  'update',
  'user',
  'value',
  'version',
  'worker',
  'api',
  'auth',
  'build',
  'check',
  'create',
  'fetch',
  'render',
  'store',
];
const CONFIG_VALUES = ['true', 'false', '3600', '12', 'info', 'us-east-1', 'localhost', 'https://example.org/api', '/var/lib/app', 'utf-8'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The flavour of a generated file, which decides its mix of lines. */
export type FileFlavour = 'code' | 'json' | 'config' | 'prose';

function identifier(r: Random): string {
  const first = r.pick(WORDS);
  const second = r.pick(WORDS);
  return `${first}${second.charAt(0).toUpperCase()}${second.slice(1)}`;
}

function phrase(r: Random, words: number): string {
  return Array.from({ length: words }, () => r.pick(WORDS)).join(' ');
}

function codeLine(r: Random): string {
  const indent = ' '.repeat(2 * r.int(0, 4));
  switch (r.int(0, 5)) {
    case 0:
      return `${indent}const ${identifier(r)} = ${identifier(r)}(${identifier(r)}, '${phrase(r, 2)}', ${r.int(0, 9999)});`;
    case 1:
      return `${indent}if (${identifier(r)} && ${identifier(r)}.${r.pick(WORDS)} !== undefined) {`;
    case 2:
      return `${indent}// ${phrase(r, r.int(3, 12))}`;
    case 3:
      return `${indent}return ${identifier(r)}.${identifier(r)}(${r.pick(WORDS)});`;
    case 4:
      return `import { ${identifier(r)} } from './${r.pick(WORDS)}/${r.pick(WORDS)}.js';`;
    default:
      return `${indent}}`;
  }
}

function jsonLine(r: Random): string {
  return r.chance(0.5) ? `  "${identifier(r)}": "${phrase(r, r.int(1, 6))}",` : `  "${identifier(r)}": ${r.int(0, 100000)},`;
}

function configLine(r: Random): string {
  const key = `${r.pick(WORDS)}_${r.pick(WORDS)}`.toUpperCase();
  return r.chance(0.8) ? `${key}=${r.pick(CONFIG_VALUES)}` : `# ${phrase(r, r.int(2, 8))}`;
}

/** A minified-code or inline-data line of 2,000 to 20,000 characters, at most `budget`. */
function longLine(r: Random, budget: number): string {
  const length = r.int(2000, Math.min(20000, budget));
  if (r.chance(0.5)) return `data:application/octet-stream;base64,${r.chars(ALNUM, length)}`;
  let out = '';
  while (out.length < length) out += `var ${identifier(r)}=${r.int(0, 99)};function ${r.pick(WORDS)}(){return ${identifier(r)}}`;
  return out.slice(0, length);
}

/**
 * One filler line of the given flavour. About 1 in 400 lines is a long line, when at least 2,000
 * characters of the file's `budget` remain (so small files stay small).
 */
export function fillerLine(r: Random, flavour: FileFlavour, budget: number): string {
  if (r.chance(0.0025) && budget >= 2000) return longLine(r, budget);
  switch (flavour) {
    case 'code':
      return codeLine(r);
    case 'json':
      return jsonLine(r);
    case 'config':
      return configLine(r);
    default:
      return phrase(r, r.int(0, 16));
  }
}
