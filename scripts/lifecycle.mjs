// npm lifecycle scripts of this package, in plain JavaScript so they run before anything is built.
//
//   prepare   (npm install in a clone, and git-dependency installs): build; in a development clone
//             also activate this repository's own pre-commit hook (husky).
//   prepack   (npm pack, npm publish): build, then strip the scripts from package.json but these
//             two, so the published package has no lifecycle script that runs on a user's install.
//   postpack: put package.json back.
//
// Nothing is written to stdout: the pre-commit framework before 4.6.1 reads the tarball name from
// `npm pack`'s stdout. Build output goes to stderr instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const backup = join(root, '.package.json.before-pack');

function build() {
  // An installed copy has no sources: nothing to build.
  if (!existsSync(join(root, 'src')) || !existsSync(join(root, 'tsconfig.json'))) return;
  const npm = process.env.npm_execpath;
  const [command, args] = npm !== undefined && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  const run = spawnSync(command, [...args, 'run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (run.status !== 0) {
    process.stderr.write(`secretscan: the build failed (exit ${run.status ?? run.signal}); see the output above\n`);
    process.exit(1);
  }
}

function isDevelopmentClone() {
  // npm sets INIT_CWD to where it was started; a git-dependency install prepares a temporary
  // clone from elsewhere, and that clone needs no hooks.
  const started = process.env.INIT_CWD;
  if (started === undefined || !existsSync(join(root, '.git'))) return false;
  try {
    return realpathSync(started) === realpathSync(root);
  } catch {
    return false;
  }
}

async function activateHooks() {
  if (process.env.HUSKY === '0' || !isDevelopmentClone()) return;
  let husky;
  try {
    husky = (await import('husky')).default;
  } catch {
    return; // installed without devDependencies: no hooks wanted
  }
  const message = husky();
  if (message) process.stderr.write(`husky: ${message}\n`);
}

function restoreManifest() {
  if (!existsSync(backup)) return;
  renameSync(backup, join(root, 'package.json'));
}

function stripManifest() {
  restoreManifest(); // a pack that crashed earlier left its backup
  const text = readFileSync(join(root, 'package.json'), 'utf8');
  const manifest = JSON.parse(text);
  // Only the pack steps stay (they never run on an install): if packing fails after this point,
  // the next `npm pack` still starts with prepack, which puts the full package.json back first.
  manifest.scripts = { prepack: manifest.scripts.prepack, postpack: manifest.scripts.postpack };
  writeFileSync(backup, text);
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

const step = process.argv[2];
if (step === 'prepare') {
  build();
  await activateHooks();
} else if (step === 'prepack') {
  build();
  stripManifest();
} else if (step === 'postpack') {
  restoreManifest();
} else {
  process.stderr.write(`usage: node scripts/lifecycle.mjs prepare|prepack|postpack (got ${step})\n`);
  process.exit(2);
}
