import { fileURLToPath } from 'node:url'
import { configDefaults, defineProject } from 'vitest/config'
import { workspaceAlias } from '../../vitest.shared.ts'

export default defineProject({
  resolve: {
    // `/server` first, so the package's own alias cannot swallow it.
    alias: [
      {
        find: '@verified-messenger/testing/server',
        replacement: fileURLToPath(new URL('./src/server.ts', import.meta.url)),
      },
      ...Object.entries(workspaceAlias).map(([find, replacement]) => ({ find, replacement })),
    ],
  },
  test: {
    name: 'testing',
    // The browser side runs in jsdom; server tests opt into node with a `@vitest-environment` comment.
    environment: 'jsdom',
    // The README's unit test runs in its own project (see the root vitest.config.ts), as a reader runs it.
    exclude: [...configDefaults.exclude, 'src/readme/**'],
    setupFiles: ['./src/test/setup.ts'],
    // Type tests (*.test-d.ts) run with the others under `vitest run`.
    typecheck: { enabled: true, tsconfig: './tsconfig.json' },
  },
})
