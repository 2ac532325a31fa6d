import { createHmac, timingSafeEqual } from 'node:crypto'
import { hmacKey } from './hmacKey'

/** An HS256 signature in base64url: 32 bytes, no padding. */
const SIGNATURE_LENGTH = 43

// Reused by every call: verifying is synchronous, so calls cannot interleave, and allocating two buffers
// per token costs a tenth of a verify.
const expected = Buffer.alloc(SIGNATURE_LENGTH)
// Twice the room, so a non-ASCII character (2 to 4 bytes in UTF-8) shows up as extra bytes written.
const providedBytes = Buffer.alloc(SIGNATURE_LENGTH * 2)
const provided = providedBytes.subarray(0, SIGNATURE_LENGTH)

/**
 * Compares the base64url text of the signature in constant time. Text rather than decoded bytes: a
 * decoder ignores the spare bits of the last character, so comparing bytes would accept more than one
 * spelling of the same signature. A length mismatch is `false`.
 */
export function signatureMatches(signingInput: string, signature: string, secret: string): boolean {
  if (signature.length !== SIGNATURE_LENGTH) return false
  expected.write(
    createHmac('sha256', hmacKey(secret)).update(signingInput).digest('base64url'),
    'latin1',
  )
  return (
    providedBytes.write(signature, 'utf8') === SIGNATURE_LENGTH &&
    timingSafeEqual(provided, expected)
  )
}
