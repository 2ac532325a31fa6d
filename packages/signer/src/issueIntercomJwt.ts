import { createHmac } from 'node:crypto'
import { assertClaims } from './assertClaims'
import { assertExpiresIn, assertOptionsObject, resolveNow } from './assertOptions'
import { assertSecret } from './assertSecret'
import { hmacKey } from './hmacKey'
import { HS256_HEADER } from './jwtHeader'
import type { IntercomUser } from './types'

/** Options of `signIntercomJwt`. */
export interface SignOptions {
  /** Lifetime in seconds, or `false` for no `exp`. Default 3600 (one hour). */
  expiresIn?: number | false
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number
}

/** A signed token and its `exp` (seconds since the epoch), when it has one. */
export interface IssuedJwt {
  token: string
  expiresAt: number | undefined
}

/** Signs `claims` as an HS256 JWT; shared by `signIntercomJwt` and the identity handler. */
export function issueIntercomJwt(
  claims: IntercomUser,
  secret: string,
  options?: SignOptions,
): IssuedJwt {
  assertSecret(secret)
  assertClaims(claims)
  assertOptionsObject(options, '{ expiresIn: 3600 }')
  const expiresIn = options?.expiresIn ?? 3600
  assertExpiresIn(expiresIn, true)
  const issuedAt = Math.floor(resolveNow(options?.now)() / 1000)
  const expiresAt = expiresIn === false ? undefined : issuedAt + expiresIn
  // assertClaims guarantees a non-empty plain object, so the JSON ends in '}' and the time claims can be
  // appended to it without copying the claims into a new object.
  const json = JSON.stringify(claims)
  const timeClaims =
    expiresAt === undefined ? `,"iat":${issuedAt}}` : `,"iat":${issuedAt},"exp":${expiresAt}}`
  const payload = Buffer.from(json.slice(0, -1) + timeClaims).toString('base64url')
  const signingInput = `${HS256_HEADER}.${payload}`
  const signature = createHmac('sha256', hmacKey(secret)).update(signingInput).digest('base64url')
  return { token: `${signingInput}.${signature}`, expiresAt }
}
