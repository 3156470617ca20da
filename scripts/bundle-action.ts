import { build, type BuildOptions, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * @actions/core imports an HTTP client (@actions/http-client, undici, tunnel) for OIDC tokens
 * (`getIDToken`), which the action never calls. Those packages are CommonJS or carry no
 * `sideEffects` field, so esbuild would keep about 800 KB of network code that nothing reaches.
 * Declaring them free of side effects lets it drop every part that is not used: the bundle holds
 * no network client at all (test/action/bundle.test.ts checks that).
 */
const dropUnusedNetworkCode: Plugin = {
  name: 'drop-unused-network-code',
  setup(build) {
    build.onResolve({ filter: /^(?:@actions\/[^/]+|undici|tunnel)$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

/**
 * How the GitHub Action is bundled: its entry, the rule timing worker that checks custom rules
 * from the config, and the matching worker (large scans, and the config's own patterns, which a
 * stop can only end on a worker), each one ES module with every dependency inlined (the action runs from a
 * checkout of this repository, which has no node_modules/ and no dist/), no code splitting, no
 * source map, no dates or absolute paths, so the same sources always give the same bytes. Licence
 * comments of bundled packages go to `*.mjs.LEGAL.txt` beside them. The test comparing the
 * committed bundle with a fresh build uses these options too.
 */
export const ACTION_BUNDLE_OPTIONS: BuildOptions = {
  entryPoints: { index: 'dist/src/action/index.js', 'speed-worker': 'dist/src/rule-check/speed/speed-worker.js', 'scan-worker': 'dist/src/parallel/scan-worker.js' },
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: false,
  format: 'esm',
  platform: 'node',
  // action.yml's runs.using: GitHub runs JavaScript actions on Node 24.
  target: 'node24',
  // CommonJS dependencies call require(); give the module one.
  banner: { js: "import { createRequire as __secretscanRequire } from 'node:module'; const require = __secretscanRequire(import.meta.url);" },
  legalComments: 'linked',
  charset: 'utf8',
  plugins: [dropUnusedNetworkCode],
  logLevel: 'warning',
};

/** The committed bundle, relative to the repository root: action.yml's `runs.main`. */
export const ACTION_BUNDLE = 'action/index.mjs';

/** The committed bundle's folder: the entry and the timing worker beside it. */
export const ACTION_BUNDLE_DIR = 'action';

/** The files a build writes into the bundle's folder, by name. */
export const ACTION_BUNDLE_FILES = ['index.mjs', 'index.mjs.LEGAL.txt', 'speed-worker.mjs', 'speed-worker.mjs.LEGAL.txt', 'scan-worker.mjs', 'scan-worker.mjs.LEGAL.txt'] as const;

/** Bundles the action's compiled entry and worker (dist/src/, after tsc) into `outdir`. */
export async function bundleAction(root: string, outdir: string): Promise<void> {
  await build({ ...ACTION_BUNDLE_OPTIONS, absWorkingDir: root, outdir });
}

// Build step (`npm run build`): rewrite the committed bundle.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleAction(fileURLToPath(new URL('../../', import.meta.url)), ACTION_BUNDLE_DIR);
}
