import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Removes the web build and default data the browser test files share (tests/e2e/shared-build.ts).
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
