import { beginVerification, signatureMismatch, type VerifyOptions } from './beginVerification'
import { decodeBase64urlWithBuffer } from './decodeBase64urlWithBuffer'
import { parseJsonSegment } from './decodeJwt'
import { signatureMatches } from './signatureMatches'
import type { IntercomJwtClaims } from './types'

/**
 * Verifies an `intercom_user_jwt`: HS256 only, signature in constant time against each secret (pass the
 * new and the old one while rotating), `exp`/`nbf` with a 5 s default tolerance, and a string `user_id`.
 * Returns the claims; throws `SignerError` for every failure. Synchronous on Node, Bun and Deno; on
 * Web Crypto runtimes (workerd, edge) the same name returns a Promise: write `await` to run on both.
 *
 * @example
 * const claims = verifyIntercomJwt(token, [newSecret, oldSecret], { userId: '123' })
 */
export function verifyIntercomJwt(
  token: string,
  secretOrSecrets: string | readonly string[],
  options?: VerifyOptions,
): IntercomJwtClaims {
  const { secrets, segments, checkClaims } = beginVerification(token, secretOrSecrets, options)
  if (
    !secrets.some((secret) => signatureMatches(segments.signingInput, segments.signature, secret))
  ) {
    throw signatureMismatch()
  }
  return checkClaims(parseJsonSegment(segments.payload, 'payload', decodeBase64urlWithBuffer))
}
