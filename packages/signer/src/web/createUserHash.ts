import { assertSecret } from '../assertSecret'
import { assertUserId } from '../assertUserId'
import { hmacSha256 } from './hmacSha256'

/**
 * Legacy identity verification with Web Crypto: the lowercase hex HMAC-SHA256 of the user id (or email)
 * that Intercom expects as `user_hash`. The workerd and edge form, so it returns a Promise.
 *
 * @example
 * const userHash = await createUserHash('123', env.INTERCOM_IDENTITY_SECRET)
 */
export async function createUserHash(identifier: string, secret: string): Promise<string> {
  assertUserId(identifier, 'identifier')
  assertSecret(secret)
  let hex = ''
  for (const byte of await hmacSha256(secret, identifier)) hex += byte.toString(16).padStart(2, '0')
  return hex
}
