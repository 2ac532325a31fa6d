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
  // Stryker disable next-line ConditionalExpression: equivalent when false, a shortcut; a signature of another length writes another number of bytes below and is refused there (the 'always true' variant, which every valid token catches, is skipped with it).
  if (signature.length !== SIGNATURE_LENGTH) return false
  expected.write(
    createHmac('sha256', hmacKey(secret)).update(signingInput).digest('base64url'),
    // Stryker disable next-line StringLiteral: equivalent, Buffer's default encoding (utf8) writes base64url text to the same bytes.
    'latin1',
  )
  return (
    // Stryker disable next-line StringLiteral: equivalent, utf8 is Buffer's default encoding.
    providedBytes.write(signature, 'utf8') === SIGNATURE_LENGTH &&
    timingSafeEqual(provided, expected)
  )
}
