import { fileURLToPath } from 'node:url'
import { workspaceAlias } from '../../../vitest.shared.ts'

/**
 * The workspace packages by their public names, pointed at their sources (as in every test project) so
 * the end-to-end run never depends on a stale build. `/server` is listed first so the package's own
 * alias cannot swallow it.
 */
export const sourceAlias = [
  {
    find: '@verified-messenger/testing/server',
    replacement: fileURLToPath(new URL('../../../packages/testing/src/server.ts', import.meta.url)),
  },
  ...Object.entries(workspaceAlias).map(([find, replacement]) => ({ find, replacement })),
]
