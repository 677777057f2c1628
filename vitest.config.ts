import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// One fork, no isolation: the seeded test database (tests/support/test-db.ts) is created once per
// run and shared by every file, since creating an engine and seeding it costs tens of seconds.
export default defineConfig({
  resolve: { alias: { '@domain': fileURLToPath(new URL('./server/src/domain', import.meta.url)) } },
  test: {
    include: ['server/**/*.test.ts', 'client/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
