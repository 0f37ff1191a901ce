import { defineConfig } from 'vitest/config';
import { unitTmp } from './test/helpers/unit-tmp.js';

/**
 * Unit tests write thousands of small files through llmctl's atomic writes, each fsync'd: on a disk
 * under load that waiting was half of test:fast. A memory file system (Linux's /dev/shm) makes fsync
 * free; what durability means is tested in the cli tier, on the real disk. One folder per run, removed
 * at its end (test/helpers/unit-tmp.ts).
 */
const UNIT_TMP = unitTmp();

/**
 * Three tiers. `unit` runs src/ in-process (no network, no downloads, no built binary): what a
 * contributor runs on every change (`npm run test:fast`). `cli` runs the built binary in temp homes.
 * `e2e` drives the real LiteLLM, Claude Code, the Continue CLI and tmux, installed once into the test
 * cache (test/helpers/cache-dir.ts). `npm test` runs all three.
 */
export default defineConfig({
  test: {
    // CLI and end-to-end tests start real processes; this machine has two cores.
    testTimeout: 30_000,
    hookTimeout: 900_000,
    pool: 'forks',
    // Transformed modules are kept on disk (node_modules/.experimental-vitest-cache): a second run
    // skips esbuild for every file that did not change, a third of test:fast's CPU time.
    experimental: { fsModuleCache: true },
    projects: [
      {
        extends: true,
        // One process per worker, reused across files (isolate: false): each file no longer imports
        // zod, yaml and the catalog again, which was half of test:fast. Unit tests that change shared
        // state (the locale, the UI options) put it back; forks, not threads, for process.umask().
        // Two workers even on two cores (vitest's default is one fewer than the cores); a project with
        // its own maxWorkers runs as its own group, first.
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          isolate: false,
          // No other program writes the unit tests' files: sync's 50 ms look for one (src/fs/txn.ts
          // settle) is skipped; the tests of that race set it back.
          env: { ...(UNIT_TMP ? { TMPDIR: UNIT_TMP } : {}), LLMCTL_TEST_SETTLE_MS: '0' },
          globalSetup: ['test/helpers/unit-tmp.ts'],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          include: ['test/cli/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          // Each test mostly waits for the binary it started: two files at once keep both cores busy
          // (the tier took 6.9 min so here). A test that starts the binary five or six times then
          // takes up to ~20 s next to the crash test's four sandboxes, hence the longer timeout.
          maxWorkers: 2,
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
