import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/engine/index.js';

describe('decodeText', () => {
  it('keeps the bytes of pure ASCII text so the keyword pass can run on them', () => {
    const decoded = decodeText(Buffer.from('KEY=abc\n'));
    expect(decoded).toEqual({ text: 'KEY=abc\n', utf8: { bytes: Buffer.from('KEY=abc\n'), isAscii: true } });
  });

  it('decodes UTF-8, dropping a BOM, and keeps the bytes after it', () => {
    expect(decodeText(Buffer.from('\ufeffclé'))).toEqual({ text: 'clé', utf8: { bytes: Buffer.from('clé'), isAscii: false } });
  });

  it('decodes UTF-16 with either byte-order mark', () => {
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hi', 'utf16le')]))).toEqual({ text: 'hi' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('hi', 'utf16le').swap16()]))).toEqual({ text: 'hi' });
  });

  it('calls a NUL in the first 8000 bytes binary, and one after it text', () => {
    expect(decodeText(Buffer.from([65, 0, 66]))).toEqual({ isBinary: true });
    const late = Buffer.concat([Buffer.alloc(8000, 65), Buffer.from([0])]);
    expect('text' in decodeText(late)).toBe(true);
  });

  it('replaces invalid UTF-8 rather than failing', () => {
    expect(decodeText(Buffer.from([0xc3, 0x28, 0x41]))).toEqual({ text: '\ufffd(A' });
    // (no utf8 bytes: offsets in the bytes would not match the repaired text)
  });
});
