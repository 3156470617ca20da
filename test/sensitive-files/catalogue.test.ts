import { describe, expect, it } from 'vitest';
import { checkCatalogueFile, checkKindExamples, parseCatalogue } from '../../src/sensitive-files/index.js';
import { loadYamlSupport } from '../../src/rules/index.js';

// One generated case per example of every catalogue entry, like test/rules/examples.test.ts.
const { catalogue, problems } = await checkCatalogueFile();
await loadYamlSupport();

it('the built-in catalogue has no problems', () => {
  expect(problems).toEqual([]);
  expect(catalogue.kinds.length).toBeGreaterThanOrEqual(15);
});

describe.each(catalogue.kinds.map((kind) => [kind.spec.id, kind] as const))('%s', (_id, kind) => {
  it.each(kind.spec.examples)('matches %s', (path) => {
    expect(kind.matchesPath(path)).toBe(true);
  });
  it.each(kind.spec.negativeExamples)('does not match %s', (path) => {
    expect(kind.matchesPath(path)).toBe(false);
  });
  it.each(kind.spec.contentExamples.map((text, i) => [i, text] as const))('content matches contentExamples[%i]', (_i, text) => {
    expect(kind.matchesContent?.(text)).toBe(true);
  });
  it.each(kind.spec.negativeContentExamples.map((text, i) => [i, text] as const))('content ignores negativeContentExamples[%i]', (_i, text) => {
    expect(kind.matchesContent?.(text)).toBe(false);
  });
  it('passes its own example check', () => {
    expect(checkKindExamples(kind, catalogue.file)).toEqual([]);
  });
});

describe('catalogue validation', () => {
  it('lists every problem with file, line and id', () => {
    const text = [
      'files:',
      '  - id: file.bad',
      '    name: Bad',
      '    description: d',
      '    severity: urgent',
      '    paths: [".env"]',
      '    exceptions: []',
      '    contentPattern: "(unclosed"',
      '    contentExamples: ["x"]',
      '    gitignore: [".env"]',
      '    why: w',
      '    belongsIn: b',
      '    examples: [".env"]',
      '  - id: file.wrong-examples',
      '    name: Wrong',
      '    description: d',
      '    severity: low',
      '    paths: ["*.key"]',
      '    exceptions: []',
      '    gitignore: ["*.key"]',
      '    why: w',
      '    belongsIn: b',
      '    examples: ["server.pem"]',
      '    negativeExamples: ["a.key"]',
      '  - name: no id',
      '    colour: red',
    ].join('\n');
    const { problems: found } = parseCatalogue(text, 'rules/sensitive-files.yaml');
    expect(found).toEqual(
      expect.arrayContaining([
        'rules/sensitive-files.yaml:5: file.bad: `severity` must be high, medium or low',
        expect.stringMatching(/^rules\/sensitive-files\.yaml:8: file\.bad: does not compile: /),
        'rules/sensitive-files.yaml:14: file.wrong-examples: example `server.pem` does not match paths/exceptions',
        'rules/sensitive-files.yaml:14: file.wrong-examples: negative example `a.key` matches',
        'rules/sensitive-files.yaml:26: files[2]: unknown key `colour`',
        expect.stringMatching(/^rules\/sensitive-files\.yaml:25: files\[2\]: `id` must be a non-empty string/),
      ]),
    );
  });

  it('reports a YAML syntax error with its line', () => {
    expect(parseCatalogue('files:\n  - id: [unclosed\n', 'c.yaml').problems[0]).toMatch(/^c\.yaml:\d+: /);
  });
});
