import { encodeBase64url } from '../base64url'
import { beginVerification, signatureMismatch, type VerifyOptions } from '../beginVerification'
import { parseJsonSegment } from '../decodeJwt'
import type { IntercomJwtClaims } from '../types'
import { hmacSha256 } from './hmacSha256'

/** An HS256 signature in base64url: 32 bytes, no padding. */
const SIGNATURE_LENGTH = 43

/**
 * Verifies an `intercom_user_jwt` with Web Crypto, exactly as the Node form does (HS256 only, constant-time
 * signature check against each secret, `exp`/`nbf` with 5 s tolerance, a string `user_id`); the workerd and
 * edge form, so it returns a Promise. Rejects with `SignerError`.
 *
 * @example
 * const claims = await verifyIntercomJwt(token, env.INTERCOM_IDENTITY_SECRET, { userId: '123' })
 */
export async function verifyIntercomJwt(
  token: string,
  secretOrSecrets: string | readonly string[],
  options?: VerifyOptions,
): Promise<IntercomJwtClaims> {
  const { secrets, segments, checkClaims } = beginVerification(token, secretOrSecrets, options)
  let matched = false
  for (const secret of secrets) {
    if (await signatureMatches(segments.signingInput, segments.signature, secret)) matched = true
  }
  if (!matched) throw signatureMismatch()
  return checkClaims(parseJsonSegment(segments.payload, 'payload'))
}

/**
 * Compares the base64url text, not decoded bytes (a decoder ignores the spare bits of the last character,
 * which would accept a second spelling of the signature), without an early exit on the first difference.
 */
async function signatureMatches(
  signingInput: string,
  signature: string,
  secret: string,
): Promise<boolean> {
  if (signature.length !== SIGNATURE_LENGTH) return false
  const expected = encodeBase64url(await hmacSha256(secret, signingInput))
  let difference = 0
  // `!==` rather than `<`: with `<=` one more step would read NaN from both strings, and NaN ^ NaN is 0,
  // a mutant no test could tell apart.
  for (let index = 0; index !== SIGNATURE_LENGTH; index++) {
    difference |= expected.charCodeAt(index) ^ signature.charCodeAt(index)
  }
  return difference === 0
}
