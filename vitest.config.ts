import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CLI and end-to-end tests start real processes; this machine has two cores.
    testTimeout: 30_000,
    hookTimeout: 900_000,
    pool: 'forks',
    globalSetup: ['test/helpers/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/cli/**/*.test.ts'] },
      },
      {
        // Real LiteLLM, Claude Code and Continue CLI; installed once into .cache/ by the setup.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
