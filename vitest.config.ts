import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/hermetic-env.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Worker threads and spawned CLIs run the build in dist/, not the sources: rebuild it when stale.
    globalSetup: ['test/setup/fresh-build.ts'],
  },
});
