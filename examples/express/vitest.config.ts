import { defineProject } from 'vitest/config'
import { sourceAlias } from '../demo/e2e/sourceAlias.ts'

export default defineProject({
  resolve: { alias: sourceAlias },
  test: {
    name: 'express',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
