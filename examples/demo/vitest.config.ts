import { defineProject } from 'vitest/config'
import { sourceAlias } from './e2e/sourceAlias.ts'

export default defineProject({
  resolve: { alias: sourceAlias },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    // One Chromium at a time: the files share a small machine with every other project's tests.
    fileParallelism: false,
    // One module graph for all the files (they mock nothing and keep their state in their describe
    // blocks): playwright-core, vite and the demo server are imported once, not once per file.
    isolate: false,
    // A real browser against a real server: a boot takes a few hundred milliseconds, a token renewal seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
