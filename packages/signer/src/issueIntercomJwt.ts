import { createHmac } from 'node:crypto'
import { hmacKey } from './hmacKey'
import { HS256_HEADER } from './jwtHeader'
import { type IssuedJwt, prepareJwtPayload, type SignOptions } from './prepareJwtPayload'
import type { IntercomUser } from './types'

/** Signs `claims` as an HS256 JWT with node:crypto; shared by `signIntercomJwt` and the identity handler. */
export function issueIntercomJwt(
  claims: IntercomUser,
  secret: string,
  options?: SignOptions,
): IssuedJwt {
  const { json, expiresAt } = prepareJwtPayload(claims, secret, options)
  const signingInput = `${HS256_HEADER}.${Buffer.from(json).toString('base64url')}`
  const signature = createHmac('sha256', hmacKey(secret)).update(signingInput).digest('base64url')
  return { token: `${signingInput}.${signature}`, expiresAt }
}
