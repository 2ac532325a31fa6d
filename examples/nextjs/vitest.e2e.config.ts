import { defineProject } from 'vitest/config'
import { sourceAlias } from '../demo/e2e/sourceAlias.ts'

/**
 * The example built and started as users run it (`next build`, `next start`: a minute or two, once, in the
 * global setup), driven by Chromium. The app uses the workspace packages' builds (`pnpm build`); the
 * tests' own imports use their sources.
 */
export default defineProject({
  resolve: { alias: sourceAlias },
  test: {
    name: 'nextjs-e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    // Needs `next dev` beside the build and the build CI makes with its own variables: run by `test:server-log`.
    exclude: ['e2e/serverLog.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    // Two tabs, two sign-ins and a sign-out through server actions: ten seconds or so on a busy machine.
    testTimeout: 60_000,
    // Chromium's launch, on a machine busy with the other projects' tests.
    hookTimeout: 60_000,
  },
})
