// @ts-check
// Mutation testing of the signer's claim and verification checks: `pnpm test:mutation` from the repo root,
// which runs Stryker in this folder (paths below are relative to it).
// Each mutant (a check flipped, a message blanked, a bound moved) must make one of the signer's unit tests
// fail. Survivors that no test can kill, because the mutant behaves exactly like the original, are
// disabled where they occur with a `// Stryker disable next-line <mutator>: <why>` comment.

/** The files that decide what gets signed and what verifies. Add a file here to cover it. */
const guarded = [
  'assertClaims.ts',
  'assertOptions.ts',
  'assertSecret.ts',
  'assertUserId.ts',
  'beginVerification.ts',
  'decodeJwt.ts',
  'jwtHeader.ts',
  'prepareJwtPayload.ts',
  'signatureMatches.ts',
  'verifyIntercomJwt.ts',
  'web/verifyIntercomJwt.ts',
]

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
  htmlReporter: { fileName: '../../reports/mutation/signer/index.html' },
  jsonReporter: { fileName: '../../reports/mutation/signer/mutation.json' },
  tempDirName: '../../reports/mutation/.stryker-tmp-signer',
  cleanTempDir: 'always',
}
