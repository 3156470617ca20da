import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Build step: bundle the CLI and its two workers (scanning, rule timing) into dist/cli/ (code-split ES modules). One file
// per entry starts faster than a few hundred modules: the pre-commit hook runs on every commit.
const root = fileURLToPath(new URL('../../', import.meta.url));
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { bin: 'dist/src/cli/bin.js', 'scan-worker': 'dist/src/parallel/scan-worker.js', 'speed-worker': 'dist/src/rule-check/speed/speed-worker.js' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies call require(); give every chunk one.
  banner: { js: "import { createRequire as __secretscanRequire } from 'node:module'; const require = __secretscanRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
});
