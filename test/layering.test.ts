import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering rules of ARCHITECTURE.md, checked on the sources: each third-party package is
// imported by one module, only the CLI and the Action touch `process`, and the folders of src/
// import each other without cycles.

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Module specifiers of static and dynamic imports and re-exports. */
function specifiersOf(text: string): string[] {
  const found = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'|^import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)];
  return found.map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** The unit a file belongs to: its top folder under src/, or the file itself at the top. */
function unitOf(name: string): string {
  return name.includes('/') ? (name.split('/')[0] as string) : name.replace(/\.ts$/, '');
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of FILES) {
    const from = unitOf(file.name);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const specifier of specifiersOf(file.text).filter((s) => s.startsWith('.'))) {
      const target = relative(SRC, resolve(dirname(join(SRC, file.name)), specifier)).replace(/\.js$/, '.ts');
      const to = unitOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle in the graph, each as the path around it. */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), node, next]);
      else if (state.get(next) === undefined) visit(next, [...path, node]);
    }
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (state.get(node) === undefined) visit(node, []);
  return cycles;
}

describe('layering of src/', () => {
  it('imports each third-party package from one module only', () => {
    const importers = new Map<string, string[]>();
    for (const file of FILES) {
      for (const specifier of specifiersOf(file.text)) {
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string);
        // `sarif` is @types/sarif: types only, erased at build time.
        if (name === 'sarif') continue;
        importers.set(name, [...new Set([...(importers.get(name) ?? []), file.name])]);
      }
    }
    expect(importers.size).toBeGreaterThan(2);
    expect([...importers].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('touches process.* only in the CLI and the Action', () => {
    const offenders = FILES.filter((file) => !/^(cli|action)\//.test(file.name)).flatMap((file) =>
      file.text
        .split('\n')
        .map((line, index) => ({ line, at: `${file.name}:${index + 1}` }))
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /(?<![\w.'"`/-])process\.\w/.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between its folders', () => {
    const graph = folderGraph();
    expect(graph.get('cli')?.has('pipeline')).toBe(true);
    expect(cyclesOf(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('keeps the Action off the CLI and the engine below the rules checker', () => {
    const graph = folderGraph();
    expect(graph.get('action')?.has('cli')).toBe(false);
    expect(graph.get('engine')?.has('rule-check')).toBe(false);
    expect(graph.get('rules')?.has('engine')).toBe(false);
  });
});
