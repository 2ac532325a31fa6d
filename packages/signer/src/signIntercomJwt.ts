import { issueIntercomJwt } from './issueIntercomJwt'
import type { SignOptions } from './prepareJwtPayload'
import type { IntercomUser } from './types'

/**
 * Signs an `intercom_user_jwt` (HS256) with Intercom's claim names plus `iat` and `exp`.
 * `expiresIn` defaults to 3600 seconds; `false` leaves `exp` out. Synchronous on Node, Bun and Deno; on
 * Web Crypto runtimes (workerd, edge) the same name returns a Promise: write `await` to run on both.
 *
 * @example
 * const token = signIntercomJwt(
 *   { user_id: user.id, email: user.email, plan: 'pro' },
 *   secret, // a string: check process.env.INTERCOM_IDENTITY_SECRET is set where the server starts
 *   { expiresIn: 2 * 60 * 60 },
 * )
 */
export function signIntercomJwt(
  claims: IntercomUser,
  secret: string,
  options?: SignOptions,
): string {
  return issueIntercomJwt(claims, secret, options).token
}
