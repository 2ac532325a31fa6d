// @ts-check
import { mutationConfig } from '../mutationConfig.mjs'

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

export default mutationConfig('signer', guarded)
