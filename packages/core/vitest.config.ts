import { defineProject } from 'vitest/config'
import { workspaceAlias } from '../../vitest.shared'

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'core',
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    // Type tests (*.test-d.ts) run with the others under `vitest run`.
    typecheck: { enabled: true, tsconfig: './tsconfig.json' },
  },
})
