// Run before every test file (vitest setupFiles). When the suite itself runs inside a git hook
// (a pre-commit hook that runs the tests), git has set these for its own repository; the scanner
// honours them, so left in place they would point every fixture repository's scan at that index.
import { useGitEnvironment } from '../../src/sources/index.js';

for (const key of ['GIT_INDEX_FILE', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_PREFIX']) {
  delete process.env[key];
}

// Tests call sources, audits and remediation directly: git starts from this process, as under the CLI.
useGitEnvironment({ env: process.env, cwd: process.cwd() });
