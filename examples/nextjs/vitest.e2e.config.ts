import { defineProject } from 'vitest/config'
import { sourceAlias } from '../demo/e2e/sourceAlias.ts'

/**
 * The example built and started as users run it (`next build`, `next start`), driven by Chromium. The
 * app uses the workspace packages' builds (`pnpm build`); the tests' own imports use their sources.
 */
export default defineProject({
  resolve: { alias: sourceAlias },
  test: {
    name: 'nextjs-e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    // Two tabs, two sign-ins and a sign-out through server actions: ten seconds or so on a busy machine.
    testTimeout: 60_000,
    // One `next build` of the example takes a minute or two on a small machine.
    hookTimeout: 300_000,
  },
})
