import { defineConfig } from 'vitest/config';

// Unit tests are fast and pure; database tests start PGlite (and PostgreSQL 15 when
// TUZHANG_PG_URL is set) and get long timeouts. End-to-end tests run separately (tests/e2e).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'data/**/*.test.ts'],
    globalSetup: ['tests/db/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
