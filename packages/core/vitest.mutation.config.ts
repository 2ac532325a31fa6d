import { fileURLToPath } from 'node:url'
import { defineProject, mergeConfig } from 'vitest/config'
import core from './vitest.config.ts'

/**
 * Core's unit tests as `pnpm test:mutation` runs them against each mutant (`root` keeps the setup file's
 * path right whatever folder Vitest starts in). The type tests are left out: a mutant changes no type,
 * and tsc takes seconds. `pnpm test` still runs them.
 */
export default mergeConfig(
  core,
  defineProject({
    root: fileURLToPath(new URL('.', import.meta.url)),
    test: { typecheck: { enabled: false } },
  }),
)
