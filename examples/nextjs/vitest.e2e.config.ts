import { defineProject } from 'vitest/config'
import { sourceAlias } from '../demo/e2e/sourceAlias.ts'

/**
 * The example in Chromium under `next start` and `next dev`: not part of `pnpm test`, since it needs the
 * production build that CI makes first (`.ci/run`), then `pnpm --filter @verified-messenger/example-nextjs test:e2e`.
 */
export default defineProject({
  resolve: { alias: sourceAlias },
  test: { name: 'nextjs-e2e', environment: 'node', include: ['e2e/**/*.test.ts'] },
})
