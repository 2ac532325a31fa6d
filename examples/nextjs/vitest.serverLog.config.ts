import { defineProject } from 'vitest/config'
import { sourceAlias } from '../demo/e2e/sourceAlias.ts'

/**
 * The example in Chromium under `next start` and `next dev`, failing on any error line the server logs while
 * pages are viewed. Not part of `pnpm test`: it serves the production build CI makes first (`.ci/run`), then
 * `pnpm --filter @verified-messenger/example-nextjs test:server-log`.
 */
export default defineProject({
  resolve: { alias: sourceAlias },
  test: { name: 'nextjs-server-log', environment: 'node', include: ['e2e/serverLog.test.ts'] },
})
