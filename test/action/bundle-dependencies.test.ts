import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// Supply chain: the committed Action bundle may hold only the CLI's runtime dependencies and
// @actions/core (with what it needs) — no test runner, compiler, bundler or validator.
const root = new URL('../../', import.meta.url);
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { dev?: boolean; dependencies?: Record<string, string> }>;
};

function closureOf(name: string, into: Set<string>): Set<string> {
  if (into.has(name)) return into;
  into.add(name);
  for (const dependency of Object.keys(lock.packages[`node_modules/${name}`]?.dependencies ?? {})) closureOf(dependency, into);
  return into;
}

it('bundles only runtime dependencies and @actions/core', () => {
  const runtime = Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true)
    .map(([path]) => path.replace(/^.*node_modules\//, ''));
  const allowed = closureOf('@actions/core', new Set(runtime));
  const bundle = readFileSync(new URL('action/index.mjs', root), 'utf8');
  // (`node_modules/.bin/` appears in the hook text that `init` writes, not as a package.)
  const bundled = new Set([...bundle.matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w-][\w.-]*)\//g)].map((m) => m[1] as string));
  expect(bundled.size).toBeGreaterThan(3);
  expect([...bundled].filter((name) => !allowed.has(name)).sort()).toEqual([]);
  for (const devOnly of ['vitest', 'typescript', 'esbuild', 'ajv', 'fast-check', '@microsoft/sarif-multitool']) expect(bundled.has(devOnly), devOnly).toBe(false);
});
