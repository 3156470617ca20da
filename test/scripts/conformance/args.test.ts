import { describe, expect, it } from 'vitest';
import { parseConformanceArgs } from '../../../scripts/conformance/args.js';

describe('parseConformanceArgs', () => {
  it('takes one file, --json and --misses N (default 50)', () => {
    expect(parseConformanceArgs(['c.jsonl'])).toEqual({ file: 'c.jsonl', isJson: false, listLimit: 50 });
    expect(parseConformanceArgs(['--json', 'c.jsonl', '--misses', '5'])).toEqual({ file: 'c.jsonl', isJson: true, listLimit: 5 });
    expect(parseConformanceArgs(['--misses=0', 'c.jsonl'])).toMatchObject({ listLimit: 0 });
  });

  it.each([[[]], [['a', 'b']], [['a', '--misses']], [['a', '--misses', 'x']], [['a', '--verbose']]])('rejects %j', (argv) => {
    expect(parseConformanceArgs(argv)).toHaveProperty('error');
  });
});
