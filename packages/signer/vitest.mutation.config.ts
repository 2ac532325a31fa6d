import { defineProject, mergeConfig } from 'vitest/config'
import signer from './vitest.config.ts'

/**
 * The signer's unit tests as `pnpm test:mutation` runs them against each mutant. Left out: the tests
 * that run the CLI or tsc in a child process, which cannot see a mutant (it is switched on inside the
 * test worker only) and take seconds each. `pnpm test` still runs them.
 */
export default mergeConfig(
  signer,
  defineProject({
    test: { exclude: ['**/node_modules/**', 'src/cli.test.ts', 'src/readmeExamples.test.ts'] },
  }),
)
