import { describe, expect, it } from 'vitest';
import { lineColumnsOfBytes, printableRuns } from '../../src/engine/printable-runs.js';

describe('printableRuns', () => {
  it('keeps ASCII runs of at least 8 printable characters (tab included), with their byte offsets', () => {
    const bytes = Buffer.concat([Buffer.from([0, 1]), Buffer.from('short\0'), Buffer.from('long\tenough\0'), Buffer.from('exactly8\nnext line here')]);
    expect(printableRuns(bytes)).toEqual([
      { offset: 8, text: 'long\tenough', unit: 1 },
      { offset: 20, text: 'exactly8', unit: 1 },
      { offset: 29, text: 'next line here', unit: 1 },
    ]);
  });

  it('keeps UTF-16LE runs at even and odd offsets', () => {
    const even = Buffer.concat([Buffer.from([0xff, 0xff]), Buffer.from('wide string', 'utf16le'), Buffer.from([0xff])]);
    expect(printableRuns(even)).toEqual([{ offset: 2, text: 'wide string', unit: 2 }]);
    const odd = Buffer.concat([Buffer.from([0xff]), Buffer.from('odd aligned', 'utf16le'), Buffer.from([0xff])]);
    expect(printableRuns(odd)).toEqual([{ offset: 1, text: 'odd aligned', unit: 2 }]);
    expect(printableRuns(Buffer.from('tiny', 'utf16le'))).toEqual([]);
  });
});

describe('lineColumnsOfBytes', () => {
  it('counts line feeds before each offset and bytes since the last one', () => {
    const places = lineColumnsOfBytes(Buffer.from('ab\ncd\n\nef'), [0, 4, 8]);
    expect([...places]).toEqual([
      [0, { line: 1, column: 1 }],
      [4, { line: 2, column: 2 }],
      [8, { line: 4, column: 2 }],
    ]);
  });
});
