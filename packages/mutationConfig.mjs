// @ts-check
// What every package's mutation run shares: `pnpm test:mutation` runs Stryker in each package folder with
// that package's config, which names its guarded files and calls this.

/**
 * Stryker's options for one package: mutate `guarded` (paths relative to its src/), run its unit tests from
 * vitest.mutation.config.ts, and write reports under reports/mutation/<name>/ at the repo root.
 * @param {string} name the package folder, e.g. 'core'
 * @param {string[]} guarded
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export const mutationConfig = (name, guarded) => ({
  mutate: guarded.map((file) => `src/${file}`),
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  checkers: [],
  // Vitest strips types without checking them, so the `// @ts-nocheck` Stryker would add to every source
  // file is not needed (and, in place, would touch files that are not mutated).
  disableTypeChecks: false,
  // The machine CI runs on has two cores; more runners only queue behind each other.
  concurrency: 2,
  // Mutates the working tree in place (restored afterwards) rather than copying the monorepo into a
  // sandbox, where the workspace links and package-level node_modules would not resolve.
  inPlace: true,
  coverageAnalysis: 'perTest',
  // The first run of the whole suite takes minutes on a busy two-core machine.
  dryRunTimeoutMinutes: 30,
  thresholds: { high: 100, low: 95, break: 95 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `../../reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `../../reports/mutation/${name}/mutation.json` },
  tempDirName: `../../reports/mutation/.stryker-tmp-${name}`,
  cleanTempDir: 'always',
  // Used by `stryker run --incremental` only; reports/ is not committed, so CI always runs every mutant.
  incrementalFile: `../../reports/mutation/${name}/stryker-incremental.json`,
})
