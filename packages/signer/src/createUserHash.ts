import { createHmac } from 'node:crypto'
import { assertSecret } from './assertSecret'
import { assertUserId } from './assertUserId'
import { hmacKey } from './hmacKey'

/**
 * Legacy identity verification: the lowercase hex HMAC-SHA256 of the user id (or email) that Intercom
 * expects as `user_hash`. Prefer `signIntercomJwt` for new workspaces. Synchronous on Node, Bun and Deno; a
 * Promise on Web Crypto runtimes (workerd, edge).
 *
 * @example
 * createUserHash('123', secret) // 'a1b2…' (64 hex characters)
 */
export function createUserHash(identifier: string, secret: string): string {
  assertUserId(identifier, 'identifier')
  assertSecret(secret)
  return createHmac('sha256', hmacKey(secret)).update(identifier).digest('hex')
}
