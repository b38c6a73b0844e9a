import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two test files at a time: on a 2-core machine the default (cores − 1) runs them one after another, and most
    // of a browser or server test's time is waiting on another process.
    maxWorkers: 2,
    // Removes the web build and default data the browser test files share (tests/e2e/shared-build.ts).
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
