// @ts-check
// Mutation testing of the core files that guard identity and consent: `pnpm test:mutation` from the repo
// root, which runs Stryker in this folder (paths below are relative to it).
// Each mutant (a check flipped, a bound moved, a branch removed) must make one of core's unit tests fail.
// Source files here carry no Stryker comments, so the survivors that behave exactly like the original
// (equivalent mutants, which no test can kill) are listed here, with why:
// - identity.ts `jwt.split('.')[1] ?? ''` with another fallback string: a token without a payload segment
//   fails to decode either way (atob throws on the placeholder too), so it is IDENTITY_INVALID both ways.
// - identity.ts `exp === undefined ? Infinity : ...` made always false: `undefined * 1000 - Date.now()` is
//   NaN, which like Infinity is neither `<= 0` (expired) nor `< 60_000` (the short-lifetime warning).

/**
 * The files that guard identity and consent, relative to packages/core/src. To cover another one (the
 * door module, the lifecycle transition, the consent gate), add its path here; nothing else changes.
 */
const guarded = ['identity.ts', 'signedFields.ts', 'toIntercomSettings.ts']

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
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
  htmlReporter: { fileName: '../../reports/mutation/core/index.html' },
  jsonReporter: { fileName: '../../reports/mutation/core/mutation.json' },
  tempDirName: '../../reports/mutation/.stryker-tmp-core',
  cleanTempDir: 'always',
}
