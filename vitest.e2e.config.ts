import { defineConfig } from 'vitest/config';

// End-to-end tests: the built app (dist/, from `npm run build`) served by `vite preview` and
// driven in Debian's Chromium through playwright-core. One file at a time: WebGL is software
// rendered here and the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
  },
});
