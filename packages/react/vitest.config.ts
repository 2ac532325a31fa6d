import { defineProject } from 'vitest/config'
import { workspaceAlias } from '../../vitest.shared.ts'

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'react',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // Bundled by Vite rather than loaded by Node, so the react@18 project's alias gives it React 18 too.
    server: { deps: { inline: ['react-use-intercom'] } },
  },
})
