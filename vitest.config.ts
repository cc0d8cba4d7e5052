import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    // In-process logs would drown the report; tests that check logs run the CLI with their own level.
    env: { LOG_LEVEL: 'silent' },
  },
});
