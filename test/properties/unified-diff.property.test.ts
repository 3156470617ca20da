import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnifiedDiffParser, type DiffEvent } from '../../src/sources/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SEED = 20240105;

/** Git with no user or system config, so nothing (diff drivers, colour, algorithm) changes the output. */
const GIT_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: '/nonexistent',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  LC_ALL: 'C',
};

/** `git diff --no-index` between two files in `cwd`; exit 1 (files differ) is expected. */
function gitDiff(cwd: string, extra: string[]): string {
  const out = spawnSync('git', ['diff', '--no-index', ...extra, '--no-color', '--src-prefix=a/', '--dst-prefix=b/', 'old', 'new'], { cwd, env: GIT_ENV });
  if (out.status !== 0 && out.status !== 1) throw new Error(`git diff failed (${String(out.status)}): ${out.stderr.toString('utf8')}`);
  return out.stdout.toString('utf8');
}

/** Feeds `text` to a fresh parser line by line (as the sources do) and returns every event. */
function parse(text: string): DiffEvent[] {
  const parser = new UnifiedDiffParser();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const events: DiffEvent[] = [];
  for (const line of lines) events.push(...parser.line(line));
  events.push(...parser.end());
  return events;
}

/** Whether `sub` is a subsequence of `all`. */
function isSubsequence(sub: readonly string[], all: readonly string[]): boolean {
  let at = 0;
  for (const line of all) if (at < sub.length && sub[at] === line) at++;
  return at === sub.length;
}

/** Lines that look like diff syntax once prefixed, plus arbitrary printable (and non-ASCII) text. */
const tricky = fc.constantFrom(
  '+',
  '-',
  '++ x',
  '+++ b/new',
  '--- a/old',
  '-- ',
  '@@ -1 +1 @@',
  '@@@ -1 -1 +1 @@@',
  'diff --git a/x b/x',
  '\\ No newline at end of file',
  '\\',
  'Binary files a/x and b/x differ',
  'rename to z',
  'deleted file mode 100644',
  '',
);
const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', 'same', '}') },
  { weight: 2, arbitrary: tricky },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('+', '-', '@@', 'diff --git', '\\', ' '), fc.string({ maxLength: 12 })).map(([p, s]) => p + s) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);
interface TextFile {
  lines: string[];
  hasFinalNewline: boolean;
}

const file = fc.record({ lines: fc.array(line, { maxLength: 25 }), hasFinalNewline: fc.boolean() });
/** What happens to one old line in an edited copy: most are kept, so the diff has several hunks. */
type Edit = { op: 'keep' } | { op: 'delete' } | { op: 'replace' | 'insert'; lines: string[] };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Edit>({ op: 'keep' }) },
  { weight: 1, arbitrary: fc.constant<Edit>({ op: 'delete' }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('replace' as const, 'insert' as const), lines: fc.array(line, { minLength: 1, maxLength: 3 }) }) },
);
/** An old file and a new one: either unrelated, or the new one an edit of the old. */
const filePair = fc.oneof(
  { weight: 1, arbitrary: fc.tuple(file, file) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.record({ lines: fc.array(line, { minLength: 5, maxLength: 40 }), hasFinalNewline: fc.boolean() }), fc.array(edit, { maxLength: 40 }), fc.array(line, { maxLength: 3 }), fc.boolean())
      .map(([old, edits, appended, hasFinalNewline]): [TextFile, TextFile] => {
        const lines = old.lines.flatMap((l, i) => {
          const e: Edit = edits[i] ?? { op: 'keep' };
          if (e.op === 'keep') return [l];
          if (e.op === 'delete') return [];
          return e.op === 'replace' ? e.lines : [...e.lines, l];
        });
        return [old, { lines: [...lines, ...appended], hasFinalNewline }];
      }),
  },
);

function contentOf(f: TextFile): string {
  const body = f.lines.join('\n');
  return f.lines.length > 0 && f.hasFinalNewline ? `${body}\n` : body;
}

/** The new file's lines as git numbers them (a final newline ends the last line, it does not start one). */
function linesOf(content: string): string[] {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

describe('UnifiedDiffParser properties', () => {
  it('reports exactly the lines git added, each once, with their new-file line numbers (real git -U0)', async () => {
    const dir = await makeTempDir('secretscan-prop-diff-');
    fc.assert(
      fc.property(filePair, ([oldFile, newFile]) => {
        const oldText = contentOf(oldFile);
        const newText = contentOf(newFile);
        writeFileSync(join(dir, 'old'), oldText);
        writeFileSync(join(dir, 'new'), newText);
        const events = parse(gitDiff(dir, ['-U0']));
        const newLines = linesOf(newText);
        const reported = new Set<number>();
        for (const event of events) {
          expect(event.kind).toBe('added');
          if (event.kind !== 'added') continue;
          expect(event.path).toBe('new');
          expect(event.lines.length).toBeGreaterThan(0);
          event.lines.forEach((text, i) => {
            const lineNumber = event.startLine + i;
            expect(text).toBe(newLines[lineNumber - 1]);
            expect(reported.has(lineNumber)).toBe(false);
            reported.add(lineNumber);
          });
        }
        // As many as git itself counts as added ...
        const numstat = gitDiff(dir, ['--numstat']);
        const added = numstat === '' ? 0 : Number(numstat.split('\t')[0]);
        expect(reported.size).toBe(added);
        // ... and every line not reported is one git kept from the old file, in order.
        const kept = newLines.filter((_, i) => !reported.has(i + 1));
        expect(isSubsequence(kept, linesOf(oldText))).toBe(true);
      }),
      { numRuns: 120, seed: SEED },
    );
  });

  it('turns a hand-built `@@ -a,0 +s,n @@` hunk into one run at s holding exactly its n lines', () => {
    const content = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replaceAll('\n', '')),
      tricky,
    );
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(content, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('', ' function heading()', ' @@ +9,9 @@'),
        fc.boolean(),
        (oldStart, start, lines, heading, hasNoNewlineMarker) => {
          const input = [
            'diff --git a/f.txt b/f.txt',
            'index 0000000..1111111 100644',
            '--- a/f.txt',
            '+++ b/f.txt',
            `@@ -${oldStart},0 +${start},${lines.length} @@${heading}`,
            ...lines.map((l) => `+${l}`),
            ...(hasNoNewlineMarker ? ['\\ No newline at end of file'] : []),
          ];
          const parser = new UnifiedDiffParser();
          const events = [...input.flatMap((l) => parser.line(l)), ...parser.end()];
          expect(events).toEqual([{ kind: 'added', path: 'f.txt', startLine: start, lines }]);
        },
      ),
      { numRuns: 500, seed: SEED },
    );
  });
});
