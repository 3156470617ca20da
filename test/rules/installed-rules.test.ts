import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE } from '../helpers/fake-secrets.js';
import { createRepo } from '../helpers/git-repo.js';

// The package as users install it: `npm pack` of the built checkout, unpacked into a project's
// node_modules the way npm unpacks it (the CLI bundle carries its dependencies). A package
// manager writes the files in any order, so their times say nothing: the compiled rules must be
// used because their stamp matches the YAML, and refused when it does not.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let tarball = '';
let packDir = '';

beforeAll(async () => {
  packDir = await realpath(await mkdtemp(join(tmpdir(), 'secretscan-pack-')));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  tarball = join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz')) ?? 'missing.tgz');
}, 120_000);

afterAll(() => rmSync(packDir, { recursive: true, force: true }));

/** A repository with a Stripe key staged, and the package unpacked into its node_modules. */
async function installedProject(): Promise<{ repo: string; pkg: string }> {
  const repo = await createRepo({ commits: [{ files: { 'README.md': 'hello\n' } }], staged: { '.env': `STRIPE=${FAKE.stripe}\n` } });
  const pkg = join(repo, 'node_modules', 'secretscan');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1']);
  return { repo, pkg };
}

/** Every file of the package gets a random time; every YAML file ends up newer than any compiled one. */
function scrambleTimes(dir: string): void {
  let seed = 7;
  const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const isSource = entry.name.endsWith('.yaml');
    const seconds = (isSource ? 1_900_000_000 : 950_000_000) + (next() % 50_000_000);
    utimesSync(join(entry.parentPath, entry.name), seconds, seconds);
  }
}

function scanStaged(repo: string, pkg: string, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(pkg, 'dist', 'cli', 'bin.mjs'), 'scan', '--staged', '--debug', ...extra], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rulesLine = (stderr: string): string => stderr.split('\n').find((line) => line.includes('built-in rules:')) ?? '';
const catalogueLine = (stderr: string): string => stderr.split('\n').find((line) => line.includes('sensitive-file catalogue:')) ?? '';
const rulesLoaded = (stderr: string): number => Number(/(\d+) rules loaded/.exec(stderr)?.[1] ?? NaN);

describe('the installed package', () => {
  it('uses its compiled rules and catalogue when file times say they are older than the YAML', async () => {
    const { repo, pkg } = await installedProject();
    scrambleTimes(pkg);
    const result = scanStaged(repo, pkg);
    expect(result.status).toBe(1);
    expect(rulesLine(result.stderr)).toMatch(/built-in rules: dist\/rules\.json \(\d+ packs; layout \d+, sources sha256 [0-9a-f]{12}\)$/);
    expect(catalogueLine(result.stderr)).toMatch(/sensitive-file catalogue: dist\/sensitive-files\.json \(layout \d+/);
    expect(result.stderr).toContain('keyword automaton: dist/keyword-automaton.bin');
    expect(result.stdout + result.stderr).not.toContain(FAKE.stripe);
  }, 60_000);

  it('parses the YAML when a pack changed after the build, and says why', async () => {
    const { repo, pkg } = await installedProject();
    const compiled = rulesLoaded(scanStaged(repo, pkg).stderr);
    unlinkSync(join(pkg, 'rules', 'zoom.yaml'));
    const result = scanStaged(repo, pkg);
    expect(rulesLine(result.stderr)).toContain('parsed because dist/rules.json was not used: it is stale: the sources changed since it was built');
    expect(rulesLoaded(result.stderr)).toBeLessThan(compiled);
    expect(result.status).toBe(1);
  }, 60_000);

  it('parses the YAML when the compiled rules were edited, so an edited pattern cannot hide a secret', async () => {
    const { repo, pkg } = await installedProject();
    const file = join(pkg, 'dist', 'rules.json');
    const text = readFileSync(file, 'utf8');
    // The Stripe rule now looks for another prefix; the stamp is left alone.
    writeFileSync(file, text.replaceAll('sk_', 'qq_'));
    const result = scanStaged(repo, pkg, ['--format', 'json']);
    expect(rulesLine(result.stderr)).toContain('parsed because dist/rules.json was not used: its content does not match its build stamp');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('"stripe.secret-key"');
  }, 60_000);

  it('builds the keyword automaton itself when the stored one was damaged, and parses a damaged catalogue from YAML', async () => {
    const { repo, pkg } = await installedProject();
    const automaton = join(pkg, 'dist', 'keyword-automaton.bin');
    const bytes = readFileSync(automaton);
    bytes.fill(0, bytes.length - 65_536);
    writeFileSync(automaton, bytes);
    const catalogue = join(pkg, 'dist', 'sensitive-files.json');
    writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('"file.', '"fyle.'));
    const result = scanStaged(repo, pkg, ['--format', 'json']);
    expect(result.stderr).toContain('keyword automaton: built at start-up (the stored one is missing, damaged or for other keywords)');
    expect(catalogueLine(result.stderr)).toContain('parsed because dist/sensitive-files.json was not used: its content does not match its build stamp');
    expect(result.stdout).toContain('"stripe.secret-key"');
    expect(result.stdout).toContain('"file.dotenv"');
  }, 60_000);
});
