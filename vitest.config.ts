import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['lib/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // The run's id for test/build-once.ts (the extension is built once per run).
    globalSetup: ['test/global-setup.ts'],
    // One Chromium at a time on a 2-core machine: the end-to-end file runs alone, in order.
    sequence: { concurrent: false },
  },
});
