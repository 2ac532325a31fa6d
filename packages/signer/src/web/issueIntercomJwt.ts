import { encodeBase64url } from '../base64url'
import { HS256_HEADER } from '../jwtHeader'
import { type IssuedJwt, prepareJwtPayload, type SignOptions } from '../prepareJwtPayload'
import type { IntercomUser } from '../types'
import { hmacSha256 } from './hmacSha256'

/** Signs `claims` as an HS256 JWT with Web Crypto; shared by `signIntercomJwt` and the identity handler. */
export async function issueIntercomJwt(
  claims: IntercomUser,
  secret: string,
  options?: SignOptions,
): Promise<IssuedJwt> {
  const { json, expiresAt } = prepareJwtPayload(claims, secret, options)
  const signingInput = `${HS256_HEADER}.${encodeBase64url(json)}`
  const signature = encodeBase64url(await hmacSha256(secret, signingInput))
  return { token: `${signingInput}.${signature}`, expiresAt }
}
