import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_BUNDLE, ACTION_BUNDLE_DIR, ACTION_BUNDLE_FILES, ACTION_BUNDLE_OPTIONS, bundleAction } from '../../scripts/bundle-action.js';
import { fixtureGitEnv } from '../helpers/git-repo.js';
import { readActionYaml } from './run-action.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REBUILD = 'run `npm run build` and commit action/ (index.mjs, speed-worker.mjs and their .LEGAL.txt files)';

/** A fresh bundle built from dist/src with the build's own options: each file's text by name ('' when not written). */
async function freshBundle(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'secretscan-bundle-'));
  try {
    await bundleAction(ROOT, dir);
    return Object.fromEntries(await Promise.all(ACTION_BUNDLE_FILES.map(async (name) => [name, await readFile(join(dir, name), 'utf8').catch(() => '')] as const)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function gitOutput(args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, env: fixtureGitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

describe('the committed action bundle', () => {
  it('equals a fresh build of the sources', async () => {
    const fresh = await freshBundle();
    expect(fresh['index.mjs']).not.toBe('');
    expect(fresh['speed-worker.mjs']).not.toBe('');
    for (const name of ACTION_BUNDLE_FILES) {
      const committed = await readFile(join(ROOT, ACTION_BUNDLE_DIR, name), 'utf8').catch(() => '');
      expect(committed === fresh[name], `action/${name} is stale: ${REBUILD}`).toBe(true);
    }
  });

  // `npm run build` rewrites action/index.mjs, so after a build the working copy always matches.
  // What the runner uses is the committed file: when the sources are committed, so must the bundle be.
  it('is committed as built, when the sources it is built from are committed', async () => {
    const dirty = gitOutput(['status', '--porcelain', '--', 'src', 'scripts/bundle-action.ts', 'package.json', 'package-lock.json']);
    const committed = gitOutput(['show', `HEAD:${ACTION_BUNDLE}`]);
    if (dirty === undefined || dirty !== '' || committed === undefined) return; // not a checkout, or work in progress
    expect(committed === (await freshBundle())['index.mjs'], `the committed action/index.mjs is stale: ${REBUILD}`).toBe(true);
  });

  // The one network client is live verification's (src/verify/https-transport.ts): it loads its
  // modules on its first request, and no request is made unless verification is turned on
  // (test/action/verify.test.ts proves that no connection is opened without it).
  it('loads network modules only for verification, on demand: nothing else can send data anywhere', async () => {
    const code = await readFile(join(ROOT, ACTION_BUNDLE), 'utf8');
    const statics = [...code.matchAll(/(?:from |require\()\s*["']([^"']+)["']/g)].map((match) => match[1] ?? '');
    const dynamics = [...code.matchAll(/import\(\s*["']([^"']+)["']/g)].map((match) => match[1] ?? '');
    expect(statics.length).toBeGreaterThan(0);
    const network = (name: string): boolean => /^(?:node:)?(?:https?|http2|net|tls|dgram|dns)$|undici|fetch/.test(name);
    expect(statics.filter(network)).toEqual([]);
    expect(dynamics.filter(network).sort()).toEqual(['node:http', 'node:net', 'node:tls']);
    expect(code).not.toMatch(/\bfetch\(|new WebSocket|XMLHttpRequest/);
  });
});

describe('action.yml', () => {
  it('runs the committed bundle on node24 and declares the inputs and outputs the entry reads and writes', async () => {
    const action = await readActionYaml();
    expect(action.runs).toEqual({ using: 'node24', main: ACTION_BUNDLE });
    // The bundle is built for the Node the runner starts it with.
    expect(ACTION_BUNDLE_OPTIONS.target).toBe(action.runs.using);
    expect(existsSync(join(ROOT, action.runs.main))).toBe(true);
    expect(Object.keys(action.inputs).sort()).toEqual(['args', 'baseline', 'config', 'fail-on', 'paths', 'sarif-file', 'scan', 'timeout', 'verify', 'working-directory']);
    expect(action.inputs.timeout?.default).toBe('900');
    expect(action.inputs['fail-on']?.default).toBe('low');
    expect(action.inputs['sarif-file']?.default).toBe('secretscan.sarif');
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'sarif-file']);
  });
});
