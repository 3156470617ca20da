import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMatcher, readBuiltinAutomaton, scanInput, type ScanInput } from '../../src/engine/index.js';
import { loadBuiltinRules } from '../../src/rules/load.js';

// The fast path (keyword automaton over bytes, regexes only in windows around keyword hits, sticky
// rules tried at hit starts, escape probes through landmarks) against the straightforward one
// (every rule's regex over the whole text), on real code: published packages from node_modules
// the repository's fixtures and its rule packs, whose examples are fake secrets of every provider.

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = ['node_modules/yaml/dist', 'node_modules/fast-glob/out', 'node_modules/picomatch/lib', 'node_modules/simple-git/dist/src', 'fixtures', 'rules'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() && statSync(path).size <= 512 * 1024 ? [path] : [];
  });
}

describe('the fast path', () => {
  it('finds what the straightforward path finds on real code', async () => {
    const { rules } = await loadBuiltinRules();
    const fast = createMatcher(rules, { prebuiltAutomaton: readBuiltinAutomaton() });
    const straightforward = createMatcher(rules, { isExhaustive: true });
    const files = CORPUS.flatMap((dir) => filesUnder(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    let found = 0;
    for (const file of files) {
      const input: ScanInput = { origin: 'tree', path: relative(ROOT, file), bytes: readFileSync(file), startLine: 1 };
      const expected = scanInput(straightforward, input)
        .findings.map((f) => `${f.ruleId} ${f.startLine}:${f.startColumn}-${f.endLine}:${f.endColumn} ${f.fingerprint}`)
        .sort();
      const actual = scanInput(fast, input)
        .findings.map((f) => `${f.ruleId} ${f.startLine}:${f.startColumn}-${f.endLine}:${f.endColumn} ${f.fingerprint}`)
        .sort();
      expect(actual, input.path).toEqual(expected);
      found += actual.length;
    }
    // The corpus must exercise the rules, not only agree on finding nothing.
    expect(found).toBeGreaterThan(200);
  }, 600_000);
});
