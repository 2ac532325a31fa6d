/** Every failure the signer reports; stable, so callers can `switch` on `error.code`. */
export type SignerErrorCode =
  /** The secret is missing, empty, not a string, or padded with whitespace. */
  | 'ERR_SECRET'
  /** A `user_id` (or the identifier given to `createUserHash`) is not a usable string. */
  | 'ERR_USER_ID'
  /** Claims to sign are not a plain object of JSON values, or set a reserved claim. */
  | 'ERR_CLAIMS'
  /** An option has the wrong type or range. */
  | 'ERR_OPTIONS'
  /** The token is not a compact JWS with a JSON header and payload. */
  | 'ERR_JWT_MALFORMED'
  /** The token's header names an algorithm other than HS256 (including `none`). */
  | 'ERR_JWT_ALG'
  /** The signature does not match any of the secrets. */
  | 'ERR_JWT_SIGNATURE'
  /** `exp` has passed, beyond the clock tolerance. */
  | 'ERR_JWT_EXPIRED'
  /** `nbf` is still ahead, beyond the clock tolerance. */
  | 'ERR_JWT_NOT_YET_VALID'
  /** A claim is missing, has the wrong type, or is not the expected value. */
  | 'ERR_JWT_CLAIM'

/**
 * The error every signer function throws: a stable `code` to branch on and a message that says what to fix.
 * Messages never contain the secret, a token or user data.
 *
 * @example
 * try {
 *   verifyIntercomJwt(token, secret)
 * } catch (error) {
 *   if (error instanceof SignerError && error.code === 'ERR_JWT_EXPIRED') refresh()
 * }
 */
export class SignerError extends Error {
  override readonly name = 'SignerError'
  readonly code: SignerErrorCode

  constructor(code: SignerErrorCode, message: string) {
    super(`[verified-messenger/signer] ${message}`)
    this.code = code
  }
}
