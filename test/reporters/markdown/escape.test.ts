import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../../src/reporters/markdown/escape.js';

describe('markdownText', () => {
  it('escapes table pipes, backticks and emphasis', () => {
    expect(markdownText('a | b `c` *d* _e_')).toBe('a \\| b \\`c\\` \\*d\\* \\_e\\_');
  });

  it('neutralises HTML and links', () => {
    expect(markdownText('<b>[x](y)</b> & co')).toBe('&lt;b&gt;\\[x\\](y)&lt;/b&gt; &amp; co');
  });

  it('makes control characters visible', () => {
    expect(markdownText('a\nb')).toBe('a\\\\x0ab');
  });
});

describe('markdownCode', () => {
  it.each([
    ['plain', '`plain`'],
    ['a|b', '`a\\|b`'],
    ['has `tick`', '`` has `tick` ``'],
    ['`lead', '`` `lead ``'],
    ['two `` ticks', '```two `` ticks```'],
  ])('%s -> %s', (text, code) => {
    expect(markdownCode(text)).toBe(code);
  });
});
