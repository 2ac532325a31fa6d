import { parseJsonSegment } from './decodeJwt'
import { SignerError } from './SignerError'

/** base64url of `{"alg":"HS256","typ":"JWT"}`: encoded once, and compared as is on verify. */
export const HS256_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9'

/** Accepts only an HS256 header; anything else (`none`, RS256, HS512, `crit`) is refused before any MAC. */
export function assertHs256Header(segment: string): void {
  // Stryker disable next-line ConditionalExpression: equivalent when false, a shortcut for the header this signer issues, which is otherwise parsed and accepted below (Stryker disables by mutator, so the 'always true' variant, which the alg tests catch, is skipped too).
  if (segment === HS256_HEADER) return
  const header = parseJsonSegment(segment, 'header')
  if (header.alg !== 'HS256') {
    throw new SignerError(
      'ERR_JWT_ALG',
      'the token header names an algorithm other than HS256. Intercom tokens are HS256 only; sign with signIntercomJwt.',
    )
  }
  if (header.crit !== undefined) {
    throw new SignerError(
      'ERR_JWT_MALFORMED',
      'the token header has a crit parameter, which this verifier does not support. Sign without extensions.',
    )
  }
}
