import { fileURLToPath } from 'node:url'
import { configDefaults, defineProject, mergeConfig } from 'vitest/config'
import core from './vitest.config.ts'

/**
 * Core's unit tests as `pnpm test:mutation` runs them against each mutant (`root` keeps the setup file's
 * path right whatever folder Vitest starts in). The type tests are left out: a mutant changes no type,
 * and tsc takes seconds. `pnpm test` still runs them. So does it run differential.test.ts (370 scenarios of
 * the old kernel against the new): here it was the first file to fail for half the mutants of the door and
 * the lifecycle, but the focused tests kill those too (only equivalent mutants survive without it, listed
 * in stryker.config.mjs), and leaving it out takes the run of those two files from 37 to 20 minutes on a
 * loaded two-core machine.
 */
export default mergeConfig(
  core,
  defineProject({
    root: fileURLToPath(new URL('.', import.meta.url)),
    test: {
      typecheck: { enabled: false },
      exclude: [...configDefaults.exclude, 'src/differential.test.ts'],
    },
  }),
)
